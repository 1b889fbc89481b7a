// Parser for redis.conf (/etc/redis/redis.conf, /etc/redis.conf) and its includes: table `redis_settings`.
#include <fnmatch.h>

#include <cctype>
#include <map>
#include <set>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"
#include "parse/redacted_value.h"

namespace shipshape {
namespace {

const TableDef& kRedisSettings = RegisterTable(
    {"redis_settings",
     "Directives of Redis configuration files, one row per occurrence, in the order the server reads them "
     "(an include is read where it stands). For a single-valued directive the last occurrence applies "
     "(effective = 1 on it only); a directive absent here has Redis' built-in default.",
     {Text("key", "directive name in lower case: bind, protected-mode, port, requirepass, rename-command, …"),
      Text("value",
           "the directive's arguments joined by single spaces, quotes removed; an argument that is "
           "empty or holds spaces or quotes is written back in double quotes (rename-command "
           "CONFIG \"\"). Passwords (requirepass, masterauth, tls-*-pass, and the >, <, #, ! rules of user "
           "lines) appear only as [REDACTED class=default|empty|short|ok len=N]"),
      FileCol(), LineCol(),
      Int("effective",
          "1 when this occurrence applies: the last one of a single-valued directive; every "
          "include, save, loadmodule and sentinel line; the last rename-command, user and "
          "client-output-buffer-limit per command, user or class (first argument)"),
      Text("config",
           "the main configuration file this row was read through (/etc/redis/redis.conf); "
           "differs from file for included files")}});

constexpr int kMaxDepth = 10;

bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
int HexValue(char c) { return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10); }

char Escape(char c) {
  switch (c) {
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case 'b':
      return '\b';
    case 'a':
      return '\a';
    default:
      return c;
  }
}

// One "…" or '…' argument starting after its opening quote at s[i]; false when unbalanced or when
// the closing quote is not followed by a space (Redis' own sdssplitargs rules).
bool ReadQuotedArg(std::string_view s, size_t& i, char q, std::string* arg) {
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (q == '"' && c == '\\' && i + 3 < s.size() && s[i + 1] == 'x' && IsHex(s[i + 2]) && IsHex(s[i + 3])) {
      *arg += static_cast<char>(HexValue(s[i + 2]) * 16 + HexValue(s[i + 3]));
      i += 3;
    } else if (c == '\\' && i + 1 < s.size() && (q == '"' || s[i + 1] == '\'')) {
      *arg += q == '"' ? Escape(s[++i]) : s[++i];
    } else if (c == q) {
      ++i;
      return i >= s.size() || std::isspace(static_cast<unsigned char>(s[i]));
    } else {
      *arg += c;
    }
  }
  return false;
}

// Splits a configuration line into arguments as Redis does; false on unbalanced quotes.
bool SplitRedisArgs(std::string_view s, std::vector<std::string>* args) {
  size_t i = 0;
  while (true) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size()) return true;
    std::string arg;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) {
      char c = s[i++];
      if (c == '"' || c == '\'') {
        if (!ReadQuotedArg(s, i, c, &arg)) return false;
        break;
      }
      arg += c;
    }
    args->push_back(std::move(arg));
  }
}

bool ValidDirective(const std::string& name) {
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return !name.empty();
}

std::string QuoteArg(const std::string& a) {
  bool plain = !a.empty();
  for (char c : a) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '\'' || c == '\\') plain = false;
  }
  if (plain) return a;
  std::string out = "\"";
  for (char c : a) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Directives whose value is a password: redacted here when the collector did not (an older one).
const std::set<std::string> kSecretDirectives = {"requirepass", "masterauth", "tls-key-file-pass",
                                                 "tls-client-key-file-pass"};

std::string SecretToken(std::string_view v) {
  if (ParseRedactedToken(v)) return std::string(Trim(v));
  return "[REDACTED class=" + ClassifySecret(v) + " len=" + std::to_string(v.size()) + "]";
}

// ACL rules of a `user` line holding a password or its hash: >pw, <pw, #hash, !hash.
bool IsAclSecret(const std::string& a) {
  return !a.empty() && (a[0] == '>' || a[0] == '<' || a[0] == '#' || a[0] == '!');
}

std::string FormatValue(const std::string& key, const std::vector<std::string>& args) {
  std::vector<std::string> rest(args.begin() + 1, args.end());
  std::string plain = Join(rest, " ");
  if (ParseRedactedToken(plain) || kSecretDirectives.count(key)) return SecretToken(plain);
  for (size_t i = 0; i < rest.size(); ++i) {
    bool acl_secret = key == "user" && i > 0 && IsAclSecret(rest[i]);
    rest[i] = acl_secret ? rest[i].substr(0, 1) + SecretToken(rest[i].substr(1)) : QuoteArg(rest[i]);
  }
  return Join(rest, " ");
}

