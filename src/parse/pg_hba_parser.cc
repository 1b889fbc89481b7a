// Parser for PostgreSQL client authentication files (pg_hba.conf of each cluster): table `pg_hba`.
#include <arpa/inet.h>

#include <cstring>
#include <set>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/ip_scope.h"
#include "parse/parse_util.h"
#include "parse/postgres_conf.h"
#include "parse/redacted_value.h"

namespace shipshape {
namespace {

const TableDef& kPgHba =
    RegisterTable({"pg_hba",
                   "PostgreSQL client authentication rules, one row per record of pg_hba.conf (the file beside each "
                   "cluster's postgresql.conf, or the one its hba_file names, with its include directives), in file "
                   "order: the server uses the first record matching a connection.",
                   {Text("cluster", "Debian cluster as version/name: '15/main'"),
                    Text("type", "local | host | hostssl | hostnossl | hostgssenc | hostnogssenc"),
                    Text("database", "database field as written: all, sameuser, replication, a name or a comma list"),
                    Text("user_name", "user field as written: all, a name, +group or a comma list"),
                    Text("address",
                         "client address: CIDR ('10.0.0.0/8', '::1/128'; an address and mask in two "
                         "fields are joined as CIDR), a host name, all, samehost or samenet; '' for local"),
                    Text("method",
                         "trust | reject | scram-sha-256 | md5 | password | gss | sspi | ident | peer | pam | "
                         "ldap | radius | cert"),
                    Text("options",
                         "name=value options after the method, space-separated as written; the value of "
                         "a secret-like option (ldapbindpasswd, radiussecrets) as [REDACTED class=… len=N]"),
                    FileCol(), LineCol()}});

const std::set<std::string, std::less<>> kTypes = {"local",     "host",       "hostssl",
                                                   "hostnossl", "hostgssenc", "hostnogssenc"};
const std::set<std::string, std::less<>> kMethods = {"trust", "reject", "scram-sha-256", "md5",  "password",
                                                     "gss",   "sspi",   "ident",         "peer", "pam",
                                                     "ldap",  "radius", "cert"};

// Fields of a record: whitespace-separated, "…" quoting (kept in the text), '#' starts a comment.
bool Tokenize(std::string_view line, std::vector<std::string>* fields) {
  std::string cur;
  bool quoted = false, in_field = false;
  for (char c : line) {
    if (!quoted && c == '#') break;
    if (!quoted && (c == ' ' || c == '\t' || c == '\r')) {
      if (in_field) fields->push_back(std::move(cur));
      cur.clear();
      in_field = false;
      continue;
    }
    if (c == '"') quoted = !quoted;
    cur += c;
    in_field = true;
  }
  if (in_field) fields->push_back(std::move(cur));
  return !quoted;
}

// "addr/prefix" for an address and a contiguous mask of the same family, "addr/mask" for another
// mask; "" when `mask` is not an address of the family of `addr`.
std::string JoinMask(const std::string& addr, const std::string& mask) {
  int family = addr.find(':') == std::string::npos ? AF_INET : AF_INET6;
  unsigned char a[16], m[16];
  if (inet_pton(family, addr.c_str(), a) != 1 || inet_pton(family, mask.c_str(), m) != 1) return "";
  int bytes = family == AF_INET ? 4 : 16, prefix = 0;
  bool zero_seen = false, contiguous = true;
  for (int i = 0; i < bytes * 8; ++i) {
    bool one = (m[i / 8] >> (7 - i % 8)) & 1;
    if (one && zero_seen) contiguous = false;
    if (one) ++prefix;
    if (!one) zero_seen = true;
  }
  return addr + "/" + (contiguous ? std::to_string(prefix) : mask);
}

// name=value with the value of a secret-like option (ldapbindpasswd, radiussecrets) redacted:
// pg_hba.conf is collected unredacted.
std::string RedactOption(const std::string& option) {
  size_t eq = option.find('=');
  std::string name = option.substr(0, eq);
  if (!IsSecretKey(name)) return option;
  std::string value = Unquote(option.substr(eq + 1));
  if (ParseRedactedToken(value)) return name + "=" + value;
  return name + "=[REDACTED class=" + ClassifySecret(value) + " len=" + std::to_string(value.size()) + "]";
}

struct HbaRecord {
  std::string type, database, user, address, method, options;
};

// Reads the fields of one record; returns the message for a malformed one.
std::string ReadRecord(const std::vector<std::string>& f, HbaRecord* r) {
  r->type = f[0];
  if (!kTypes.count(r->type)) return "unknown connection type";
  if (f.size() < 2) return "missing database";
  if (f.size() < 3) return "missing user";
  r->database = f[1];
  r->user = f[2];
  size_t i = 3;
  if (r->type != "local") {
    if (f.size() <= i) return "missing address";
    r->address = f[i++];
    if (r->address.find('/') == std::string::npos && IpFamily(r->address) != 0) {
      if (f.size() <= i) return "IP address without a mask";
      r->address = JoinMask(r->address, f[i++]);
      if (r->address.empty()) return "invalid IP mask";
    }
  }
  if (f.size() <= i) return "missing authentication method";
  r->method = f[i++];
  if (!kMethods.count(r->method)) return "unknown authentication method";
  std::vector<std::string> opts;
  for (; i < f.size(); ++i) {
    if (f[i].find('=') == std::string::npos || f[i][0] == '=') return "authentication option not in name=value form";
    opts.push_back(RedactOption(f[i]));
  }
  r->options = Join(opts, " ");
  return "";
}

class HbaReader {
 public:
  HbaReader(const Snapshot& snap, FactSink& out, std::string cluster)
      : snap_(snap), out_(out), cluster_(std::move(cluster)) {}

