// Tests of the postgresql.conf parser and its lexer.
#include <gtest/gtest.h>

#include "fact_query.h"
#include "parse/postgres_conf.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

constexpr const char* kConf = "/etc/postgresql/15/main/postgresql.conf";

TEST(PostgresConfParser, ReadsDebianDefaultFileAndAddsDefaults) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile(kConf, testing::ReadTestFile(testing::CorpusDir() + "/debian12" + kConf));
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db,
                  "SELECT cluster, key, value, file, line, source FROM postgres_settings "
                  "WHERE key IN ('listen_addresses', 'port', 'ssl', 'password_encryption', 'hba_file') "
                  "ORDER BY key"),
            (Rows{{"15/main", "hba_file", "/etc/postgresql/15/main/pg_hba.conf", kConf, "44", "file"},
                  {"15/main", "listen_addresses", "localhost", "", "0", "default"},
                  {"15/main", "password_encryption", "scram-sha-256", "", "0", "default"},
                  {"15/main", "port", "5432", kConf, "64", "file"},
                  {"15/main", "ssl", "off", kConf, "105", "file"}}));
  EXPECT_EQ(Query(*db, "SELECT value FROM postgres_settings WHERE key = 'log_line_prefix'"),
            Rows{{"%m [%p] %q%u@%d "}});
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM postgres_settings WHERE key LIKE 'include%'"), Rows{{"0"}});
  EXPECT_EQ(Query(*db, "SELECT source, state FROM coverage WHERE category = 'databases'"), (Rows{{kConf, "ok"}}));
}

TEST(PostgresConfParser, IncludesAreFollowedAndTheLastOccurrenceWins) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile(kConf,
            "listen_addresses = 'localhost'\ninclude 'extra.conf'\ninclude_if_exists 'absent.conf'\n"
            "include_dir 'conf.d'\nmax_connections = 100\ninclude '/etc/postgresql/15/main/gone.conf'\n");
  s.PutFile("/etc/postgresql/15/main/extra.conf", "port = 5433\nmax_connections = 50\n");
  s.PutFile("/etc/postgresql/15/main/conf.d/20-ssl.conf", "ssl = on\n");
  s.PutFile("/etc/postgresql/15/main/conf.d/10-listen.conf", "listen_addresses = '*'\n");
  s.PutFile("/etc/postgresql/15/main/conf.d/.hidden.conf", "port = 1\n");
  s.PutFile("/etc/postgresql/15/main/conf.d/notes.txt", "port = 2\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Query(*db, "SELECT key, value, file, line, source FROM postgres_settings ORDER BY key"),
            (Rows{{"listen_addresses", "*", "/etc/postgresql/15/main/conf.d/10-listen.conf", "1", "file"},
                  {"max_connections", "100", kConf, "5", "file"},
                  {"password_encryption", "scram-sha-256", "", "0", "default"},
                  {"port", "5433", "/etc/postgresql/15/main/extra.conf", "1", "file"},
                  {"ssl", "on", "/etc/postgresql/15/main/conf.d/20-ssl.conf", "1", "file"}}));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: /etc/postgresql/15/main/postgresql.conf:6: included file was not collected");
}

TEST(PostgresConfParser, OlderVersionsDefaultToMd5AndClustersAreSeparate) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/postgresql/12/main/postgresql.conf", "port = 5432\n");
  s.PutFile("/etc/postgresql/15/reports/postgresql.conf", "port = 5433\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db,
                  "SELECT cluster, value FROM postgres_settings WHERE key = 'password_encryption' "
                  "ORDER BY cluster"),
            (Rows{{"12/main", "md5"}, {"15/reports", "scram-sha-256"}}));
  EXPECT_EQ(Query(*db, "SELECT cluster, value FROM postgres_settings WHERE key = 'port' ORDER BY cluster"),
            (Rows{{"12/main", "5432"}, {"15/reports", "5433"}}));
}

