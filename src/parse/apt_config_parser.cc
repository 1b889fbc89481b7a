// Parser for APT configuration (/etc/apt/apt.conf.d/*, /etc/apt/apt.conf): table `apt_config`.
#include <map>
#include <optional>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

constexpr std::string_view kCategory = "updates";
constexpr std::string_view kDir = "/etc/apt/apt.conf.d/";

const TableDef& kAptConfig = RegisterTable(
    {"apt_config",
     "Effective APT settings from /etc/apt/apt.conf.d/* (in lexical order) and /etc/apt/apt.conf (last), as "
     "APT merges them: one row per scalar setting (the last assignment wins) and one row per list entry (entries "
     "accumulate across files; #clear empties a list). Commented-out lines (//, #, /* */) are not settings.",
     {Text("key",
           "full option name with scopes joined by '::', as written by the winning line, e.g. "
           "'APT::Periodic::Unattended-Upgrade', 'Unattended-Upgrade::Origins-Pattern'. APT compares "
           "names case-insensitively: use key = '…' COLLATE NOCASE"),
      Text("value",
           "the value without quotes, e.g. '1', 'true', "
           "'origin=Debian,codename=${distro_codename}-security,label=Debian-Security' (macros as written)"),
      FileCol(), LineCol(), Int("list", "1 for a list entry (\"…\"; inside a block), 0 for a scalar setting")}});

struct Token {
  enum Kind { kWord, kString, kOpen, kClose, kSemi, kEnd, kError } kind;
  std::string text;  // word, string content, or the error message
  int line;
};

// Splits APT configuration into tokens; comments are dropped. Strings end at their line's end.
class Lexer {
 public:
  explicit Lexer(std::string_view text) : s_(text) {}
  Token Next();

 private:
  bool SkipSpaceAndComments(std::optional<Token>* error);
  std::string_view s_;
  size_t pos_ = 0;
  int line_ = 1;
};

bool Lexer::SkipSpaceAndComments(std::optional<Token>* error) {
  while (pos_ < s_.size()) {
    char c = s_[pos_];
    std::string_view rest = s_.substr(pos_);
    if (c == '\n') ++line_;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++pos_;
    } else if (StartsWith(rest, "//") || (c == '#' && !StartsWith(rest, "#clear") && !StartsWith(rest, "#include"))) {
      size_t nl = s_.find('\n', pos_);
      pos_ = nl == std::string_view::npos ? s_.size() : nl;
    } else if (StartsWith(rest, "/*")) {
      size_t end = s_.find("*/", pos_ + 2);
      if (end == std::string_view::npos) {
        *error = Token{Token::kError, "unterminated /* comment", line_};
        pos_ = s_.size();
        return false;
      }
      for (size_t i = pos_; i < end; ++i) line_ += s_[i] == '\n' ? 1 : 0;
      pos_ = end + 2;
    } else {
      return true;
    }
  }
  return true;
}

Token Lexer::Next() {
  std::optional<Token> error;
  if (!SkipSpaceAndComments(&error)) return *error;
  if (pos_ >= s_.size()) return {Token::kEnd, "", line_};
  char c = s_[pos_];
  if (c == '{' || c == '}' || c == ';') {
    ++pos_;
    return {c == '{' ? Token::kOpen : c == '}' ? Token::kClose : Token::kSemi, std::string(1, c), line_};
  }
  if (c == '"') {
    size_t end = s_.find_first_of("\"\n", pos_ + 1);
    if (end == std::string_view::npos || s_[end] != '"') {
      pos_ = end == std::string_view::npos ? s_.size() : end;
      return {Token::kError, "unterminated string", line_};
    }
    std::string text(s_.substr(pos_ + 1, end - pos_ - 1));
    pos_ = end + 1;
    return {Token::kString, std::move(text), line_};
  }
  size_t start = pos_;
  while (pos_ < s_.size() && std::string_view(" \t\r\n{};\"").find(s_[pos_]) == std::string_view::npos &&
         !StartsWith(s_.substr(pos_), "//")) {
    ++pos_;
  }
  return {Token::kWord, std::string(s_.substr(start, pos_ - start)), line_};
}

// APT option names: letters, digits and / - : . _ +
bool ValidName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              std::string_view("/-:._+").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

struct Setting {
  std::string key, value, file;
  int line = 0;
  bool list = false;
};

// The merged configuration: scalars by lower-cased key, list entries in reading order.
struct AptState {
  std::map<std::string, Setting> scalars;
  std::vector<Setting> lists;

  void Set(Setting s) {
    std::string k = ToLower(s.key);
    scalars[k] = std::move(s);
  }
  void Clear(std::string_view key) {
    std::string k = ToLower(key);
    auto under = [&](const std::string& name) {
      std::string n = ToLower(name);
      return n == k || StartsWith(n, k + "::");
    };
    std::erase_if(scalars, [&](const auto& kv) { return under(kv.second.key); });
    std::erase_if(lists, [&](const Setting& s) { return under(s.key); });
  }
};

// Reads one file into the merged state, reporting malformed statements and going on.
class AptFileParser {
 public:
  AptFileParser(std::string file, std::string_view text, AptState& state, FactSink& out)
      : file_(std::move(file)), lexer_(text), state_(state), out_(out) {}
  bool Run();  // false when something was malformed

 private:
  Token Next();
  void Statement(const Token& name);
  void Fail(const Token& at, std::string message);
  std::string Scoped(std::string_view name) const;

  std::string file_;
  Lexer lexer_;
  AptState& state_;
  FactSink& out_;
  std::optional<Token> pushed_;
  std::vector<std::pair<std::string, int>> scopes_;  // full key and line of each open block
  bool ok_ = true;
};