struct Directive {
  std::string key, value, group, file;
  int line = 0;
};

// Directives that several lines add to rather than replace: "" = every line applies; otherwise the
// lines are grouped by their first argument.
std::string GroupOf(const std::string& key, const std::vector<std::string>& args) {
  static const std::set<std::string> kEvery = {"include", "save", "loadmodule", "sentinel"};
  static const std::set<std::string> kByFirst = {"rename-command", "user", "client-output-buffer-limit"};
  if (kEvery.count(key)) return "";
  if (kByFirst.count(key)) return key + " " + ToLower(args.size() > 1 ? args[1] : "");
  return key;
}

class RedisReader {
 public:
  RedisReader(const Snapshot& snap, FactSink& out) : snap_(snap), out_(out) {}
  std::vector<Directive>& directives() { return directives_; }

  void Read(const std::string& path, int depth) {
    const std::string* text = snap_.File(path);
    if (!text || !seen_.insert(path).second) return;
    bool clean = true;
    int n = 0;
    for (std::string_view raw : SplitLines(*text)) {
      std::string err = ReadLine(path, ++n, Trim(raw), depth);
      if (!err.empty()) {
        out_.Error("databases", path, n, err);
        clean = false;
      }
    }
    if (clean) out_.Coverage("databases", path, CoverageState::kOk);
  }

 private:
  std::string ReadLine(const std::string& path, int n, std::string_view line, int depth) {
    if (line.empty() || line[0] == '#') return "";
    std::vector<std::string> args;
    if (!SplitRedisArgs(line, &args)) return "unbalanced quotes";
    std::string key = ToLower(args[0]);
    if (!ValidDirective(key)) return "invalid directive name";
    if (args.size() < 2) return "missing value for directive " + key;
    directives_.push_back({key, FormatValue(key, args), GroupOf(key, args), path, n});
    if (key != "include") return "";
    if (depth >= kMaxDepth) return "includes nested too deeply";
    std::vector<std::string> targets = IncludeTargets(path, args[1]);
    if (targets.empty() && args[1].find_first_of("*?[") == std::string::npos) {
      out_.Warn(path, n, "included file was not collected");
    }
    for (const std::string& t : targets) Read(t, depth + 1);
    return "";
  }

  // The collected files an include names; a pattern (Redis 7) matches names in its folder.
  std::vector<std::string> IncludeTargets(const std::string& from, std::string target) const {
    if (target.empty()) return {};
    if (target[0] != '/') target = from.substr(0, from.rfind('/') + 1) + target;
    if (target.find_first_of("*?[") == std::string::npos) {
      return snap_.File(target) ? std::vector<std::string>{target} : std::vector<std::string>{};
    }
    size_t slash = target.rfind('/');
    std::string dir = target.substr(0, slash + 1), pattern = target.substr(slash + 1);
    std::vector<std::string> out;
    for (const std::string& f : snap_.FilesUnder(dir)) {
      std::string name = f.substr(dir.size());
      if (name.find('/') == std::string::npos && fnmatch(pattern.c_str(), name.c_str(), 0) == 0) out.push_back(f);
    }
    return out;
  }

  const Snapshot& snap_;
  FactSink& out_;
  std::set<std::string> seen_;
  std::vector<Directive> directives_;
};

void ParseRedisConf(const Snapshot& snap, FactSink& out) {
  for (const char* config : {"/etc/redis/redis.conf", "/etc/redis.conf"}) {
    RedisReader reader(snap, out);
    reader.Read(config, 0);
    const std::vector<Directive>& ds = reader.directives();
    std::map<std::string, size_t> last;
    for (size_t i = 0; i < ds.size(); ++i) last[ds[i].group] = i;
    for (size_t i = 0; i < ds.size(); ++i) {
      bool effective = ds[i].group.empty() || last[ds[i].group] == i;
      out.Add(kRedisSettings,
              {V(ds[i].key), V(ds[i].value), V(ds[i].file), V(int64_t{ds[i].line}), VBool(effective), V(config)});
    }
  }
}

const bool kRegistered = RegisterParser({"redis-conf",
                                         "Redis server configuration (redis.conf with includes)",
                                         ParseRedisConf,
                                         "databases",
                                         {"/etc/redis/redis.conf", "/etc/redis.conf"}});

}  // namespace
}  // namespace shipshape