TEST(PostgresConfParser, ConninfoPasswordsNeverReachTheTable) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile(kConf,
            "primary_conninfo = 'host=10.0.0.1 port=5432 user=replicator password=''s3cr3t pass'' "
            "application_name=r1'\n"
            "x.conninfo = 'password = changeme sslmode=require'\n"
            "y.conninfo = 'postgresql://rep:longenoughsecret@db1:5432/app'\n"
            "z.conninfo = 'mypassword=1 passwordless=1'\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(
      Query(*db, "SELECT key, value FROM postgres_settings WHERE key LIKE '%conninfo' ORDER BY key"),
      (Rows{{"primary_conninfo",
             "host=10.0.0.1 port=5432 user=replicator password=[REDACTED class=short len=11] application_name=r1"},
            {"x.conninfo", "password = [REDACTED class=default len=8] sslmode=require"},
            {"y.conninfo", "postgresql://rep:[REDACTED class=ok len=16]@db1:5432/app"},
            {"z.conninfo", "mypassword=1 passwordless=1"}}));
}

// A snapshot the collector did not redact: secret-like settings keep only their token.
TEST(PostgresConfParser, SecretSettingsArrivingInClearAreRedacted) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile(kConf,
            "ssl_passphrase_command = 'echo clear-pass-phrase'\n"
            "ssl_key_file = '/etc/ssl/private/pg.key'\npassword_encryption = scram-sha-256\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db,
                  "SELECT key, value FROM postgres_settings WHERE key IN ('ssl_passphrase_command', 'ssl_key_file', "
                  "'password_encryption') ORDER BY key"),
            (Rows{{"password_encryption", "scram-sha-256"},
                  {"ssl_key_file", "/etc/ssl/private/pg.key"},
                  {"ssl_passphrase_command", "[REDACTED class=ok len=22]"}}));
}

struct LexCase {
  const char* line;
  const char* key;
  const char* value;
  const char* error;
};

TEST(PostgresConfParser, LineSyntax) {
  const LexCase kCases[] = {
      {"port = 5432", "port", "5432", ""},
      {"  Shared_Buffers 128MB   # comment", "shared_buffers", "128MB", ""},
      {"listen_addresses='10.0.0.1, ::1'#c", "listen_addresses", "10.0.0.1, ::1", ""},
      {"search_path = '\"$user\", public'", "search_path", "\"$user\", public", ""},
      {"application_name = 'it''s \\'ok\\''", "application_name", "it's 'ok'", ""},
      {"pg_stat_statements.max = 10000", "pg_stat_statements.max", "10000", ""},
      {"random_page_cost = 1.1", "random_page_cost", "1.1", ""},
      {"log_min_duration_statement = -1", "log_min_duration_statement", "-1", ""},
      {"port =", "port", "", "missing value for parameter port"},
      {"port = 5432 5433", "port", "5432", "syntax error in the value of port"},
      {"listen_addresses = *", "listen_addresses", "", "syntax error in the value of listen_addresses"},
      {"ssl_ciphers = 'HIGH:!aNULL", "ssl_ciphers", "HIGH:!aNULL",
       "unterminated quoted string in the value of ssl_ciphers"},
      {"= 5432", "", "", "expected a parameter name"},
      {"9port = 1", "", "", "expected a parameter name"},
  };
  for (const LexCase& c : kCases) {
    SCOPED_TRACE(c.line);
    PgConfLine l = ParsePgConfLine(c.line);
    EXPECT_FALSE(l.blank);
    EXPECT_EQ(l.error, c.error);
    EXPECT_EQ(l.key, c.key);
    if (l.error.empty()) {
      EXPECT_EQ(l.value, c.value);
    }
  }
  EXPECT_TRUE(ParsePgConfLine("   # port = 1").blank);
  EXPECT_TRUE(ParsePgConfLine("\t").blank);
}

TEST(PostgresConfParser, MalformedLinesAreReportedWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile(kConf, "port = 5433\nssl = on off\nlisten_addresses = '*\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 2u);
  EXPECT_EQ(diags.all()[0].ToString(),
            "h: /etc/postgresql/15/main/postgresql.conf:2: syntax error in the value of ssl");
  EXPECT_EQ(
      diags.all()[1].ToString(),
      "h: /etc/postgresql/15/main/postgresql.conf:3: unterminated quoted string in the value of listen_addresses");
  EXPECT_EQ(Query(*db, "SELECT value, source FROM postgres_settings WHERE key IN ('port', 'ssl') ORDER BY key"),
            (Rows{{"5433", "file"}, {"off", "default"}}));
  EXPECT_EQ(Query(*db, "SELECT DISTINCT state FROM coverage WHERE category = 'databases'"), Rows{{"error"}});
}

}  // namespace
}  // namespace shipshape
