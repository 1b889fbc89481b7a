// Secret redaction: the passes that follow YAML sequences, YAML flow mappings and JSON strings
// (the awk program's yaml_flags, yaml_flow, redact_json and json_string).
#include "collect/redact_engine.h"

namespace shipshape::secrets::internal {
namespace {

size_t SkipBlanks(std::string_view s, size_t i) {
  while (i < s.size() && IsBlank(s[i])) ++i;
  return i;
}

// Length of "^[ \t]*-[ \t]+" at the start of line, 0 if none.
size_t ItemPrefix(std::string_view line) {
  size_t i = SkipBlanks(line, 0);
  if (i >= line.size() || line[i] != '-' || i + 1 >= line.size() || !IsBlank(line[i + 1])) return 0;
  return SkipBlanks(line, i + 1);
}

// ^[ \t]*-[ \t]+["']?FLAG["']?[ \t]*$ → FLAG, or empty.
std::string_view ItemFlag(std::string_view line) {
  size_t i = ItemPrefix(line);
  if (i == 0) return {};
  if (i < line.size() && IsQuote(line[i])) ++i;
  size_t f = FlagLength(line.substr(i));
  if (f == 0) return {};
  size_t e = i + f;
  if (e < line.size() && IsQuote(line[e])) ++e;
  return SkipBlanks(line, e) == line.size() ? line.substr(i, f) : std::string_view();
}

// Length of ["']FLAG["'][ \t]*,[ \t]*["'] at s[0], 0 if none; *flag = FLAG.
size_t QuotedPair(std::string_view s, std::string_view* flag) {
  if (s.empty() || !IsQuote(s[0])) return 0;
  size_t f = FlagLength(s.substr(1));
  size_t i = 1 + f;
  if (f == 0 || i >= s.size() || !IsQuote(s[i])) return 0;
  i = SkipBlanks(s, i + 1);
  if (i >= s.size() || s[i] != ',') return 0;
  i = SkipBlanks(s, i + 1);
  if (i >= s.size() || !IsQuote(s[i])) return 0;
  *flag = s.substr(1, f);
  return i + 1;
}

// Length of awk's match of [{,][ \t]*["']?NAME["']?[ \t]*:[ \t]* at s[0], 0 if none; *key = NAME.
size_t FlowKey(std::string_view s, std::string_view* key) {
  if (s.empty() || (s[0] != '{' && s[0] != ',')) return 0;
  size_t k = SkipBlanks(s, 1);
  if (k < s.size() && IsQuote(s[k])) ++k;
  if (k >= s.size() || !IsNameStart(s[k])) return 0;
  size_t start = k;
  while (k < s.size() && IsNameChar(s[k])) ++k;
  *key = s.substr(start, k - start);
  if (k < s.size() && IsQuote(s[k])) ++k;
  k = SkipBlanks(s, k);
  if (k >= s.size() || s[k] != ':') return 0;
  return SkipBlanks(s, k + 1);
}

// ^--?[A-Za-z][A-Za-z0-9-]*$
bool IsWholeFlag(std::string_view s) { return !s.empty() && FlagLength(s) == s.size(); }

// End of the JSON string literal "([^"\\]|\\.)*" that opens at s[0], or npos when unterminated.
size_t StringEnd(std::string_view s) {
  for (size_t j = 1; j < s.size(); ++j) {
    if (s[j] == '\\') {
      if (j + 1 >= s.size()) return std::string_view::npos;
      ++j;
    } else if (s[j] == '"') {
      return j;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::string LineRedactor::YamlFlags(std::string_view in) {
  std::string line(in);
  if (yflag_) {
    yflag_ = false;
    size_t p = ItemPrefix(line);
    if (p > 0 && (p >= line.size() || line[p] != '-')) {
      size_t used = 0;
      std::string_view rest = std::string_view(line).substr(p);
      std::string v = Swap("", rest, "", &used);
      v = YamlQuote(rest.substr(0, used), std::move(v));
      line = line.substr(0, p) + v + std::string(rest.substr(used));
    }
  }
  std::string_view flag = ItemFlag(line);
  if (!flag.empty()) yflag_ = IsSecretKey(flag);
  std::string out;
  std::string_view rest = line;
  size_t i = 0;
  while (i < rest.size()) {
    size_t len = IsQuote(rest[i]) ? QuotedPair(rest.substr(i), &flag) : 0;
    if (len == 0) {
      ++i;
      continue;
    }
    std::string_view name = flag;
    out.append(rest.substr(0, i + len - 1));
    rest = rest.substr(i + len - 1);
    i = 0;
    if (!IsSecretKey(name) || (rest.size() > 1 && rest[1] == '-')) continue;
    size_t used = 0;
    out += Swap("", rest, "", &used);
    rest = rest.substr(used);
  }
  return out.append(rest);
}

std::string LineRedactor::YamlFlow(std::string_view line) {
  std::string out;
  std::string_view rest = line;
  size_t i = 0;
  std::string_view key;
  while (i < rest.size()) {
    size_t len = FlowKey(rest.substr(i), &key);
    if (len == 0) {
      ++i;
      continue;
    }
    int p = PrevChar(out, rest, i);
    out.append(rest.substr(0, i + len));
    rest = rest.substr(i + len);
    i = 0;
    char c = rest.empty() ? '\0' : rest[0];
    if (p == '$' || !IsSecretKey(key) || c == '{' || c == '[') continue;
    size_t used = 0;
    if (IsQuote(c)) {
      out += Swap(key, rest, "", &used);
      rest = rest.substr(used);
      continue;
    }
    std::string_view v = TakeValue(rest, ",]}").val;
    while (!v.empty() && IsBlank(v.back())) v.remove_suffix(1);
    if (v.empty()) continue;
    out += YamlQuote(v, Hide(key, v));
    rest = rest.substr(v.size());
  }
  return out.append(rest);
}

std::string LineRedactor::JsonString(std::string_view s) {
  if (jval_ && IsSecretKey(jkey_)) {
    jval_ = false;
    jflag_ = false;
    return Hide(jkey_, s);
  }
  jval_ = false;
  if (jflag_ && (s.empty() || s[0] != '-')) {
    jflag_ = false;
    return Hide("", s);
  }
  jflag_ = IsWholeFlag(s) && IsSecretKey(s);
  constexpr std::string_view kStop = " \t\\";
  std::string t = Short(Flags(Assignments(s, ""), kStop), kStop);
  size_t b = t.find("-----BEGIN");
  if (b != std::string::npos && t.find("PRIVATE KEY", b) != std::string::npos) {
    t = t.substr(0, b) + RedactionToken(std::string_view(t).substr(b));
  }
  return RedactUrls(t);
}

std::string LineRedactor::Json(std::string_view line) {
  std::string out;
  std::string_view rest = line;
  for (size_t q = rest.find('"'); q != std::string_view::npos; q = rest.find('"')) {
    size_t end = StringEnd(rest.substr(q));
    if (end == std::string_view::npos) break;
    std::string_view s = rest.substr(q + 1, end - 1);
    out.append(rest.substr(0, q));
    rest = rest.substr(q + end + 1);
    size_t c = SkipBlanks(rest, 0);
    if (c < rest.size() && rest[c] == ':') {
      jkey_ = std::string(s);
      jflag_ = false;
      size_t v = SkipBlanks(rest, c + 1);
      out.append("\"").append(s).append("\"").append(rest.substr(0, v));
      rest = rest.substr(v);
      jval_ = !rest.empty() && rest[0] == '"';
      continue;
    }
    out.append("\"").append(JsonString(s)).append("\"");
  }
  size_t q = rest.find('"');
  if (q == std::string_view::npos) return out.append(rest);
  out.append(rest.substr(0, q + 1));
  return out.append(JsonString(rest.substr(q + 1)));
}

}  // namespace shipshape::secrets::internal