Token AptFileParser::Next() {
  if (pushed_) {
    Token t = std::move(*pushed_);
    pushed_.reset();
    return t;
  }
  return lexer_.Next();
}

// Reports a problem and skips the rest of that line's tokens.
void AptFileParser::Fail(const Token& at, std::string message) {
  out_.Error(kCategory, file_, at.line, at.kind == Token::kError ? at.text : message);
  ok_ = false;
  for (Token t = Next();; t = Next()) {
    if (t.kind == Token::kEnd || t.line != at.line) {
      pushed_ = std::move(t);
      return;
    }
    if (t.kind == Token::kSemi) return;
  }
}

std::string AptFileParser::Scoped(std::string_view name) const {
  if (scopes_.empty() || scopes_.back().first.empty()) return std::string(name);
  return scopes_.back().first + "::" + std::string(name);
}

bool AptFileParser::Run() {
  for (Token t = Next(); t.kind != Token::kEnd; t = Next()) {
    if (t.kind == Token::kSemi) continue;
    if (t.kind == Token::kError) {
      Fail(t, "");
    } else if (t.kind == Token::kClose) {
      if (scopes_.empty()) {
        Fail(t, "unexpected '}'");
      } else {
        scopes_.pop_back();
      }
    } else if (t.kind == Token::kOpen) {
      Fail(t, "block without a name");
    } else if (t.kind == Token::kString) {
      if (scopes_.empty()) {
        Fail(t, "list entry outside a block");
        continue;
      }
      Token semi = Next();
      if (semi.kind != Token::kSemi) {
        Fail(semi, "expected ';' after a list entry");
      } else {
        state_.lists.push_back({scopes_.back().first, t.text, file_, t.line, true});
      }
    } else {
      Statement(t);
    }
  }
  for (const auto& [key, line] : scopes_) {
    out_.Error(kCategory, file_, line, "block is not closed with '};'");
    ok_ = false;
  }
  return ok_;
}

// NAME "value"; | NAME value; | NAME { … }; | NAME:: "entry"; | #clear NAME; | #include FILE;
void AptFileParser::Statement(const Token& name) {
  if (name.text == "#clear" || name.text == "#include") {
    Token arg = Next(), semi = Next();
    if (arg.kind != Token::kWord && arg.kind != Token::kString) return Fail(arg, "expected a name after " + name.text);
    if (semi.kind != Token::kSemi) return Fail(semi, "expected ';' after " + name.text);
    if (name.text == "#clear") state_.Clear(Scoped(arg.text));
    return;
  }
  if (!ValidName(name.text)) return Fail(name, "invalid character in option name");
  std::string key = Scoped(name.text);
  Token next = Next();
  if (next.kind == Token::kOpen) {
    scopes_.push_back({EndsWith(key, "::") ? key.substr(0, key.size() - 2) : key, next.line});
    return;
  }
  std::string value;
  if (next.kind == Token::kString || next.kind == Token::kWord) {
    value = next.text;
    next = Next();
  }
  if (next.kind != Token::kSemi) {
    std::string message = "expected ';' after the value of " + key;
    if (next.line == name.line || next.kind == Token::kError) return Fail(next, message);
    out_.Error(kCategory, file_, name.line, message);  // a missing ';' at the end of a line
    ok_ = false;
    pushed_ = std::move(next);
    return;
  }
  if (EndsWith(key, "::")) {
    state_.lists.push_back({key.substr(0, key.size() - 2), value, file_, name.line, true});
  } else {
    state_.Set({key, value, file_, name.line, false});
  }
}

// APT reads files of apt.conf.d whose names are letters, digits, _ - . and end in .conf or have no
// extension; others (*.dpkg-old, *.ucf-dist, *.disabled) it ignores.
bool AptReadsFile(std::string_view name) {
  if (!ValidName(name) || name.find(':') != std::string_view::npos || name.find('/') != std::string_view::npos) {
    return false;
  }
  size_t dot = name.rfind('.');
  return dot == std::string_view::npos || name.substr(dot) == ".conf";
}

void ParseAptConfig(const Snapshot& snap, FactSink& out) {
  std::vector<std::string> files;
  for (const std::string& path : snap.FilesUnder(kDir)) {
    if (AptReadsFile(std::string_view(path).substr(kDir.size()))) files.push_back(path);
  }
  bool any_dir_file = !snap.FilesUnder(kDir).empty();
  if (snap.File("/etc/apt/apt.conf")) files.push_back("/etc/apt/apt.conf");
  AptState state;
  bool ok = true;
  for (const std::string& path : files) ok &= AptFileParser(path, *snap.File(path), state, out).Run();
  for (const auto& [k, s] : state.scalars) {
    out.Add(kAptConfig, {V(s.key), V(s.value), V(s.file), V(static_cast<int64_t>(s.line)), VBool(false)});
  }
  for (const Setting& s : state.lists) {
    out.Add(kAptConfig, {V(s.key), V(s.value), V(s.file), V(static_cast<int64_t>(s.line)), VBool(true)});
  }
  if (any_dir_file && ok) out.Coverage(kCategory, "/etc/apt/apt.conf.d", CoverageState::kOk);
}

const bool kRegistered = RegisterParser({"apt-config",
                                         "APT settings: periodic updates and unattended-upgrades",
                                         ParseAptConfig,
                                         std::string(kCategory),
                                         {"/etc/apt/apt.conf.d/50unattended-upgrades"}});

}  // namespace
}  // namespace shipshape