  // Reads one file and the files it includes, adding rows and diagnostics.
  void Read(const std::string& path, int depth) {
    const std::string* text = snap_.File(path);
    if (!text || !seen_.insert(path).second) return;
    bool clean = true;
    std::vector<std::string_view> lines = SplitLines(*text);
    for (size_t n = 0; n < lines.size(); ++n) {
      std::string record(lines[n]);
      int first = static_cast<int>(n) + 1;
      while (!record.empty() && record.back() == '\\' && n + 1 < lines.size()) {  // continuation
        record.pop_back();
        record += lines[++n];
      }
      std::string err = ReadLine(path, first, record, depth);
      if (!err.empty()) {
        out_.Error("databases", path, first, err);
        clean = false;
      }
    }
    if (clean) out_.Coverage("databases", path, CoverageState::kOk);
  }

 private:
  std::string ReadLine(const std::string& path, int line, const std::string& text, int depth) {
    std::vector<std::string> f;
    if (!Tokenize(text, &f)) return "unterminated quoted string";
    if (f.empty()) return "";
    if (IsPgIncludeDirective(f[0])) {
      if (f.size() != 2) return "include directive needs exactly one file name";
      if (depth >= 10) return "includes nested too deeply";
      auto targets = PgIncludeTargets(snap_, path, f[0], Unquote(f[1]));
      if (targets.empty() && f[0] == "include") out_.Warn(path, line, "included file was not collected");
      for (const std::string& t : targets) Read(t, depth + 1);
      return "";
    }
    HbaRecord r;
    std::string err = ReadRecord(f, &r);
    if (!err.empty()) return err;
    out_.Add(kPgHba, {V(cluster_), V(r.type), V(r.database), V(r.user), V(r.address), V(r.method), V(r.options),
                      V(path), V(int64_t{line})});
    return "";
  }

  const Snapshot& snap_;
  FactSink& out_;
  std::string cluster_;
  std::set<std::string> seen_;
};

void ParsePgHba(const Snapshot& snap, FactSink& out) {
  for (const PgCluster& c : FindPostgresClusters(snap)) {
    std::string path = c.dir + "/pg_hba.conf";
    PgConf conf = ReadPostgresConf(snap, c.dir + "/postgresql.conf", nullptr);  // errors: the other parser's
    auto hba = conf.settings.find("hba_file");
    if (hba != conf.settings.end() && snap.File(hba->second.value)) path = hba->second.value;
    HbaReader(snap, out, c.name).Read(path, 0);
  }
}

const bool kRegistered = RegisterParser({"pg-hba",
                                         "PostgreSQL client authentication (pg_hba.conf)",
                                         ParsePgHba,
                                         "databases",
                                         {"/etc/postgresql/15/main/pg_hba.conf"}});

}  // namespace
}  // namespace shipshape
