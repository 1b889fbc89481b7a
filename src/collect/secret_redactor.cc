// Secret redaction: key test, classification, tokens and the value rules (the awk program's
// secret_key, classify, token, hide, take_value, redact_urls), and RedactText.
#include "collect/secret_redactor.h"

#include "base/strings.h"
#include "collect/redact_engine.h"

namespace shipshape::secrets {
namespace {

using internal::IsDigit;
using internal::IsNameStart;
using internal::IsWordChar;

std::string Upper(std::string_view s) {
  std::string u(s);
  for (char& c : u) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return u;
}

// norm_key: upper case, '-' and '.' as '_'.
std::string NormKey(std::string_view key) {
  std::string u = Upper(key);
  for (char& c : u) {
    if (c == '-' || c == '.') c = '_';
  }
  return u;
}

bool AllOf(std::string_view s, char c) { return s.find_first_not_of(c) == std::string_view::npos; }

// classify's first expression: the known defaults (xxx+ and \*+ included).
bool IsKnownDefault(std::string_view lv) {
  static constexpr std::string_view kDefaults[] = {
      "admin",  "administrator", "password", "passwd",    "pass",     "pw",       "secret",   "changeme",
      "change_me", "change-me",  "changeit", "default",   "example",  "test",     "testing",  "root",
      "toor",   "guest",         "user",     "demo",      "123456",   "1234",     "12345",    "12345678",
      "123456789", "qwerty",     "letmein",  "foobared",  "mysecretpassword", "supersecret", "s3cr3t",
      "todo",   "tbd",           "none",     "null",      "placeholder", "redacted", "password1",
      // product names that images and guides use as their password
      "postgres", "mysql",       "mariadb",  "mongo",     "mongodb",  "redis",    "grafana",  "minioadmin"};
  for (std::string_view d : kDefaults) {
    if (lv == d) return true;
  }
  return (lv.size() >= 3 && AllOf(lv, 'x')) || (!lv.empty() && AllOf(lv, '*'));
}

bool IsPlaceholder(std::string_view lv) {
  for (std::string_view p : {"your", "my", "insert", "enter", "put", "replace", "set"}) {
    if (lv.size() > p.size() && StartsWith(lv, p) && (lv[p.size()] == '-' || lv[p.size()] == '_' || lv[p.size()] == ' '))
      return true;
  }
  for (size_t at = lv.find("change"); at != std::string_view::npos; at = lv.find("change", at + 1)) {
    std::string_view r = lv.substr(at + 6);
    if (!r.empty() && (r[0] == '-' || r[0] == '_' || r[0] == ' ')) {
      std::string_view r2 = r.substr(1);
      if (StartsWith(r2, "this") || StartsWith(r2, "me") || StartsWith(r2, "it")) return true;
    }
    if (StartsWith(r, "this") || StartsWith(r, "me") || StartsWith(r, "it")) return true;
  }
  return (lv.size() >= 2 && lv.front() == '<' && lv.back() == '>') || lv == "...";
}

// Length of ^\[REDACTED class=[a-z]+ len=[0-9]+\] at the start of v, 0 if none (blank = "\\040":
// the fstab form).
size_t TokenPrefix(std::string_view v, std::string_view blank = " ") {
  const std::string head = "[REDACTED" + std::string(blank) + "class=", len = std::string(blank) + "len=";
  if (!StartsWith(v, head)) return 0;
  size_t i = head.size();
  size_t start = i;
  while (i < v.size() && v[i] >= 'a' && v[i] <= 'z') ++i;
  if (i == start || v.substr(i, len.size()) != len) return 0;
  i += len.size();
  start = i;
  while (i < v.size() && IsDigit(v[i])) ++i;
  return (i > start && i < v.size() && v[i] == ']') ? i + 1 : 0;
}

bool IsToken(std::string_view v) {
  return !v.empty() && (TokenPrefix(v) == v.size() || TokenPrefix(v, "\\040") == v.size());
}

}  // namespace

std::string_view RedactModeName(RedactMode mode) {
  switch (mode) {
    case RedactMode::kEnv: return "env";
    case RedactMode::kDotenv: return "dotenv";
    case RedactMode::kYaml: return "yaml";
    case RedactMode::kJson: return "json";
    case RedactMode::kCmdline: return "cmdline";
    case RedactMode::kDirectives: return "directives";
    case RedactMode::kConf: return "conf";
    case RedactMode::kNginx: return "nginx";
    case RedactMode::kFstab: return "fstab";
    case RedactMode::kCrypttab: return "crypttab";
  }
  return "env";
}

std::optional<RedactMode> RedactModeFromName(std::string_view name) {
  for (RedactMode m : {RedactMode::kEnv, RedactMode::kDotenv, RedactMode::kYaml, RedactMode::kJson,
                       RedactMode::kCmdline, RedactMode::kDirectives, RedactMode::kConf, RedactMode::kNginx,
                       RedactMode::kFstab, RedactMode::kCrypttab}) {
    if (RedactModeName(m) == name) return m;
  }
  return std::nullopt;
}

bool IsSecretKey(std::string_view key) {
  std::string u = NormKey(key);
  if (EndsWith(u, "FILE") || EndsWith(u, "_PATH") || EndsWith(u, "_DIR")) return false;
  // Settings about secrets, whose values never are one (switches, durations, lengths, methods).
  for (std::string_view s : {"_ENABLED", "_TIMEOUT", "_TTL", "_LENGTH", "_METHOD", "_MODE", "_EXPIRY", "_EXPIRES",
                             "_ALGORITHM", "_ROUNDS", "_ISSUER"}) {
    if (EndsWith(u, s)) return false;
  }
  // Certificate verification switches (NODE_TLS_REJECT_UNAUTHORIZED, *_SKIP_TLS_VERIFY).
  for (std::string_view s : {"_SKIP_VERIFY", "_TLS_VERIFY", "_SSL_VERIFY", "_NO_VERIFY", "_REJECT_UNAUTHORIZED"}) {
    if (EndsWith(u, s)) return false;
  }
  for (std::string_view db : {"MYSQL_", "MARIADB_"}) {
    for (std::string_view s : {"ALLOW_EMPTY_PASSWORD", "ALLOW_EMPTY_ROOT_PASSWORD", "RANDOM_PASSWORD",
                               "RANDOM_ROOT_PASSWORD"}) {
      if (u.size() == db.size() + s.size() && StartsWith(u, db) && EndsWith(u, s)) return false;
    }
  }
  for (std::string_view s : {"PASSWORDAUTHENTICATION", "PUBKEYAUTHENTICATION", "KBDINTERACTIVEAUTHENTICATION",
                             "CHALLENGERESPONSEAUTHENTICATION", "HOSTBASEDAUTHENTICATION", "GSSAPIAUTHENTICATION",
                             "AUTHENTICATIONMETHODS", "CLUSTERAUTHMODE", "TLS_AUTH_CLIENTS",
                             "PASSWORD_ENCRYPTION"}) {
    if (u == s) return false;
  }
  for (std::string_view s : {"PASS", "PWD", "SECRET", "TOKEN", "KEY", "CREDENTIAL", "AUTH", "PRIVATE", "SALT",
                             "COOKIE", "SESSION", "SIGNATURE", "DSN", "CERT_PEM", "WEBHOOK", "API_URL"}) {
    if (u.find(s) != std::string::npos) return true;
  }
  return u == "PW" || EndsWith(u, "_PW");
}

std::string ClassifySecret(std::string_view value) {
  if (value.empty()) return "empty";
  std::string lv = ToLower(value);
  if (IsKnownDefault(lv) || IsPlaceholder(lv)) return "default";
  return value.size() < 12 ? "short" : "ok";
}

std::string RedactionToken(std::string_view value) {
  if (IsToken(value)) return std::string(value);
  return "[REDACTED class=" + ClassifySecret(value) + " len=" + std::to_string(value.size()) + "]";
}

std::string RedactText(std::string_view text, RedactMode mode) {
  internal::LineRedactor redactor(mode);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    out += redactor.Line(text.substr(pos, nl - pos));
    out += '\n';
    pos = nl + 1;
  }
  return out;
}

