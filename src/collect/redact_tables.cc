// Secret redaction of nginx statements, crypttab key fields and Redis Sentinel passwords: the awk
// program's redact_nginx, nginx_quote, redact_crypttab, redact_sentinel and esc_blanks (fstab
// options go through redact_assignments).
#include "collect/redact_engine.h"

namespace shipshape::secrets::internal {
namespace {

constexpr size_t kNone = std::string_view::npos;
constexpr std::string_view kNginxStop = " \t;{}";

size_t SkipBlanks(std::string_view s, size_t i) {
  while (i < s.size() && IsBlank(s[i])) ++i;
  return i;
}

// End of [A-Za-z_][A-Za-z0-9_]*[ \t]+ at s[i] (the awk NGX), or kNone.
size_t NameThenBlanks(std::string_view s, size_t i) {
  if (i >= s.size() || !IsNameStart(s[i])) return kNone;
  while (++i < s.size() && IsWordChar(s[i])) {
  }
  size_t b = SkipBlanks(s, i);
  return b > i ? b : kNone;
}

// The next statement in rest: ^[ \t]*NGX when first, else the leftmost [;{}][ \t]*NGX. Sets the
// name's start and the match's end; false when there is none.
bool NextStatement(std::string_view rest, bool first, size_t* name, size_t* end) {
  if (first) {
    *name = SkipBlanks(rest, 0);
    if ((*end = NameThenBlanks(rest, *name)) != kNone) return true;
  }
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] != ';' && rest[i] != '{' && rest[i] != '}') continue;
    *name = SkipBlanks(rest, i + 1);
    if ((*end = NameThenBlanks(rest, *name)) != kNone) return true;
  }
  return false;
}

// (_set_header|^add_header|^add_trailer|_param|^set)$
bool NamesAHeader(std::string_view n) {
  auto ends = [&](std::string_view s) { return n.size() >= s.size() && n.substr(n.size() - s.size()) == s; };
  return ends("_set_header") || ends("_param") || n == "add_header" || n == "add_trailer" || n == "set";
}

// End of ^\$?[A-Za-z_][A-Za-z0-9_.-]*[ \t]+ in s, or kNone.
size_t HeaderNameEnd(std::string_view s) {
  size_t i = (!s.empty() && s[0] == '$') ? 1 : 0;
  if (i >= s.size() || !IsNameStart(s[i])) return kNone;
  while (++i < s.size() && IsNameChar(s[i])) {
  }
  size_t b = SkipBlanks(s, i);
  return b > i ? b : kNone;
}

// swap + nginx_quote: the replacement of the value at the start of s; *used = its length.
std::string NginxSwap(std::string_view key, std::string_view s, size_t* used, std::string_view stop = kNginxStop) {
  TakenValue v = TakeValue(s, stop);
  *used = v.len;
  std::string nv = Hide(key, v.val);
  if (nv == v.val) return std::string(s.substr(0, v.len));
  if (!s.empty() && IsQuote(s[0])) return std::string(1, s[0]) + nv + (v.open ? "" : std::string(1, s[0]));
  return (!nv.empty() && nv[0] == '[') ? "\"" + nv + "\"" : nv;
}

}  // namespace

std::string EscBlanks(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ') {
      out += "\\040";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Nginx(std::string_view line) {
  std::string out;
  std::string_view rest = line;
  size_t name = 0, end = 0;
  for (bool first = true; NextStatement(rest, first, &name, &end); first = false) {
    std::string_view directive = rest.substr(name, NameThenBlanks(rest, name) - name);
    directive = directive.substr(0, directive.find_first_of(" \t"));
    out.append(rest.substr(0, end));
    rest = rest.substr(end);
    std::string_view key;
    if (NamesAHeader(directive)) {
      size_t k = HeaderNameEnd(rest);
      if (k == kNone) continue;
      key = rest.substr(0, k);
      out.append(key);
      rest = rest.substr(k);
      if (key[0] == '$') key.remove_prefix(1);
      key = key.substr(0, key.find_first_of(" \t"));
      if (!IsSecretKey(key)) continue;
    } else if (directive != "secure_link_secret") {
      continue;
    }
    size_t used = 0;
    out += NginxSwap(key, rest, &used);
    rest = rest.substr(used);
  }
  return out.append(rest);
}

std::string Sentinel(std::string_view line) {
  size_t i = SkipBlanks(line, 0);
  if (line.substr(i, 8) != "sentinel" || i + 8 >= line.size() || !IsBlank(line[i + 8])) return std::string(line);
  i = SkipBlanks(line, i + 8);
  size_t e = i;
  while (e < line.size() && !IsBlank(line[e])) ++e;
  std::string_view word = line.substr(i, e - i);
  if (word == "auth-pass") {  // then the master's name
    size_t m = SkipBlanks(line, e);
    if (m == e || m >= line.size()) return std::string(line);
    for (e = m; e < line.size() && !IsBlank(line[e]);) ++e;
  } else if (word != "sentinel-pass") {
    return std::string(line);
  }
  size_t v = SkipBlanks(line, e);
  if (v == e) return std::string(line);
  size_t used = 0;
  std::string out = std::string(line.substr(0, v)) + NginxSwap("", line.substr(v), &used, " \t");
  return out + std::string(line.substr(v + used));
}

std::string Crypttab(std::string_view line) {
  size_t i = SkipBlanks(line, 0);
  if (i < line.size() && line[i] == '#') return std::string(line);
  size_t pre = i;
  for (int field = 0; field < 2; ++field) {  // ^[ \t]*[^ \t]+[ \t]+[^ \t]+[ \t]+
    size_t start = pre;
    while (pre < line.size() && !IsBlank(line[pre])) ++pre;
    size_t b = SkipBlanks(line, pre);
    if (pre == start || b == pre) return std::string(line);
    pre = b;
  }
  size_t e = pre;
  while (e < line.size() && !IsBlank(line[e])) ++e;
  std::string_view f = line.substr(pre, e - pre);
  if (f.empty() || f == "none" || f == "-" || f[0] == '/') return std::string(line);
  return std::string(line.substr(0, pre)) + EscBlanks(RedactionToken(f)) + std::string(line.substr(e));
}

}  // namespace shipshape::secrets::internal
