// PostgreSQL configuration reading: cluster discovery, the postgresql.conf lexer, includes.
#include "parse/postgres_conf.h"

#include <cctype>

#include "base/strings.h"
#include "collect/secret_redactor.h"
#include "parse/redacted_value.h"

namespace shipshape {
namespace {

constexpr std::string_view kEtc = "/etc/postgresql/";
constexpr int kMaxDepth = 10;  // the server's own limit on nested includes

bool IsLetter(char c) {
  auto u = static_cast<unsigned char>(c);
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || u >= 0x80;
}
bool IsLetterOrDigit(char c) { return IsLetter(c) || (c >= '0' && c <= '9'); }
// Characters of an unquoted value: identifiers, numbers with units, paths, "-1", "1.5e3".
bool IsUnquotedChar(char c) { return IsLetterOrDigit(c) || c == '-' || c == '+' || c == '.' || c == ':' || c == '/'; }
bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

void SkipBlanks(std::string_view s, size_t& i) {
  while (i < s.size() && IsBlank(s[i])) ++i;
}

// ID or ID.ID at s[i]; "" when there is none.
std::string ReadKey(std::string_view s, size_t& i) {
  size_t start = i;
  auto id = [&] {
    if (i >= s.size() || !IsLetter(s[i])) return false;
    while (i < s.size() && IsLetterOrDigit(s[i])) ++i;
    return true;
  };
  if (!id()) return "";
  if (i < s.size() && s[i] == '.') {
    size_t dot = i++;
    if (!id()) i = dot;
  }
  return ToLower(s.substr(start, i - start));
}

// A '…' string at s[i] (the quote); false when unterminated.
bool ReadQuoted(std::string_view s, size_t& i, std::string* value) {
  for (++i; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\'') {
      if (i + 1 < s.size() && s[i + 1] == '\'') {
        *value += '\'';
        ++i;
        continue;
      }
      ++i;
      return true;
    }
    if (c == '\\' && i + 1 < s.size()) {
      char e = s[++i];
      *value += e == 'b' ? '\b' : e == 'f' ? '\f' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
      continue;
    }
    *value += c;
  }
  return false;
}

bool EndsLine(std::string_view s, size_t i) { return i >= s.size() || s[i] == '#' || s[i] == '\n'; }

std::string Token(std::string_view secret) {
  if (ParseRedactedToken(secret)) return std::string(Trim(secret));
  return "[REDACTED class=" + ClassifySecret(secret) + " len=" + std::to_string(secret.size()) + "]";
}

// The password of a URI "scheme://user:password@host…".
std::string RedactUri(const std::string& v) {
  size_t scheme = v.find("://");
  if (scheme == std::string::npos) return v;
  size_t at = v.find('@', scheme + 3);
  size_t colon = v.find(':', scheme + 3);
  if (at == std::string::npos || colon == std::string::npos || colon > at) return v;
  return v.substr(0, colon + 1) + Token(std::string_view(v).substr(colon + 1, at - colon - 1)) + v.substr(at);
}

// End of a conninfo value starting at v[j]: a '…' string (backslash escapes) or a bare word.
size_t ConninfoValueEnd(std::string_view v, size_t j) {
  if (j < v.size() && v[j] == '\'') {
    for (++j; j < v.size() && v[j] != '\''; ++j) {
      if (v[j] == '\\') ++j;
    }
    return std::min(j + 1, v.size());
  }
  while (j < v.size() && !std::isspace(static_cast<unsigned char>(v[j]))) ++j;
  return j;
}

}  // namespace

std::string RedactConninfo(const std::string& value) {
  std::string_view v = value;
  std::string out;
  size_t i = 0, k;
  while ((k = v.find("password", i)) != std::string_view::npos) {
    size_t j = k + 8;
    while (j < v.size() && IsBlank(v[j])) ++j;
    bool word = k == 0 || std::isspace(static_cast<unsigned char>(v[k - 1]));
    if (!word || j >= v.size() || v[j] != '=') {
      out += v.substr(i, j - i);
      i = j;
      continue;
    }
    for (++j; j < v.size() && IsBlank(v[j]);) ++j;
    size_t end = ConninfoValueEnd(v, j);
    std::string_view secret = v.substr(j, end - j);
    if (secret.size() >= 2 && secret[0] == '\'') secret = secret.substr(1, secret.size() - 2);
    out += std::string(v.substr(i, j - i)) + Token(secret);
    i = end;
  }
  return RedactUri(out + std::string(v.substr(i)));
}

