// Redaction tokens as fact values; which keys are secret and how values are classed comes from
// collect/secret_redactor.h, the C++ twin of redact() in src/collect/collector.sh.
#include "parse/redacted_value.h"

#include <cctype>

#include "base/strings.h"
#include "collect/secret_redactor.h"

namespace shipshape {
namespace {

bool IsNameStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }

}  // namespace

std::optional<RedactedToken> ParseRedactedToken(std::string_view text) {
  std::string_view t = Trim(text);
  constexpr std::string_view kHead = "[REDACTED class=";
  if (!StartsWith(t, kHead) || t.back() != ']') return std::nullopt;
  t = t.substr(kHead.size(), t.size() - kHead.size() - 1);
  size_t sp = t.find(" len=");
  if (sp == std::string_view::npos || sp == 0) return std::nullopt;
  auto len = ParseInt(t.substr(sp + 5));
  if (!len || *len < 0) return std::nullopt;
  return RedactedToken{std::string(t.substr(0, sp)), *len};
}

// One definition of "secret" for the collector's C++ twin and the parsers.
bool IsSecretKey(std::string_view key) { return secrets::IsSecretKey(key); }

bool IsVariableReference(std::string_view v) {
  if (v.size() < 2 || v[0] != '$') return false;
  if (v[1] != '{') {
    if (!IsNameStart(v[1])) return false;
    for (char c : v.substr(2)) {
      if (!IsNameChar(c)) return false;
    }
    return true;
  }
  if (v.back() != '}' || v.size() < 4 || !IsNameStart(v[2])) return false;
  std::string_view body = v.substr(2, v.size() - 3);
  size_t i = 1;
  while (i < body.size() && IsNameChar(body[i])) ++i;
  if (i == body.size()) return true;
  if (body[i] == ':') ++i;
  return i < body.size() && std::string_view("-?+=").find(body[i]) != std::string_view::npos &&
         body.find('}') == std::string_view::npos;
}

std::string ClassifySecret(std::string_view value) { return secrets::ClassifySecret(value); }

// The default of "${NAME:-default}" (also -, =, :=, +, :+), nullopt for any other value or an empty
// default.
std::optional<std::string_view> ReferenceDefault(std::string_view v) {
  if (!IsVariableReference(v) || v.size() < 4 || v[1] != '{') return std::nullopt;
  size_t i = 3;
  while (i < v.size() - 1 && IsNameChar(v[i])) ++i;
  if (v[i] == ':') ++i;
  if (i >= v.size() - 1 || std::string_view("-=+").find(v[i]) == std::string_view::npos) return std::nullopt;
  std::string_view d = v.substr(i + 1, v.size() - i - 2);
  return d.empty() ? std::nullopt : std::optional(d);
}

EnvValue ClassifyEnvValue(std::string_view key, std::string_view value) {
  EnvValue out;
  std::optional<std::string_view> fallback = ReferenceDefault(value);
  // ${NAME:-default}: the default is the value the variable takes when NAME is unset; the
  // collector redacts it in place, so the variable has the class of that inner token.
  if (fallback && (ParseRedactedToken(*fallback) || IsSecretKey(key))) value = *fallback;
  if (auto token = ParseRedactedToken(value)) {
    out.redacted = true;
    out.cls = token->cls;
    out.length = token->length;
    return out;
  }
  if (IsSecretKey(key) && !secrets::IsSecretReference(value)) {
    out.redacted = true;
    out.cls = ClassifySecret(value);
    out.length = static_cast<int64_t>(value.size());
    return out;
  }
  out.value = std::string(value);
  out.cls = "plain";
  out.length = static_cast<int64_t>(value.size());
  return out;
}

}  // namespace shipshape
