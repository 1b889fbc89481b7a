// Dotenv reading for Compose: the project's .env and env_file entries.
#include "parse/compose_dotenv.h"

#include "base/strings.h"
#include "collect/secret_redactor.h"
#include "parse/compose_interpolation.h"
#include "parse/redacted_value.h"

namespace shipshape::compose {
namespace {

bool IsKey(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    bool ok =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return !(key[0] >= '0' && key[0] <= '9');
}

// An unquoted value ends at " #" (an inline comment).
std::string Unquoted(std::string_view rest) {
  for (size_t i = 1; i < rest.size(); ++i) {
    if (rest[i] == '#' && (rest[i - 1] == ' ' || rest[i - 1] == '\t')) return std::string(Trim(rest.substr(0, i)));
  }
  return std::string(Trim(rest));
}

// A quoted value starting at lines[*i] (after the opening quote); may span lines. False if it never closes.
bool Quoted(const std::vector<std::string_view>& lines, size_t* i, std::string_view rest, char quote,
            std::string* value) {
  size_t at = *i;
  for (std::string_view chunk = rest;;) {
    for (size_t k = 0; k < chunk.size(); ++k) {
      char c = chunk[k];
      if (c == quote) {
        *i = at;
        return true;
      }
      if (c == '\\' && quote == '"' && k + 1 < chunk.size()) {
        char e = chunk[++k];
        if (e == 'n') {
          *value += '\n';
        } else if (e == 't') {
          *value += '\t';
        } else {
          if (e != '"' && e != '\\') *value += '\\';
          *value += e;
        }
        continue;
      }
      *value += c;
    }
    if (++at >= lines.size()) return false;
    *value += '\n';
    chunk = lines[at];
  }
}

}  // namespace

std::vector<DotenvLine> ReadDotenv(std::string_view text) {
  std::vector<DotenvLine> out;
  std::vector<std::string_view> lines = SplitLines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = Trim(lines[i]);
    if (i == 0 && StartsWith(t, "\xEF\xBB\xBF")) t = Trim(t.substr(3));
    if (t.empty() || t[0] == '#') continue;
    if (StartsWith(t, "export ") || StartsWith(t, "export\t")) t = Trim(t.substr(7));
    DotenvLine entry;
    entry.line = static_cast<int>(i) + 1;
    size_t eq = t.find('=');
    entry.key = std::string(Trim(t.substr(0, eq)));
    if (!IsKey(entry.key)) continue;
    if (eq == std::string_view::npos) {
      entry.bare = true;
      out.push_back(std::move(entry));
      continue;
    }
    std::string_view rest = Trim(t.substr(eq + 1));
    if (!rest.empty() && (rest[0] == '"' || rest[0] == '\'')) {
      entry.literal = rest[0] == '\'';
      if (!Quoted(lines, &i, rest.substr(1), rest[0], &entry.raw)) break;
    } else {
      entry.raw = Unquoted(rest);
    }
    out.push_back(std::move(entry));
  }
  return out;
}

std::string SafeValue(std::string_view key, std::string_view value) {
  EnvValue v = ClassifyEnvValue(key, value);
  if (!v.redacted) return std::string(value);
  return "[REDACTED class=" + v.cls + " len=" + std::to_string(v.length) + "]";
}

std::map<std::string, std::string, std::less<>> ProjectVariables(std::string_view dotenv_text) {
  std::map<std::string, std::string, std::less<>> vars;
  VarLookup lookup = [&vars](std::string_view name) -> const std::string* {
    auto it = vars.find(name);
    return it == vars.end() ? nullptr : &it->second;
  };
  for (const DotenvLine& l : ReadDotenv(dotenv_text)) {
    if (l.bare) continue;
    std::string value = l.literal ? l.raw : Interpolate(l.raw, lookup).value;
    vars[l.key] = SafeValue(l.key, value);
  }
  return vars;
}

}  // namespace shipshape::compose
