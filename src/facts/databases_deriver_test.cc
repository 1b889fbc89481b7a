// Tests of the databases deriver.
#include <gtest/gtest.h>

#include "fact_query.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

constexpr const char* kSelect =
    "SELECT kind, name, source, bind, port, auth, detail FROM databases ORDER BY kind, name";

std::string Debian(const std::string& path) { return testing::ReadTestFile(testing::CorpusDir() + "/debian12" + path); }

TEST(DatabasesDeriver, MongodReplicaMemberOnEveryInterfaceWithKeyFile) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/mongod.conf",
            "net:\n  port: 27017\n  bindIp: 0.0.0.0\nsecurity:\n  keyFile: /etc/mongodb/keyfile\n"
            "replication:\n  replSetName: rs0\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, kSelect),
            (Rows{{"mongodb", "/etc/mongod.conf", "config", "0.0.0.0", "27017", "1", "replSetName=rs0"}}));
}

TEST(DatabasesDeriver, MongodDefaultsAndBindIpAll) {
  Snapshot a = testing::MakeSnapshot("a");
  a.PutFile("/etc/mongod.conf", "storage:\n  dbPath: /var/lib/mongodb\n");
  Snapshot b = testing::MakeSnapshot("b");
  b.PutFile("/etc/mongod.conf",
            "net:\n  bindIp: 127.0.0.1, 10.0.0.5\n  bindIpAll: true\n  port: 27018\n"
            "security:\n  authorization: [REDACTED class=short len=7]\n");  // as collected
  auto db = testing::LoadFactsOrDie({a, b});
  EXPECT_EQ(Query(*db, "SELECT host, bind, port, auth, detail FROM databases ORDER BY host"),
            (Rows{{"a", "127.0.0.1", "27017", "0", ""}, {"b", "0.0.0.0,::", "27018", "1", ""}}));
}

TEST(DatabasesDeriver, RedisOpenToEveryoneWithoutPassword) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/redis/redis.conf", "bind 0.0.0.0\nprotected-mode no\nport 6379\nmaxmemory 2gb\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, kSelect),
            (Rows{{"redis", "/etc/redis/redis.conf", "config", "0.0.0.0", "6379", "0", "protected-mode=no"}}));
}

TEST(DatabasesDeriver, RedisDebianDefault) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/redis/redis.conf", Debian("/etc/redis/redis.conf"));
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, kSelect),
            (Rows{{"redis", "/etc/redis/redis.conf", "config", "127.0.0.1,::1", "6379", "0", "protected-mode=yes"}}));
}

TEST(DatabasesDeriver, RedisAuthenticationFromPasswordAclFileOrDefaultUser) {
  std::vector<Snapshot> snaps;
  const char* kConfigs[] = {
      "requirepass [REDACTED class=short len=7]\n",                            // a password: auth
      "requirepass \"[REDACTED class=empty len=0]\"\n",                        // an empty one: none
      "requirepass [REDACTED class=ok len=20]\nrequirepass \"\"\n",            // the last one wins: none
      "aclfile /etc/redis/users.acl\n",                                        // ACL users: auth
      "user default on nopass ~* +@all\n",                                     // default user open: none
      "user default off\nuser app on >[REDACTED class=ok len=16] ~* +@all\n",  // default off: auth
      "bind * -::*\nport 0\n",                                                 // wildcard binds, no TCP
  };
  int n = 0;
  for (const char* conf : kConfigs) {
    Snapshot s = testing::MakeSnapshot("h" + std::to_string(n++));
    s.PutFile("/etc/redis/redis.conf", conf);
    snaps.push_back(std::move(s));
  }
  auto db = testing::LoadFactsOrDie(std::move(snaps));
  EXPECT_EQ(Query(*db, "SELECT host, auth, bind, port FROM databases ORDER BY host"),
            (Rows{{"h0", "1", "0.0.0.0,::", "6379"},
                  {"h1", "0", "0.0.0.0,::", "6379"},
                  {"h2", "0", "0.0.0.0,::", "6379"},
                  {"h3", "1", "0.0.0.0,::", "6379"},
                  {"h4", "0", "0.0.0.0,::", "6379"},
                  {"h5", "1", "0.0.0.0,::", "6379"},
                  {"h6", "0", "0.0.0.0,::", "0"}}));
}

TEST(DatabasesDeriver, PostgresDebianDefaultCluster) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/postgresql/15/main/postgresql.conf", Debian("/etc/postgresql/15/main/postgresql.conf"));
  s.PutFile("/etc/postgresql/15/main/pg_hba.conf", Debian("/etc/postgresql/15/main/pg_hba.conf"));
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, kSelect), (Rows{{"postgresql", "15/main", "config", "localhost", "5432", "1",
                                        "ssl=off; password_encryption=scram-sha-256"}}));
}

TEST(DatabasesDeriver, PostgresTrustOverTcpMeansNoAuthentication) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/postgresql/15/main/postgresql.conf", "listen_addresses = '*'\nport = 5433\nssl = on\n");
  s.PutFile("/etc/postgresql/15/main/pg_hba.conf", "local all all trust\nhost all all 10.0.0.0/8 trust\n");
  s.PutFile("/etc/postgresql/14/main/pg_hba.conf", "local all all trust\nhost all all 10.0.0.0/8 md5\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT name, bind, port, auth, detail FROM databases ORDER BY name"),
            (Rows{{"14/main", "localhost", "5432", "1", "ssl=off"},
                  {"15/main", "0.0.0.0,::", "5433", "0", "ssl=on; password_encryption=scram-sha-256"}}));
}

TEST(DatabasesDeriver, NoConfigurationNoRows) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/os-release", "ID=debian\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM databases"), Rows{{"0"}});
}

}  // namespace
}  // namespace shipshape
