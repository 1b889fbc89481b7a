// Deriver of `databases`: the databases and caches configured on each host, from the settings tables.
#include <map>
#include <set>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/redacted_value.h"

namespace shipshape {
namespace {

const TableDef& kDatabases = RegisterTable(
    {"databases",
     "Databases and caches found on each host, one row per instance, with where it listens and whether "
     "clients must authenticate. Derived from mongod_settings, redis_settings, postgres_settings and pg_hba "
     "(source 'config'); other sources may add rows.",
     {Text("kind", "mongodb | redis | postgresql | mysql"),
      Text("name",
           "the instance: its main configuration file for mongodb and redis "
           "('/etc/mongod.conf', '/etc/redis/redis.conf'), the cluster for postgresql ('15/main')"),
      Text("source", "where the row comes from: 'config' (configuration files)"),
      Text("bind",
           "effective listen addresses joined with ',' as configured ('127.0.0.1,::1', 'localhost'); "
           "wildcards are written 0.0.0.0 and :: (redis '*' and '::*', postgresql '*', mongodb "
           "bindIpAll). Defaults when unset: mongodb 127.0.0.1, redis '0.0.0.0,::' (every "
           "interface, guarded by protected-mode), postgresql 'localhost'"),
      Int("port",
          "TCP port (defaults: mongodb 27017, redis 6379, postgresql 5432); 0 = no TCP listener "
          "(redis port 0); NULL when the configured value is not a number"),
      Int("auth",
          "1 when clients must authenticate: mongodb security.authorization enabled or a keyFile; "
          "redis requirepass set (class not 'empty'), an aclfile, or a default user without nopass; "
          "postgresql always, unless pg_hba has a 'trust' record of a host* type (then 0)"),
      Text("detail", "other facts in key=value form separated by '; ' (replSetName, protected-mode, ssl, …)")}});

// Listen addresses as written, separated by `sep`, wildcards normalised, duplicates dropped.
std::string NormalizeBind(std::string_view list, char sep) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (std::string_view part : Split(list, sep)) {
    std::string a(Trim(part));
    if (!a.empty() && a[0] == '-') a.erase(0, 1);  // redis: "-::1" = optional address
    std::vector<std::string> addrs = {a};
    if (a == "*") addrs = sep == ' ' ? std::vector<std::string>{"0.0.0.0"} : std::vector<std::string>{"0.0.0.0", "::"};
    if (a == "::*") addrs = {"::"};
    for (const std::string& x : addrs) {
      if (!x.empty() && seen.insert(x).second) out.push_back(x);
    }
  }
  return Join(out, ",");
}

Value Port(const std::string& text) {
  auto n = ParseInt(Trim(text));
  return n ? Value(*n) : Value();
}

struct Instance {
  std::string host, name, bind, detail;
  Value port;
  bool auth = false;
};

Instance NewInstance(const std::pair<std::string, std::string>& id) {
  Instance i;
  i.host = id.first;
  i.name = id.second;
  return i;
}

Status Insert(FactDb& db, const std::string& kind, const Instance& i) {
  return db.Insert(kDatabases, i.host,
                   {Value(kind), Value(i.name), Value(std::string("config")), Value(i.bind), i.port,
                    Value(int64_t{i.auth ? 1 : 0}), Value(i.detail)});
}

// (host, name) → key → values in order.
using Settings = std::map<std::pair<std::string, std::string>, std::map<std::string, std::vector<std::string>>>;

Result<Settings> Collect(FactDb& db, const std::string& sql) {
  auto rows = SelectText(db.db(), sql);
  if (!rows.ok()) return rows.status();
  Settings s;
  for (const auto& r : *rows) s[{r[0], r[1]}][r[2]].push_back(r[3]);
  return s;
}

std::string Last(const std::map<std::string, std::vector<std::string>>& kv, const std::string& key,
                 const std::string& fallback = "") {
  auto it = kv.find(key);
  return it == kv.end() || it->second.empty() ? fallback : it->second.back();
}

Status DeriveMongo(FactDb& db) {
  auto s = Collect(db, "SELECT host, file, key, value FROM mongod_settings ORDER BY host, file, line");
  if (!s.ok()) return s.status();
  for (const auto& [id, kv] : *s) {
    Instance i = NewInstance(id);
    bool all = EqualsIgnoreCase(Last(kv, "net.bindIpAll"), "true");
    i.bind = all ? "0.0.0.0,::" : NormalizeBind(Last(kv, "net.bindIp", "127.0.0.1"), ',');
    i.port = Port(Last(kv, "net.port", "27017"));
    i.auth = Last(kv, "security.authorization") == "enabled" || !Last(kv, "security.keyFile").empty();
    std::string rs = Last(kv, "replication.replSetName");
    if (!rs.empty()) i.detail = "replSetName=" + rs;
    Status st = Insert(db, "mongodb", i);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

bool RedisAuth(const std::map<std::string, std::vector<std::string>>& kv) {
  std::string pass = Last(kv, "requirepass");
  auto token = ParseRedactedToken(pass);
  if (token ? token->cls != "empty" : !pass.empty()) return true;
  if (!Last(kv, "aclfile").empty()) return true;
  auto users = kv.find("user");
  if (users == kv.end()) return false;
  for (const std::string& u : users->second) {
    auto f = SplitWhitespace(u);
    bool nopass = false;
    for (auto x : f) nopass = nopass || x == "nopass";
    if (!f.empty() && f[0] == "default" && !nopass) return true;
  }
  return false;
}

Status DeriveRedis(FactDb& db) {
  auto s = Collect(db,
                   "SELECT host, config, key, value FROM redis_settings WHERE effective = 1 "
                   "ORDER BY host, config, rowid");
  if (!s.ok()) return s.status();
  for (const auto& [id, kv] : *s) {
    Instance i = NewInstance(id);
    i.bind = NormalizeBind(Last(kv, "bind", "* -::*"), ' ');
    i.port = Port(Last(kv, "port", "6379"));
    i.auth = RedisAuth(kv);
    i.detail = "protected-mode=" + Last(kv, "protected-mode", "yes");
    Status st = Insert(db, "redis", i);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

Status DerivePostgres(FactDb& db) {
  auto s = Collect(db,
                   "SELECT host, cluster, key, value FROM postgres_settings UNION ALL "
                   "SELECT DISTINCT host, cluster, '', '' FROM pg_hba ORDER BY 1, 2");
  if (!s.ok()) return s.status();
  auto trust =
      SelectText(db.db(), "SELECT DISTINCT host, cluster FROM pg_hba WHERE method = 'trust' AND type <> 'local'");
  if (!trust.ok()) return trust.status();
  std::set<std::pair<std::string, std::string>> trusted;
  for (const auto& r : *trust) trusted.insert({r[0], r[1]});
  for (const auto& [id, kv] : *s) {
    Instance i = NewInstance(id);
    i.bind = NormalizeBind(Last(kv, "listen_addresses", "localhost"), ',');
    i.port = Port(Last(kv, "port", "5432"));
    i.auth = !trusted.count(id);
    i.detail = "ssl=" + Last(kv, "ssl", "off");
    std::string enc = Last(kv, "password_encryption");
    if (!enc.empty()) i.detail += "; password_encryption=" + enc;
    Status st = Insert(db, "postgresql", i);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

Status DeriveDatabases(FactDb& db, Diagnostics& /*diags*/) {
  Status st = DeriveMongo(db);
  if (st.ok()) st = DeriveRedis(db);
  if (st.ok()) st = DerivePostgres(db);
  return st;
}

const bool kRegistered =
    RegisterDeriver({"databases", "databases and caches per host, from their configuration", DeriveDatabases, 10});

}  // namespace
}  // namespace shipshape
