// Internals of the secret redaction (secret_redactor.h): value rules and the line passes, one C++
// function per function of the collector's awk program (named after it), with the state it keeps
// across lines. awk's regular expressions are written out as hand scans with the same leftmost-
// longest result.
#pragma once

#include <string>
#include <string_view>

#include "collect/secret_redactor.h"

namespace shipshape::secrets::internal {

inline bool IsBlank(char c) { return c == ' ' || c == '\t'; }
inline bool IsAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsNameStart(char c) { return IsAlpha(c) || c == '_'; }
inline bool IsWordChar(char c) { return IsNameStart(c) || IsDigit(c); }             // [A-Za-z0-9_]
inline bool IsNameChar(char c) { return IsWordChar(c) || c == '.' || c == '-'; }    // [A-Za-z0-9_.-]
inline bool IsFlagChar(char c) { return IsAlpha(c) || IsDigit(c) || c == '-'; }     // [A-Za-z0-9-]
inline bool IsQuote(char c) { return c == '"' || c == '\''; }
// Length of [A-Za-z_][A-Za-z0-9_]* at the start of s (0 if none).
inline size_t VarNameLength(std::string_view s) {
  if (s.empty() || !IsNameStart(s[0])) return 0;
  size_t i = 1;
  while (i < s.size() && IsWordChar(s[i])) ++i;
  return i;
}

// prev_char: the character before rest[at] (rest follows out); -1 at the start of the line.
inline int PrevChar(const std::string& out, std::string_view rest, size_t at) {
  if (at > 0) return static_cast<unsigned char>(rest[at - 1]);
  return out.empty() ? -1 : static_cast<unsigned char>(out.back());
}

// take_value: a quoted string at the start of s (val without the quotes; open when unterminated)
// or the text up to the first character of stop. len = bytes consumed.
struct TakenValue {
  std::string_view val;
  size_t len = 0;
  bool open = false;
};
TakenValue TakeValue(std::string_view s, std::string_view stop);
// token_at: length of the redaction token at the start of s when the end or a character of stop
// follows it, 0 otherwise.
size_t TokenAt(std::string_view s, std::string_view stop);
// yaml_quote: nv (which replaced old) quoted as '…' when it is a token standing for a whole plain
// YAML scalar (bare, YAML would read "[…]" as a list).
inline std::string YamlQuote(std::string_view old, const std::string& nv) {
  if (nv == old || nv.empty() || nv[0] != '[') return nv;
  std::string quoted(nv.size() + 2, '\'');
  nv.copy(quoted.data() + 1, nv.size());
  return quoted;
}

// hide: what replaces value v of key (key "" = a secret whatever its name).
std::string Hide(std::string_view key, std::string_view v);
// redact_urls: scheme://user:PASSWORD@ → the password hidden.
std::string RedactUrls(std::string_view line);
// token_line: the line's text after its indentation replaced by a token (blank lines kept).
std::string TokenLine(std::string_view line);
// pem_begin: "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----" somewhere in s.
bool PemBegin(std::string_view s);
// esc_blanks: each ' ' of s written "\\040" (fstab and crypttab fields are split at blanks).
std::string EscBlanks(std::string_view s);
// redact_nginx: secret-like header, parameter and variable values of each statement of the line.
std::string Nginx(std::string_view line);
// redact_sentinel: the password of "sentinel auth-pass MASTER pw" and "sentinel sentinel-pass pw".
std::string Sentinel(std::string_view line);
// redact_crypttab: a key file field that is not none, - or an absolute path, hidden.
std::string Crypttab(std::string_view line);
// Length of the flag `--?[A-Za-z][A-Za-z0-9-]*` at the start of s, 0 if none.
size_t FlagLength(std::string_view s);

// One redaction run over a text: call Line() for each line in order.
class LineRedactor {
 public:
  explicit LineRedactor(RedactMode mode);
  std::string Line(std::string_view line);  // redact_line

 private:
  enum class Kind { kYaml, kDirectives, kDotenv };
  std::string ApplyMode(std::string_view line);
  std::string ContinueQuote(std::string_view line);
  // swap: the replacement of the value at the start of s; *consumed = its length.
  std::string Swap(std::string_view key, std::string_view s, std::string_view stop, size_t* consumed);
  std::string Assignments(std::string_view line, std::string_view stop);
  std::string Flags(std::string_view line, std::string_view stop);
  std::string Short(std::string_view line, std::string_view stop);
  std::string ShortFlag(std::string_view s, char flag, bool glued, bool spaced, std::string_view stop);
  std::string Directive(std::string_view line, Kind kind);
  std::string RedisUser(std::string_view line);
  // conf_quote: in conf mode a token that replaced bare value old, quoted to stay one word.
  std::string ConfQuote(std::string_view before, std::string_view old, std::string nv) const;
  std::string Dotenv(std::string_view line);
  std::string YamlFlags(std::string_view line);
  std::string YamlFlow(std::string_view line);
  std::string Json(std::string_view line);
  std::string JsonString(std::string_view s);

  RedactMode mode_;
  bool multi_ = false;   // open quotes continue on the next lines (env, dotenv, yaml)
  bool pem_ok_ = false;  // PEM blocks are tracked (those, directives and conf)
  char contq_ = 0;       // quote of a secret value still open from a previous line
  char openq_ = 0;       // quote of a secret value left open on this line
  int block_ = -1;       // indentation of a secret YAML block scalar's key, -1 when none
  bool pem_ = false;     // inside a PEM private key
  bool jflag_ = false;   // the previous JSON string was a secret flag: the next one is its value
  bool yflag_ = false;   // the previous YAML item was a secret flag
  bool jval_ = false;    // the next JSON string is the value of member jkey_
  std::string jkey_;
};

}  // namespace shipshape::secrets::internal
