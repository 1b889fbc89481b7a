// Secret redaction on the controller: the C++ twin of the collector's awk program (redact() in
// src/collect/collector.sh), so that a stack read in place is classified exactly as a collected one.
// secret_redactor_test.cc runs every case through both and requires identical output.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace shipshape::secrets {

// The collector's modes (`sh collector.sh --redact NAME`):
//   env         shell-like text (cron, scripts): NAME=VALUE, --secret-flag VALUE, mysql -pX, URLs
//   dotenv      .env files: env, plus "KEY = value" up to the end of the line; a line that is not an
//               assignment (a pasted token) is redacted whole
//   yaml        "key: value" (and block scalars), {key: value}, "- NAME=VALUE", command flags, URLs
//   json        "key": "value" members; inside any string: NAME=VALUE, flags, flag/value pairs, URLs
//   cmdline     ps/ss output and crontabs: NAME=VALUE, a line "NAME = VALUE" (crontab variable),
//               --secret-flag VALUE, mysql -pX, URLs
//   directives  "key value" / "key = value" (redis.conf, WireGuard), redis "user ... >password"
//   conf        directives, plus NAME=VALUE and flags anywhere in the line (postgresql.conf
//               primary_conninfo, pg_hba.conf ldapbindpasswd=...), URLs
//   nginx       in each statement: the value of a secret-like header or parameter (proxy_set_header
//               Authorization "Basic …", add_header, fastcgi_param, set $token …), secure_link_secret,
//               URLs; a token replacing a bare value is written in double quotes (one nginx word)
//   fstab       NAME=VALUE options (CIFS password=, credentials=), URLs; the token's blanks as \040
//   crypttab    the third field (key file) unless none, - or an absolute path; blanks as \040
// In every mode a value that already is a redaction token is left as it is, and in yaml a token
// that replaces a whole plain scalar is written quoted ('[REDACTED …]').
enum class RedactMode { kEnv, kDotenv, kYaml, kJson, kCmdline, kDirectives, kConf, kNginx, kFstab, kCrypttab };

std::string_view RedactModeName(RedactMode mode);
std::optional<RedactMode> RedactModeFromName(std::string_view name);

// A key (variable, directive, JSON member or flag) whose value is a secret: it contains PASS, PWD,
// SECRET, TOKEN, KEY, CREDENTIAL, AUTH, PRIVATE, SALT, COOKIE, SESSION, SIGNATURE, DSN, CERT_PEM,
// WEBHOOK or API_URL, or is PW / ends in _PW (case-insensitive, '-' and '.' read as '_'); never one
// ending in FILE, _PATH or _DIR (a path), nor the settings of sshd, mongod, redis and PostgreSQL
// that name a mode (PasswordAuthentication, clusterAuthMode, tls-auth-clients, password_encryption),
// nor settings about secrets: *_ENABLED, *_TIMEOUT, *_TTL, *_LENGTH, *_METHOD, *_MODE, *_EXPIRY,
// *_EXPIRES, *_ALGORITHM, *_ROUNDS, *_ISSUER, and MYSQL_/MARIADB_ ALLOW_EMPTY_(ROOT_)PASSWORD and
// RANDOM_(ROOT_)PASSWORD.
bool IsSecretKey(std::string_view key);

// A value that only refers to a secret kept elsewhere, kept as written even under a secret key:
// variable references ($A, ${A}, ${A:?msg}) and concatenations of them (${A}${B}), vault:PATH#KEY
// (Bank-Vaults), op://VAULT/ITEM[/SECTION]/FIELD (1Password), ref+PROVIDER://… (vals; not echo or
// envsubst, which carry the value itself), arn:aws:secretsmanager:… / arn:aws:ssm:… parameter
// ARNs, and {{ … }} templates with no quote or brace inside. ${A:-default} is not one: its default
// is a value.
bool IsSecretReference(std::string_view value);

// default (a known default or placeholder: admin, changeme, postgres, minioadmin, your-…, <…>) |
// empty | short (< 12 bytes) | ok.
std::string ClassifySecret(std::string_view value);

// "[REDACTED class=C len=N]" for value (N in bytes); a value that already is such a token (or the
// fstab form "[REDACTED\040class=C\040len=N]") is returned unchanged.
std::string RedactionToken(std::string_view value);

// Redacts text line by line as the collector does: every line ends with '\n' in the result (as awk
// prints it), state carries across lines (open quoted secrets, YAML block scalars, PEM keys).
std::string RedactText(std::string_view text, RedactMode mode);

}  // namespace shipshape::secrets
