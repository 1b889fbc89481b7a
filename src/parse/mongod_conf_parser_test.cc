// Tests of the mongod.conf parser.
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

// A replica-set member opened to every interface, as found on real hosts (no cache size set).
constexpr const char* kExposedMongod = R"(# mongod.conf
storage:
  dbPath: /var/lib/mongodb
systemLog:
  destination: file
  logAppend: true
  path: /var/log/mongodb/mongod.log

net:
  port: 27017
  bindIp: 0.0.0.0

security:
  keyFile: /etc/mongodb/keyfile

replication:
  replSetName: rs0
)";

TEST(MongodConfParser, FlattensYamlToDottedKeysWithLines) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/mongod.conf", kExposedMongod);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT key, value, file, line FROM mongod_settings ORDER BY line"),
            (Rows{{"storage.dbPath", "/var/lib/mongodb", "/etc/mongod.conf", "3"},
                  {"systemLog.destination", "file", "/etc/mongod.conf", "5"},
                  {"systemLog.logAppend", "true", "/etc/mongod.conf", "6"},
                  {"systemLog.path", "/var/log/mongodb/mongod.log", "/etc/mongod.conf", "7"},
                  {"net.port", "27017", "/etc/mongod.conf", "10"},
                  {"net.bindIp", "0.0.0.0", "/etc/mongod.conf", "11"},
                  {"security.keyFile", "/etc/mongodb/keyfile", "/etc/mongod.conf", "14"},
                  {"replication.replSetName", "rs0", "/etc/mongod.conf", "17"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM mongod_settings WHERE key LIKE '%cacheSizeGB'"), Rows{{"0"}});
  EXPECT_EQ(Query(*db, "SELECT source, state FROM coverage WHERE category = 'databases'"),
            (Rows{{"/etc/mongod.conf", "ok"}}));
}

TEST(MongodConfParser, SequencesAreJoinedWithCommasAndNestedMapsFlattened) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/mongod.conf",
            "net:\n  bindIp:\n    - 127.0.0.1\n    - 10.0.0.5\n  bindIpAll: false\n"
            "storage:\n  wiredTiger:\n    engineConfig:\n      cacheSizeGB: 2.5\n"
            "security:\n  authorization: enabled\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT key, value FROM mongod_settings ORDER BY line"),
            (Rows{{"net.bindIp", "127.0.0.1,10.0.0.5"},
                  {"net.bindIpAll", "false"},
                  {"storage.wiredTiger.engineConfig.cacheSizeGB", "2.5"},
                  {"security.authorization", "enabled"}}));
}

TEST(MongodConfParser, RedactedSecretValuesAreKeptAsTheyArrive) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/mongod.conf", "security:\n  ldap:\n    bind:\n      queryPassword: \"[REDACTED class=ok len=24]\"\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT key, value FROM mongod_settings"),
            (Rows{{"security.ldap.bind.queryPassword", "[REDACTED class=ok len=24]"}}));
}

