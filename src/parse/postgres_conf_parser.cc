// Parser for /etc/postgresql/*/*/postgresql.conf and the files it includes: table `postgres_settings`.
#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"
#include "parse/postgres_conf.h"

namespace shipshape {
namespace {

const TableDef& kPostgresSettings = RegisterTable(
    {"postgres_settings",
     "Effective PostgreSQL server parameters per cluster, from /etc/postgresql/<version>/<cluster>/"
     "postgresql.conf and the files it includes (include, include_if_exists, include_dir, for files "
     "present in the snapshot). One row per parameter: the last occurrence wins, as in the server. "
     "Settings made with ALTER SYSTEM (postgresql.auto.conf) are not seen.",
     {Text("cluster", "Debian cluster as version/name: '15/main'"),
      Text("key", "parameter name in lower case: listen_addresses, port, ssl, password_encryption, hba_file, …"),
      Text("value",
           "value as the server reads it: quotes removed, '' and backslash escapes resolved "
           "(listen_addresses 'localhost,10.0.0.5', port '5432', ssl 'on'); in *conninfo values the "
           "password (password=… or a URI's user:password@) is replaced by [REDACTED class=… len=N]"),
      FileCol(), LineCol(),
      Text("source",
           "'file' when a configuration file sets it (file and line say where); 'default' for the "
           "built-in default, added only for listen_addresses 'localhost', port '5432', ssl 'off' and "
           "password_encryption 'scram-sha-256' ('md5' before version 14) when no file sets them "
           "(file '' and line 0)")}});

struct Default {
  const char* key;
  const char* value;
};

std::string DefaultPasswordEncryption(const std::string& version) {
  auto v = ParseInt(version);
  return v && *v < 14 ? "md5" : "scram-sha-256";
}

void AddCluster(const PgCluster& c, const PgConf& conf, FactSink& out) {
  for (const auto& [key, s] : conf.settings) {
    out.Add(kPostgresSettings, {V(c.name), V(key), V(s.value), V(s.file), V(int64_t{s.line}), V("file")});
  }
  const Default kDefaults[] = {{"listen_addresses", "localhost"}, {"port", "5432"}, {"ssl", "off"}};
  for (const Default& d : kDefaults) {
    if (conf.settings.count(d.key)) continue;
    out.Add(kPostgresSettings, {V(c.name), V(d.key), V(d.value), V(""), V(int64_t{0}), V("default")});
  }
  if (!conf.settings.count("password_encryption")) {
    out.Add(kPostgresSettings, {V(c.name), V("password_encryption"), V(DefaultPasswordEncryption(c.version)), V(""),
                                V(int64_t{0}), V("default")});
  }
}

void ParsePostgresConf(const Snapshot& snap, FactSink& out) {
  for (const PgCluster& c : FindPostgresClusters(snap)) {
    std::string path = c.dir + "/postgresql.conf";
    if (!snap.File(path)) continue;  // only pg_hba.conf was collected
    PgConf conf = ReadPostgresConf(snap, path, &out);
    AddCluster(c, conf, out);
    for (const auto& [file, clean] : conf.files) {
      if (clean) out.Coverage("databases", file, CoverageState::kOk);
    }
  }
}

const bool kRegistered = RegisterParser({"postgresql-conf",
                                         "PostgreSQL server parameters (postgresql.conf with includes)",
                                         ParsePostgresConf,
                                         "databases",
                                         {"/etc/postgresql/15/main/postgresql.conf"}});

}  // namespace
}  // namespace shipshape