namespace internal {

size_t TokenAt(std::string_view s, std::string_view stop) {
  size_t n = TokenPrefix(s);
  if (n == 0) return 0;
  return (n == s.size() || stop.find(s[n]) != std::string_view::npos) ? n : 0;
}

TakenValue TakeValue(std::string_view s, std::string_view stop) {
  if (!s.empty() && IsQuote(s[0])) {
    char q = s[0];
    size_t i = 1;
    for (; i < s.size(); ++i) {
      if (s[i] == '\\' && q == '"') {
        ++i;
        continue;
      }
      if (s[i] == q) break;
    }
    if (i >= s.size()) return {s.substr(1), s.size(), true};
    return {s.substr(1, i - 1), i + 1, false};
  }
  if (size_t t = TokenAt(s, stop)) return {s.substr(0, t), t, false};
  size_t i = 0;
  if (StartsWith(s, "${")) {
    size_t close = s.find('}');
    if (close != std::string_view::npos) i = close + 1;
  }
  while (i < s.size() && stop.find(s[i]) == std::string_view::npos) ++i;
  return {s.substr(0, i), i, false};
}

std::string Hide(std::string_view key, std::string_view v) {
  if (!key.empty() && !IsSecretKey(key)) return std::string(v);
  if (IsSecretReference(v)) return std::string(v);
  if (StartsWith(v, "${") && v.back() == '}' && v.size() > 3) {
    size_t n = VarNameLength(v.substr(2));
    std::string_view body = v.substr(2 + n, v.size() - 3 - n);  // after the name, before the last '}'
    bool no_brace = body.find('}') == std::string_view::npos;
    if (n > 0 && no_brace) {
      size_t op = (!body.empty() && body[0] == ':') ? 1 : 0;
      if (body.empty() || (op < body.size() && body[op] == '?')) return std::string(v);
      if (op < body.size() && (body[op] == '-' || body[op] == '=' || body[op] == '+')) {
        std::string_view d = body.substr(op + 1);
        if (d.empty()) return std::string(v);
        return std::string(v.substr(0, 2 + n + op + 1)) + RedactionToken(d) + "}";
      }
    }
  }
  std::string k = NormKey(key);
  if ((k == "AUTHORIZATION" || EndsWith(k, "_AUTHORIZATION"))) {
    std::string lv = ToLower(v);
    if (lv == "enabled" || lv == "disabled") return std::string(v);
  }
  return RedactionToken(v);
}

std::string RedactUrls(std::string_view line) {
  auto scheme_char = [](char c) { return IsAlpha(c) || IsDigit(c) || c == '+' || c == '.' || c == '-'; };
  auto user_stop = std::string_view(":@/ \t\"'");
  auto pw_stop = std::string_view("/ \t\"'");
  std::string out;
  size_t pos = 0;  // line[pos..] is awk's `rest`
  for (size_t at = line.find("://", pos); at != std::string_view::npos; at = line.find("://", at + 1)) {
    bool letter = false;
    for (size_t b = at; b > pos && scheme_char(line[b - 1]); --b) letter = letter || IsAlpha(line[b - 1]);
    if (!letter) continue;
    size_t u = at + 3;
    while (u < line.size() && user_stop.find(line[u]) == std::string_view::npos) ++u;
    if (u >= line.size() || line[u] != ':') continue;
    size_t p = std::string_view::npos;  // the last '@' before a stop character
    for (size_t k = u + 1; k < line.size() && pw_stop.find(line[k]) == std::string_view::npos; ++k) {
      if (line[k] == '@') p = k;
    }
    if (p == std::string_view::npos) continue;
    out.append(line.substr(pos, u + 1 - pos));
    out += Hide("", line.substr(u + 1, p - u - 1));
    out += '@';
    pos = p + 1;
    at = p;
  }
  out.append(line.substr(pos));
  return out;
}

std::string TokenLine(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && IsBlank(line[i])) ++i;
  if (i == line.size()) return std::string(line);
  return std::string(line.substr(0, i)) + RedactionToken(line.substr(i));
}

bool PemBegin(std::string_view s) {
  constexpr std::string_view kBegin = "-----BEGIN ";
  for (size_t b = s.find(kBegin); b != std::string_view::npos; b = s.find(kBegin, b + 1)) {
    size_t e = b + kBegin.size();
    while (e < s.size() && ((s[e] >= 'A' && s[e] <= 'Z') || IsDigit(s[e]) || s[e] == ' ')) ++e;
    if (e >= b + kBegin.size() + 11 && s.substr(e - 11, 11) == "PRIVATE KEY" && s.substr(e, 5) == "-----") return true;
  }
  return false;
}

size_t FlagLength(std::string_view s) {
  if (s.empty() || s[0] != '-') return 0;
  size_t k = (s.size() > 1 && s[1] == '-') ? 2 : 1;
  if (k >= s.size() || !IsAlpha(s[k])) return 0;
  ++k;
  while (k < s.size() && IsFlagChar(s[k])) ++k;
  return k;
}

}  // namespace internal
}  // namespace shipshape::secrets
