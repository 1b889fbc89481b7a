// The sudoers grammar: logical lines, user specifications, aliases and include directives.
#include "parse/sudoers_grammar.h"

#include <cctype>

#include "base/strings.h"

namespace shipshape {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// '#' starts a comment unless it is a uid ("#1000", "%#100", "(#0)") or inside a word.
bool IsCommentAt(std::string_view s, size_t i) {
  if (s[i] != '#') return false;
  if (i + 1 < s.size() && IsDigit(s[i + 1])) return false;
  return i == 0 || IsSpace(s[i - 1]);
}

bool IsCommentLine(std::string_view trimmed) { return !trimmed.empty() && IsCommentAt(trimmed, 0); }

std::string_view StripComment(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (IsCommentAt(s, i)) {
      return Trim(s.substr(0, i));
    }
  }
  return Trim(s);
}

// Splits on `sep` outside parentheses and not escaped by a backslash.
std::vector<std::string_view> SplitTopLevel(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '(') {
      ++depth;
    } else if (s[i] == ')' && depth > 0) {
      --depth;
    } else if (s[i] == sep && depth == 0) {
      parts.push_back(Trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(Trim(s.substr(std::min(start, s.size()))));
  return parts;
}

// Position of the first unescaped `c` at or after `from`, or npos.
size_t FindUnescaped(std::string_view s, char c, size_t from = 0) {
  for (size_t i = from; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == c) {
      return i;
    }
  }
  return std::string_view::npos;
}

SudoersEntry Invalid(std::string message) {
  SudoersEntry e;
  e.kind = SudoersKind::kInvalid;
  e.error = std::move(message);
  return e;
}

