// Parser for dotenv files (.env, *.env, .env.*, in any folder) and /etc/environment (KEY=value
// lines read by pam_env) → table `env_vars`. Values of secret-like keys arrive redacted; any that do
// not are classified and dropped here.
#include <cctype>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"
#include "parse/redacted_value.h"

namespace shipshape {
namespace {

const TableDef& kEnvVars = RegisterTable(
    {"env_vars",
     "Variables of dotenv files (.env, *.env, .env.*) on the host or in a stack, and of /etc/environment. Values "
     "of secret-like keys are never stored: only their class and length. A value \"${VAR:-default}\" of a "
     "secret-like key is classed by its default.",
     {FileCol(), LineCol(), Text("key", "variable name"), Text("value", "the value, or NULL when redacted"),
      Int("redacted", "1 if the value was a secret (redacted)"),
      Text("class",
           "default (a known default or placeholder: admin, changeme, …) | empty | short (< 12 chars) | ok, for "
           "redacted values; plain for kept values"),
      Int("length", "length of the value in characters"),
      Int("template",
          "1 when the file's name marks a template that runs nowhere: it contains example, sample, template or "
          "tmpl, or ends in .dist or dist.env (.env.example, app.env.sample, .env.dist)")}});

constexpr const char* kCategory = "secrets";

bool IsEnvFileName(std::string_view path) {
  if (path == "/etc/environment") return true;
  std::string_view base = path.substr(path.rfind('/') + 1);
  return base == ".env" || (base.size() > 4 && EndsWith(base, ".env")) || StartsWith(base, ".env.");
}

bool IsTemplateFileName(std::string_view path) {
  const std::string base = ToLower(path.substr(path.rfind('/') + 1));
  for (std::string_view mark : {"example", "sample", "template", "tmpl"}) {
    if (base.find(mark) != std::string::npos) return true;
  }
  return EndsWith(base, ".dist") || EndsWith(base, "dist.env");
}

bool IsValidKey(std::string_view key) {
  if (key.empty() || !(std::isalpha(static_cast<unsigned char>(key[0])) || key[0] == '_')) return false;
  for (char c : key) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-') return false;
  }
  return true;
}

// Unquoted value: up to an inline " #" comment, trailing blanks removed.
std::string UnquotedValue(std::string_view rest) {
  for (size_t i = 1; i < rest.size(); ++i) {
    if (rest[i] == '#' && (rest[i - 1] == ' ' || rest[i - 1] == '\t')) {
      rest = rest.substr(0, i);
      break;
    }
  }
  return std::string(Trim(rest));
}

// Reads a quoted value chunk by chunk (a value may span lines), in linear time.
class QuotedValue {
 public:
  explicit QuotedValue(char quote) : quote_(quote) {}
  // Feeds text; true once the closing quote is seen (the rest of the chunk is ignored).
  bool Feed(std::string_view chunk) {
    for (char c : chunk) {
      if (escape_) {
        escape_ = false;
        Unescape(c);
      } else if (c == quote_) {
        return true;
      } else if (c == '\\' && quote_ == '"') {
        escape_ = true;
      } else {
        value_ += c;
      }
    }
    return false;
  }
  const std::string& value() const { return value_; }

 private:
  // Double-quoted escapes as dotenv reads them; unknown ones are kept as written.
  void Unescape(char e) {
    switch (e) {
      case 'n':
        value_ += '\n';
        break;
      case 't':
        value_ += '\t';
        break;
      case 'r':
        value_ += '\r';
        break;
      case '"':
      case '\\':
      case '$':
        value_ += e;
        break;
      default:
        value_ += '\\';
        value_ += e;
    }
  }
  char quote_;
  bool escape_ = false;
  std::string value_;
};

// The value starting with `rest` on line `*i`; a quoted value may span lines (then `*i` moves to
// the line that closes it). False when the quote never closes.
bool ReadValue(const std::vector<std::string_view>& lines, size_t* i, std::string_view rest, std::string* value) {
  if (rest.empty() || (rest[0] != '"' && rest[0] != '\'')) {
    *value = UnquotedValue(rest);
    return true;
  }
  QuotedValue quoted(rest[0]);
  size_t last = *i;
  bool closed = quoted.Feed(rest.substr(1));
  while (!closed && last + 1 < lines.size()) closed = quoted.Feed("\n") || quoted.Feed(lines[++last]);
  if (!closed) return false;
  *i = last;
  *value = quoted.value();
  return true;
}

// Parses one file; returns false when it had malformed lines.
bool ParseEnvFile(const std::string& file, const std::string& text, FactSink& out) {
  std::vector<std::string_view> lines = SplitLines(text);
  const bool templ = IsTemplateFileName(file);
  bool ok = true;
  for (size_t i = 0; i < lines.size(); ++i) {
    int n = static_cast<int>(i) + 1;
    std::string_view t = Trim(lines[i]);
    if (i == 0 && StartsWith(t, "\xEF\xBB\xBF")) t = Trim(t.substr(3));
    if (t.empty() || t[0] == '#') continue;
    if (StartsWith(t, "export ") || StartsWith(t, "export\t")) t = Trim(t.substr(7));
    size_t eq = t.find('=');
    if (StartsWith(t, "[REDACTED ") && EndsWith(t, "]")) {
      // The collector (and the stack reader) redact a line that is no assignment whole.
      out.Error(kCategory, file, n, "expected KEY=value (the line was redacted whole: it may hold a secret)");
      ok = false;
      continue;
    }
    if (eq == std::string_view::npos) {
      out.Error(kCategory, file, n, "expected KEY=value");
      ok = false;
      continue;
    }
    std::string key(Trim(t.substr(0, eq)));
    if (!IsValidKey(key)) {
      out.Error(kCategory, file, n, "invalid variable name before '='");
      ok = false;
      continue;
    }
    std::string value;
    if (!ReadValue(lines, &i, Trim(t.substr(eq + 1)), &value)) {
      out.Error(kCategory, file, n, "unterminated quoted value of " + key);
      return false;
    }
    EnvValue v = ClassifyEnvValue(key, value);
    out.Add(kEnvVars, {V(file), V(static_cast<int64_t>(n)), V(key), v.value ? V(*v.value) : VNull(), VBool(v.redacted),
                       V(v.cls), V(v.length), VBool(templ)});
  }
  return ok;
}

void ParseEnvFiles(const Snapshot& snap, FactSink& out) {
  for (const auto& [path, text] : snap.files()) {
    if (!IsEnvFileName(path)) continue;
    if (ParseEnvFile(path, text, out)) out.Coverage(kCategory, path, CoverageState::kOk);
  }
}

const bool kRegistered = RegisterParser(
    {"env-files", "dotenv files: variables, secrets classified", ParseEnvFiles, kCategory,
                                            {"/opt/app/.env", "/etc/environment"}});

}  // namespace
}  // namespace shipshape
