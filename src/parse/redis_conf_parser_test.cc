// Tests of the redis.conf parser.
#include <gtest/gtest.h>

#include "fact_query.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

TEST(RedisConfParser, ReadsDebianDefaultFile) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/redis/redis.conf", testing::ReadTestFile(testing::CorpusDir() + "/debian12/etc/redis/redis.conf"));
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db,
                  "SELECT key, value, file, line, effective, config FROM redis_settings "
                  "WHERE key IN ('bind', 'protected-mode', 'port') ORDER BY line"),
            (Rows{{"bind", "127.0.0.1 -::1", "/etc/redis/redis.conf", "87", "1", "/etc/redis/redis.conf"},
                  {"protected-mode", "yes", "/etc/redis/redis.conf", "111", "1", "/etc/redis/redis.conf"},
                  {"port", "6379", "/etc/redis/redis.conf", "138", "1", "/etc/redis/redis.conf"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM redis_settings WHERE key = 'requirepass' AND effective = 1"), Rows{{"0"}});
  // Quoted arguments come back quoted when they hold spaces or are empty.
  EXPECT_EQ(Query(*db,
                  "SELECT value FROM redis_settings WHERE key IN ('proc-title-template', "
                  "'notify-keyspace-events') ORDER BY line"),
            (Rows{{"\"{title} {listen-addr} {server-mode}\""}, {"\"\""}}));
  // Multi-valued by class: all three client-output-buffer-limit lines apply.
  EXPECT_EQ(Query(*db,
                  "SELECT count(*) FROM redis_settings WHERE key = 'client-output-buffer-limit' "
                  "AND effective = 1"),
            Rows{{"3"}});
  EXPECT_EQ(Query(*db, "SELECT source, state FROM coverage WHERE category = 'databases'"),
            (Rows{{"/etc/redis/redis.conf", "ok"}}));
}

TEST(RedisConfParser, ExposedConfigWithRedactedPasswordAndRenamedCommands) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/redis/redis.conf",
            "# exposed\nbind 0.0.0.0\nprotected-mode no\nport 6379\nrequirepass [REDACTED class=short len=7]\n"
            "rename-command CONFIG \"\"\nrename-command FLUSHALL \"\"\nmaxmemory 2gb\nPORT 6380\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT key, value, line, effective FROM redis_settings ORDER BY line"),
            (Rows{{"bind", "0.0.0.0", "2", "1"},
                  {"protected-mode", "no", "3", "1"},
                  {"port", "6379", "4", "0"},
                  {"requirepass", "[REDACTED class=short len=7]", "5", "1"},
                  {"rename-command", "CONFIG \"\"", "6", "1"},
                  {"rename-command", "FLUSHALL \"\"", "7", "1"},
                  {"maxmemory", "2gb", "8", "1"},
                  {"port", "6380", "9", "1"}}));
}

TEST(RedisConfParser, QuotedRedactionTokenIsKeptAsOneToken) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/redis.conf", "requirepass \"[REDACTED class=empty len=0]\"\nmasterauth 'it''s'\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Query(*db, "SELECT key, value, config FROM redis_settings WHERE key = 'requirepass'"),
            (Rows{{"requirepass", "[REDACTED class=empty len=0]", "/etc/redis.conf"}}));
  // 'it''s' is not Redis syntax: a closing quote must be followed by a space.
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: /etc/redis.conf:2: unbalanced quotes");
}

TEST(RedisConfParser, PasswordsTheCollectorMissedAreRedacted) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/redis/redis.conf",
            "masterauth \"hunter2\"\nrequirepass \"\"\n"
            "user app on >apppassword1234 #4b0c3b6f ~app:* +@read\nuser default on nopass ~* +@all\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT key, value, effective FROM redis_settings ORDER BY line"),
            (Rows{{"masterauth", "[REDACTED class=short len=7]", "1"},
                  {"requirepass", "[REDACTED class=empty len=0]", "1"},
                  {"user", "app on >[REDACTED class=ok len=15] #[REDACTED class=short len=8] ~app:* +@read", "1"},
                  {"user", "default on nopass ~* +@all", "1"}}));
}

TEST(RedisConfParser, EscapesInsideQuotes) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/redis/redis.conf",
            "logfile \"/var/log/a\\x62c\\\\d\"\nignore-warnings 'ARM64''\n"
            "dir '/var/lib/it\\'s'\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Query(*db, "SELECT key, value FROM redis_settings ORDER BY line"),
            (Rows{{"logfile", "\"/var/log/abc\\\\d\""}, {"dir", "\"/var/lib/it's\""}}));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: /etc/redis/redis.conf:2: unbalanced quotes");
}

TEST(RedisConfParser, IncludedFilesAreReadInPlaceAndOverride) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/redis/redis.conf",
            "port 6379\ninclude /etc/redis/local.conf\nbind 127.0.0.1\n"
            "include /etc/redis/conf.d/*.conf\ninclude /etc/redis/missing.conf\n");
  s.PutFile("/etc/redis/local.conf", "port 7000\nbind 0.0.0.0\n");
  s.PutFile("/etc/redis/conf.d/b.conf", "maxmemory 1gb\n");
  s.PutFile("/etc/redis/conf.d/a.conf", "maxmemory 512mb\n");
  s.PutFile("/etc/redis/conf.d/a.conf.bak", "maxmemory 1tb\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Query(*db,
                  "SELECT key, value, file, line, effective FROM redis_settings "
                  "WHERE config = '/etc/redis/redis.conf' ORDER BY rowid"),
            (Rows{{"port", "6379", "/etc/redis/redis.conf", "1", "0"},
                  {"include", "/etc/redis/local.conf", "/etc/redis/redis.conf", "2", "1"},
                  {"port", "7000", "/etc/redis/local.conf", "1", "1"},
                  {"bind", "0.0.0.0", "/etc/redis/local.conf", "2", "0"},
                  {"bind", "127.0.0.1", "/etc/redis/redis.conf", "3", "1"},
                  {"include", "/etc/redis/conf.d/*.conf", "/etc/redis/redis.conf", "4", "1"},
                  {"maxmemory", "512mb", "/etc/redis/conf.d/a.conf", "1", "0"},
                  {"maxmemory", "1gb", "/etc/redis/conf.d/b.conf", "1", "1"},
                  {"include", "/etc/redis/missing.conf", "/etc/redis/redis.conf", "5", "1"}}));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: /etc/redis/redis.conf:5: included file was not collected");
}

TEST(RedisConfParser, MalformedLinesAreReportedAndReadingGoesOn) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/redis/redis.conf",
            "port 6379\nrequirepass \"unterminated\nprotected-mode\n\x01weird yes\nmaxmemory 1gb\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 3u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: /etc/redis/redis.conf:2: unbalanced quotes");
  EXPECT_EQ(diags.all()[1].ToString(), "h: /etc/redis/redis.conf:3: missing value for directive protected-mode");
  EXPECT_EQ(diags.all()[2].ToString(), "h: /etc/redis/redis.conf:4: invalid directive name");
  EXPECT_EQ(Query(*db, "SELECT key FROM redis_settings ORDER BY line"), (Rows{{"port"}, {"maxmemory"}}));
  EXPECT_EQ(Query(*db, "SELECT DISTINCT state FROM coverage WHERE category = 'databases'"), Rows{{"error"}});
}

}  // namespace
}  // namespace shipshape