// A snapshot whose collector did not redact (another tool, an older collector): secret-like options
// are redacted by the parser; paths (keyFile), mode switches and authorization stay as written.
TEST(MongodConfParser, SecretValuesArrivingInClearAreRedacted) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/mongod.conf",
            "security:\n  authorization: enabled\n  keyFile: /etc/mongo.key\n  clusterAuthMode: keyFile\n"
            "  ldap:\n    bind:\n      queryPassword: clear-ldap-pw-1\n"
            "net:\n  tls:\n    certificateKeyFilePassword: [pw1, pw2]\n    mode: requireTLS\n");
  s.PutFile("/etc/mongodb.conf", "sslPEMKeyPassword = legacy-pw\nport = 27017\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT key, value FROM mongod_settings ORDER BY file, line"),
            (Rows{{"security.authorization", "enabled"},
                  {"security.keyFile", "/etc/mongo.key"},
                  {"security.clusterAuthMode", "keyFile"},
                  {"security.ldap.bind.queryPassword", "[REDACTED class=ok len=15]"},
                  {"net.tls.certificateKeyFilePassword", "[REDACTED class=short len=7]"},
                  {"net.tls.mode", "requireTLS"},
                  {"sslPEMKeyPassword", "[REDACTED class=short len=9]"},
                  {"net.port", "27017"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM mongod_settings WHERE value LIKE '%pw%'"), Rows{{"0"}});
}

// Older collectors redacted every key with AUTH in its name, and a legacy auth=true written without
// blanks is still redacted: the switch comes back from the token's length.
TEST(MongodConfParser, AuthorizationRedactedByTheCollectorIsRecovered) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/mongod.conf",
            "security:\n  authorization: [REDACTED class=short len=7]\n"
            "  clusterAuthMode: [REDACTED class=short len=4]\n");
  s.PutFile("/etc/mongodb.conf",
            "auth = [REDACTED class=short len=5]\nnoauth=[REDACTED class=short len=4]\n"
            "auth = [REDACTED class=short len=3]\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT file, key, value FROM mongod_settings ORDER BY file DESC, line"),
            (Rows{{"/etc/mongodb.conf", "security.authorization", "disabled"},
                  {"/etc/mongodb.conf", "security.authorization", "disabled"},
                  {"/etc/mongodb.conf", "security.authorization", "[REDACTED class=short len=3]"},
                  {"/etc/mongod.conf", "security.authorization", "enabled"},
                  {"/etc/mongod.conf", "security.clusterAuthMode", "[REDACTED class=short len=4]"}}));
}

TEST(MongodConfParser, LegacyDebianFormatIsMappedToDottedKeys) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/mongodb.conf",
            "# mongodb.conf\n\ndbpath=/var/lib/mongodb\nlogpath=/var/log/mongodb/mongodb.log\nlogappend=true\n"
            "bind_ip = 127.0.0.1,10.1.2.3\nport = 27018\nauth = true  # require logins\nkeyFile = /etc/mongo.key\n"
            "replSet = rs1\nnohttpinterface = true\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT key, value, line FROM mongod_settings WHERE file = '/etc/mongodb.conf' ORDER BY line"),
            (Rows{{"storage.dbPath", "/var/lib/mongodb", "3"},
                  {"systemLog.path", "/var/log/mongodb/mongodb.log", "4"},
                  {"systemLog.logAppend", "true", "5"},
                  {"net.bindIp", "127.0.0.1,10.1.2.3", "6"},
                  {"net.port", "27018", "7"},
                  {"security.authorization", "enabled", "8"},
                  {"security.keyFile", "/etc/mongo.key", "9"},
                  {"replication.replSetName", "rs1", "10"},
                  {"nohttpinterface", "true", "11"}}));
}

TEST(MongodConfParser, LegacyNoauthDisablesAuthorization) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/mongodb.conf", "noauth = true\nauth = false\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT key, value FROM mongod_settings ORDER BY line"),
            (Rows{{"security.authorization", "disabled"}, {"security.authorization", "disabled"}}));
}

TEST(MongodConfParser, LegacyLineWithoutEqualsIsReported) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/mongodb.conf", "port = 27017\nthis line has no equals sign\nbind_ip = 127.0.0.1\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: /etc/mongodb.conf:2: expected name = value");
  EXPECT_EQ(Query(*db, "SELECT key FROM mongod_settings ORDER BY line"), (Rows{{"net.port"}, {"net.bindIp"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'databases'"), Rows{{"error"}});
}

TEST(MongodConfParser, InvalidYamlIsReportedAtItsLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/mongod.conf", "net:\n  port: 27017\n  bindIp: [127.0.0.1\nsecurity:\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: /etc/mongod.conf:4: invalid YAML: end of sequence flow not found");
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM mongod_settings"), Rows{{"0"}});
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'databases'"), Rows{{"error"}});
}

TEST(MongodConfParser, TopLevelThatIsNotAMappingIsReported) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/mongod.conf", "# comment\n- net\n- security\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: /etc/mongod.conf:2: expected a mapping of options");
}

TEST(MongodConfParser, CommentOnlyFileIsReadWithoutRows) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/mongod.conf", "# everything at its default\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM mongod_settings"), Rows{{"0"}});
  EXPECT_EQ(Query(*db, "SELECT source, state FROM coverage WHERE category = 'databases'"),
            (Rows{{"/etc/mongod.conf", "ok"}}));
}

}  // namespace
}  // namespace shipshape