PgConfLine ParsePgConfLine(std::string_view s) {
  PgConfLine r;
  size_t i = 0;
  SkipBlanks(s, i);
  if (EndsLine(s, i)) {
    r.blank = true;
    return r;
  }
  r.key = ReadKey(s, i);
  if (r.key.empty()) {
    r.error = "expected a parameter name";
    return r;
  }
  SkipBlanks(s, i);
  if (i < s.size() && s[i] == '=') ++i;
  SkipBlanks(s, i);
  if (EndsLine(s, i)) {
    r.error = "missing value for parameter " + r.key;
  } else if (s[i] == '\'') {
    if (!ReadQuoted(s, i, &r.value)) r.error = "unterminated quoted string in the value of " + r.key;
  } else {
    size_t start = i;
    while (i < s.size() && IsUnquotedChar(s[i])) ++i;
    r.value = std::string(s.substr(start, i - start));
    if (r.value.empty()) r.error = "syntax error in the value of " + r.key;
  }
  SkipBlanks(s, i);
  if (r.error.empty() && !EndsLine(s, i)) r.error = "syntax error in the value of " + r.key;
  return r;
}

std::vector<PgCluster> FindPostgresClusters(const Snapshot& snap) {
  std::map<std::string, PgCluster> found;
  for (const std::string& path : snap.FilesUnder(kEtc)) {
    std::vector<std::string_view> parts = Split(std::string_view(path).substr(kEtc.size()), '/');
    if (parts.size() != 3 || parts[0].empty() || parts[1].empty()) continue;
    if (parts[2] != "postgresql.conf" && parts[2] != "pg_hba.conf") continue;
    std::string name = std::string(parts[0]) + "/" + std::string(parts[1]);
    found[name] = {name, std::string(parts[0]), std::string(kEtc) + name};
  }
  std::vector<PgCluster> out;
  for (auto& [name, c] : found) out.push_back(std::move(c));
  return out;
}

bool IsPgIncludeDirective(std::string_view key) {
  return key == "include" || key == "include_if_exists" || key == "include_dir";
}

std::vector<std::string> PgIncludeTargets(const Snapshot& snap, const std::string& including_file,
                                          std::string_view directive, const std::string& target) {
  std::string path = target;
  if (path.empty()) return {};
  if (path[0] != '/') path = including_file.substr(0, including_file.rfind('/') + 1) + path;
  if (directive != "include_dir") {
    if (snap.File(path)) return {path};
    return {};
  }
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  std::vector<std::string> out;
  for (const std::string& f : snap.FilesUnder(path + "/")) {
    std::string_view name = std::string_view(f).substr(path.size() + 1);
    if (name.find('/') != std::string_view::npos || StartsWith(name, ".") || !EndsWith(name, ".conf")) continue;
    out.push_back(f);
  }
  return out;
}

namespace {

void ReadConfFile(const Snapshot& snap, const std::string& path, int depth, FactSink* out, PgConf& conf) {
  const std::string* text = snap.File(path);
  if (!text || conf.files.count(path)) return;  // a file read twice would only repeat itself
  conf.files[path] = true;
  int n = 0;
  for (std::string_view raw : SplitLines(*text)) {
    ++n;
    PgConfLine l = ParsePgConfLine(raw);
    if (l.blank) continue;
    if (!l.error.empty()) {
      if (out) out->Error("databases", path, n, l.error);
      conf.files[path] = false;
      continue;
    }
    if (!IsPgIncludeDirective(l.key)) {
      // Defence in depth (a snapshot the collector did not redact): a secret-like setting
      // (ssl_passphrase_command, …) keeps only its token, as the collector's conf mode writes it.
      std::string value = EndsWith(l.key, "conninfo")          ? RedactConninfo(l.value)
                          : secrets::IsSecretKey(l.key)       ? secrets::RedactionToken(l.value)
                                                              : l.value;
      conf.settings[l.key] = {std::move(value), path, n};
      continue;
    }
    std::vector<std::string> targets = PgIncludeTargets(snap, path, l.key, l.value);
    if (targets.empty() && l.key == "include" && out) out->Warn(path, n, "included file was not collected");
    if (depth >= kMaxDepth) {
      if (out) out->Error("databases", path, n, "includes nested too deeply");
      conf.files[path] = false;
      continue;
    }
    for (const std::string& t : targets) ReadConfFile(snap, t, depth + 1, out, conf);
  }
}

}  // namespace

PgConf ReadPostgresConf(const Snapshot& snap, const std::string& path, FactSink* out) {
  PgConf conf;
  ReadConfFile(snap, path, 0, out, conf);
  return conf;
}

}  // namespace shipshape
