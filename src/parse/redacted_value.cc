// Redaction tokens and secret classification, mirroring redact() in src/collect/collector.sh.
#include "parse/redacted_value.h"

#include <cctype>

#include "base/strings.h"

namespace shipshape {
namespace {

bool IsNameStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }

bool IsAllChar(std::string_view s, char c) {
  if (s.empty()) return false;
  for (char x : s) {
    if (x != c) return false;
  }
  return true;
}

// The collector's list of well-known defaults and placeholders (lower case).
bool IsKnownDefault(const std::string& lv) {
  static constexpr std::string_view kDefaults[] = {"admin",
                                                   "administrator",
                                                   "password",
                                                   "passwd",
                                                   "pass",
                                                   "pw",
                                                   "secret",
                                                   "changeme",
                                                   "change_me",
                                                   "change-me",
                                                   "changeit",
                                                   "default",
                                                   "example",
                                                   "test",
                                                   "testing",
                                                   "root",
                                                   "toor",
                                                   "guest",
                                                   "user",
                                                   "demo",
                                                   "123456",
                                                   "1234",
                                                   "12345",
                                                   "12345678",
                                                   "123456789",
                                                   "qwerty",
                                                   "letmein",
                                                   "foobared",
                                                   "mysecretpassword",
                                                   "supersecret",
                                                   "s3cr3t",
                                                   "todo",
                                                   "tbd",
                                                   "none",
                                                   "null",
                                                   "placeholder",
                                                   "redacted"};
  for (std::string_view d : kDefaults) {
    if (lv == d) return true;
  }
  return IsAllChar(lv, '*') || (lv.size() >= 3 && IsAllChar(lv, 'x'));
}

bool LooksLikePlaceholder(const std::string& lv) {
  for (std::string_view p : {"your", "my", "insert", "enter", "put", "replace", "set"}) {
    if (lv.size() > p.size() && StartsWith(lv, p)) {
      char sep = lv[p.size()];
      if (sep == '-' || sep == '_' || sep == ' ') return true;
    }
  }
  for (std::string_view w : {"changethis", "change-this", "change_this", "change this", "changeme", "change-me",
                             "change_me", "change me", "changeit", "change-it", "change_it", "change it"}) {
    if (lv.find(w) != std::string::npos) return true;
  }
  return (lv.size() >= 2 && lv.front() == '<' && lv.back() == '>') || lv == "...";
}

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

bool IsSecretKey(std::string_view key) {
  std::string u(key);
  for (char& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (std::string_view s : {"_FILE", "FILE", "_PATH", "_DIR", "_URL_FILE"}) {
    if (EndsWith(u, s)) return false;
  }
  for (std::string_view s :
       {"PUBKEYAUTHENTICATION", "AUTHORIZEDKEYSFILE", "AUTHENTICATIONMETHODS", "PASSWORDAUTHENTICATION"}) {
    if (u == s) return false;
  }
  for (std::string_view s : {"PASS", "PWD", "SECRET", "TOKEN", "KEY", "CREDENTIAL", "AUTH", "PRIVATE", "SALT", "COOKIE",
                             "SESSION", "SIGNATURE", "DSN", "CERT_PEM"}) {
    if (u.find(s) != std::string::npos) return true;
  }
  // Beyond the collector's list: POSTGRES_PW, PIHOLE_PW (real .env files use them).
  return u == "PW" || EndsWith(u, "_PW");
}

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

std::string ClassifySecret(std::string_view value) {
  if (value.empty()) return "empty";
  std::string lv = ToLower(value);
  if (IsKnownDefault(lv) || LooksLikePlaceholder(lv)) return "default";
  return value.size() < 12 ? "short" : "ok";
}

EnvValue ClassifyEnvValue(std::string_view key, std::string_view value) {
  EnvValue out;
  if (auto token = ParseRedactedToken(value)) {
    out.redacted = true;
    out.cls = token->cls;
    out.length = token->length;
    return out;
  }
  if (IsSecretKey(key) && !IsVariableReference(value)) {
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