bool IsAliasName(std::string_view s) {
  if (s.empty() || !std::isupper(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s) {
    if (!std::isupper(static_cast<unsigned char>(c)) && !IsDigit(c) && c != '_') return false;
  }
  return true;
}

SudoersEntry ParseAlias(std::string_view keyword, std::string_view rest) {
  SudoersEntry e;
  e.kind = SudoersKind::kAlias;
  e.alias_type = std::string(keyword);
  for (std::string_view part : SplitTopLevel(rest, ':')) {
    size_t eq = FindUnescaped(part, '=');
    if (eq == std::string_view::npos || !IsAliasName(Trim(part.substr(0, eq))) || Trim(part.substr(eq + 1)).empty()) {
      return Invalid("expected NAME = definition after " + e.alias_type);
    }
    std::vector<std::string> members;  // continuation lines leave runs of blanks: normalise to ", "
    for (std::string_view m : SplitTopLevel(part.substr(eq + 1), ',')) members.emplace_back(m);
    e.aliases.emplace_back(std::string(Trim(part.substr(0, eq))), Join(members, ", "));
  }
  return e;
}

// "@include FILE", "#includedir DIR", …; nullopt when the line is not a directive.
std::optional<SudoersEntry> ParseInclude(std::string_view line) {
  static const std::pair<const char*, SudoersKind> kDirectives[] = {{"@includedir", SudoersKind::kIncludeDir},
                                                                    {"#includedir", SudoersKind::kIncludeDir},
                                                                    {"@include", SudoersKind::kInclude},
                                                                    {"#include", SudoersKind::kInclude}};
  for (const auto& [word, kind] : kDirectives) {
    std::string_view w(word);
    if (!StartsWith(line, w) || (line.size() > w.size() && !IsSpace(line[w.size()]))) continue;
    SudoersEntry e;
    e.kind = kind;
    std::string_view path = Trim(line.substr(w.size()));
    if (path.size() >= 2 && path.front() == '"' && path.back() == '"') path = path.substr(1, path.size() - 2);
    if (path.empty()) return Invalid(std::string("expected a path after ") + word);
    e.path = std::string(path);
    return e;
  }
  return std::nullopt;
}

constexpr const char* kTags[] = {"NOPASSWD",  "PASSWD",      "NOEXEC",     "EXEC",         "SETENV", "NOSETENV",
                                 "LOG_INPUT", "NOLOG_INPUT", "LOG_OUTPUT", "NOLOG_OUTPUT", "MAIL",   "NOMAIL",
                                 "FOLLOW",    "NOFOLLOW",    "INTERCEPT",  "NOINTERCEPT"};
constexpr const char* kOptions[] = {
    "ROLE=",  "TYPE=",      "CWD=", "CHROOT=", "NOTBEFORE=", "NOTAFTER=", "TIMEOUT=", "APPARMOR_PROFILE=",
    "PRIVS=", "LIMITPRIVS="};

bool IsTag(std::string_view s) {
  for (const char* t : kTags) {
    if (s == t) return true;
  }
  return false;
}

// Drops leading option specs (CWD=/srv) and tags (NOPASSWD:), applying NOPASSWD/PASSWD.
std::string_view SkipOptionsAndTags(std::string_view s, bool* nopasswd) {
  for (bool more = true; more && !s.empty();) {
    more = false;
    for (const char* o : kOptions) {
      if (!StartsWith(s, o)) continue;
      size_t end = s.find_first_of(" \t");
      s = end == std::string_view::npos ? std::string_view() : Trim(s.substr(end));
      more = true;
      break;
    }
    size_t colon = s.find(':');
    if (!more && colon != std::string_view::npos && IsTag(Trim(s.substr(0, colon)))) {
      if (Trim(s.substr(0, colon)) == "NOPASSWD") *nopasswd = true;
      if (Trim(s.substr(0, colon)) == "PASSWD") *nopasswd = false;
      s = Trim(s.substr(colon + 1));
      more = true;
    }
  }
  return s;
}

// "(ALL:ALL) NOPASSWD: /usr/bin/docker, /bin/systemctl": Runas and tags carry on to the commands that
// follow until changed; commands with the same Runas and NOPASSWD state are grouped.
bool ParseCommands(std::string_view spec, std::vector<SudoersCommands>* groups, std::string* error) {
  std::optional<std::string> runas;
  bool nopasswd = false;
  for (std::string_view item : SplitTopLevel(spec, ',')) {
    if (!item.empty() && item.front() == '(') {
      size_t close = item.find(')');
      if (close == std::string_view::npos) {
        *error = "unclosed ( in Runas specification";
        return false;
      }
      runas = std::string(Trim(item.substr(1, close - 1)));
      item = Trim(item.substr(close + 1));
    }
    item = SkipOptionsAndTags(item, &nopasswd);
    if (item.empty()) {
      *error = "missing command after '=' or ','";
      return false;
    }
    if (groups->empty() || groups->back().runas != runas || groups->back().nopasswd != nopasswd) {
      groups->push_back({runas, nopasswd, {}});
    }
    groups->back().commands.emplace_back(item);
  }
  return true;
}

// Reads one word of a user list at *pos: up to a blank, ',' or '='; backslash escapes and "quoted
// text" stay inside the word.
std::string_view ReadWord(std::string_view s, size_t* pos) {
  size_t start = *pos, i = *pos;
  bool quoted = false;
  for (; i < s.size(); ++i) {
    if (s[i] == '"') quoted = !quoted;
    if (quoted) continue;
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (IsSpace(s[i]) || s[i] == ',' || s[i] == '=') break;
  }
  *pos = std::min(i, s.size());
  return s.substr(start, *pos - start);
}

void SkipSpaces(std::string_view s, size_t* pos) {
  while (*pos < s.size() && IsSpace(s[*pos])) ++*pos;
}

SudoersEntry ParseRule(std::string_view line) {
  SudoersEntry e;
  e.kind = SudoersKind::kRule;
  size_t pos = 0;
  for (;;) {
    SkipSpaces(line, &pos);
    std::string_view word = ReadWord(line, &pos);
    if (!word.empty()) e.principals.emplace_back(word);
    SkipSpaces(line, &pos);
    if (pos >= line.size() || line[pos] != ',') break;
    ++pos;
  }
  size_t eq = FindUnescaped(line, '=', pos);
  if (e.principals.empty() || eq == std::string_view::npos || Trim(line.substr(pos, eq - pos)).empty()) {
    return Invalid("expected 'USER HOST = COMMANDS'");
  }
  e.hosts = std::string(Trim(line.substr(pos, eq - pos)));
  std::string error;
  if (!ParseCommands(Trim(line.substr(eq + 1)), &e.groups, &error)) return Invalid(error);
  return e;
}

bool IsAliasKeyword(std::string_view w) {
  return w == "User_Alias" || w == "Runas_Alias" || w == "Host_Alias" || w == "Cmnd_Alias" || w == "Cmd_Alias";
}

}  // namespace

std::vector<SudoersLine> SudoersLogicalLines(std::string_view text) {
  std::vector<SudoersLine> out;
  bool continuing = false;
  int n = 0;
  for (std::string_view raw : SplitLines(text)) {
    ++n;
    bool comment = !continuing && IsCommentLine(Trim(raw));
    bool continues = !comment && !raw.empty() && raw.back() == '\\';
    std::string_view body = continues ? raw.substr(0, raw.size() - 1) : raw;
    if (continuing) {
      out.back().text += body;
    } else {
      out.push_back({n, std::string(body)});
    }
    continuing = continues;
  }
  return out;
}

SudoersEntry ParseSudoersLine(std::string_view text) {
  std::string_view line = Trim(text);
  if (auto include = ParseInclude(line)) return *include;
  line = StripComment(line);
  if (line.empty()) return {};
  size_t word_end = std::min(line.find_first_of(" \t"), line.size());
  std::string_view first = line.substr(0, word_end);
  // Defaults, Defaults:user, Defaults@host, Defaults>runas, Defaults!cmd: settings, not grants.
  if (StartsWith(first, "Defaults") &&
      (first.size() == 8 || std::string_view(":@>!").find(first[8]) != std::string_view::npos)) {
    return {};
  }
  if (IsAliasKeyword(first)) return ParseAlias(first, Trim(line.substr(word_end)));
  return ParseRule(line);
}

bool SudoersIncludeDirReads(std::string_view file_name) {
  return !file_name.empty() && file_name.find('.') == std::string_view::npos && file_name.back() != '~';
}

}  // namespace shipshape
