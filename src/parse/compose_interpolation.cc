// Compose variable interpolation (the grammar of compose-go's template package).
#include "parse/compose_interpolation.h"

#include "parse/redacted_value.h"

namespace shipshape::compose {
namespace {

bool IsNameStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }

size_t NameEnd(std::string_view s, size_t i) {
  if (i >= s.size() || !IsNameStart(s[i])) return i;
  while (i < s.size() && IsNameChar(s[i])) ++i;
  return i;
}

// Index of the '}' closing a "${" whose body starts at `i`, skipping nested "${…}" and "$$";
// npos when it never closes.
size_t ClosingBrace(std::string_view s, size_t i) {
  int depth = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == '$' && i + 1 < s.size() && (s[i + 1] == '$' || s[i + 1] == '{')) {
      if (s[i + 1] == '{') ++depth;
      ++i;
    } else if (s[i] == '}') {
      if (depth == 0) return i;
      --depth;
    }
  }
  return std::string_view::npos;
}

class Interpolator {
 public:
  explicit Interpolator(const VarLookup& lookup) : lookup_(lookup) {}

  // Interpolates `s` into out->value, appending refs; false on an invalid template.
  bool Run(std::string_view s, Interpolated* out, int depth) {
    if (depth > 16) return false;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '$' || i + 1 >= s.size()) {
        out->value += s[i];
        continue;
      }
      char next = s[i + 1];
      if (next == '$') {
        out->value += '$';
        ++i;
      } else if (next == '{') {
        size_t close = ClosingBrace(s, i + 2);
        if (close == std::string_view::npos || !Braced(s.substr(i + 2, close - i - 2), out, depth)) return false;
        i = close;
      } else if (IsNameStart(next)) {
        size_t end = NameEnd(s, i + 1);
        Plain(s.substr(i + 1, end - i - 1), out);
        i = end - 1;
      } else {
        out->value += '$';
      }
    }
    return true;
  }

 private:
  void Plain(std::string_view name, Interpolated* out) {
    const std::string* v = lookup_(name);
    out->value += v ? *v : std::string();
    out->refs.push_back({std::string(name), "plain", v != nullptr, !v || IsEmptyValue(*v), false});
  }

  // The body of "${…}": NAME, or NAME followed by an operator and a word.
  bool Braced(std::string_view body, Interpolated* out, int depth) {
    size_t end = NameEnd(body, 0);
    if (end == 0) return false;
    std::string_view name = body.substr(0, end);
    if (end == body.size()) {
      Plain(name, out);
      return true;
    }
    bool colon = body[end] == ':';
    size_t op_at = end + (colon ? 1 : 0);
    if (op_at >= body.size() || std::string_view("-+?").find(body[op_at]) == std::string_view::npos) return false;
    char op = body[op_at];
    std::string_view word = body.substr(op_at + 1);
    const std::string* v = lookup_(name);
    bool set = v != nullptr;
    bool unusable = !set || (colon && IsEmptyValue(*v));
    // The word is interpolated even when unused, so that its references are reported.
    Interpolated inner;
    if (!Run(word, &inner, depth + 1)) return false;
    VarRef ref{std::string(name), op == '?' ? "required" : "default", set, false, false};
    std::string result;
    if (op == '-') {
      result = unusable ? inner.value : *v;
    } else if (op == '+') {
      result = unusable ? std::string() : inner.value;
    } else {
      ref.refused = unusable;
      result = unusable ? std::string() : *v;
    }
    ref.empty = IsEmptyValue(result);
    out->refs.push_back(ref);
    if (op != '?') out->refs.insert(out->refs.end(), inner.refs.begin(), inner.refs.end());
    out->value += result;
    return true;
  }

  const VarLookup& lookup_;
};

}  // namespace

bool IsEmptyValue(std::string_view value) {
  if (value.empty()) return true;
  auto token = ParseRedactedToken(value);
  return token && (token->cls == "empty" || token->length == 0);
}

Interpolated Interpolate(std::string_view raw, const VarLookup& lookup) {
  Interpolated out;
  Interpolator interpolator(lookup);
  if (!interpolator.Run(raw, &out, 0)) {
    out.ok = false;
    out.value = std::string(raw);
  }
  return out;
}

}  // namespace shipshape::compose
