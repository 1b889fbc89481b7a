// Tests of the logrotate parser (table `logrotate_rules`).
#include <gtest/gtest.h>

#include "fact_query.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

using testing::Messages;

std::string Corpus(const std::string& path) { return testing::ReadTestFile(testing::CorpusDir() + "/debian12" + path); }

constexpr const char* kColumns =
    "SELECT paths, frequency, rotate, compress, maxsize, size, missingok, file, line "
    "FROM logrotate_rules ";

TEST(LogrotateParser, ReadsDebianDefaults) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/logrotate.conf", Corpus("/etc/logrotate.conf"));
  for (const char* name : {"fail2ban", "nginx", "postgresql-common", "redis-server"}) {
    s.PutFile(std::string("/etc/logrotate.d/") + name, Corpus(std::string("/etc/logrotate.d/") + name));
  }
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty()) << Messages(diags)[0];
  EXPECT_EQ(Query(*db, std::string(kColumns) + "ORDER BY file"),
            (Rows{{"/var/log/fail2ban.log", "weekly", "4", "1", "NULL", "NULL", "1", "/etc/logrotate.d/fail2ban", "1"},
                  {"/var/log/nginx/*.log", "daily", "14", "1", "NULL", "NULL", "1", "/etc/logrotate.d/nginx", "1"},
                  {"/var/log/postgresql/*.log", "weekly", "10", "1", "NULL", "NULL", "1",
                   "/etc/logrotate.d/postgresql-common", "1"},
                  {"/var/log/redis/redis-server*.log", "weekly", "12", "1", "NULL", "NULL", "1",
                   "/etc/logrotate.d/redis-server", "1"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'logging'"), Rows{{"ok"}});
}

TEST(LogrotateParser, BlocksInheritTheGlobalsWrittenBeforeTheirInclude) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/logrotate.conf",
            "daily\nrotate 7\ncompress\nmissingok\n"
            "include /etc/logrotate.d\n"
            "weekly\n"
            "/var/log/wtmp \"/var/log/my app.log\" {\n    monthly\n    rotate 1\n    nomissingok\n}\n");
  s.PutFile("/etc/logrotate.d/app", "/srv/app/logs/*.log {\n  maxsize 100M\n  size 10k\n  nocompress\n}\n");
  s.PutFile("/etc/logrotate.d/app.dpkg-dist", "/srv/app/logs/*.log {\n  hourly\n}\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(
      Query(*db, std::string(kColumns) + "ORDER BY file"),
      (Rows{{"/var/log/wtmp /var/log/my app.log", "monthly", "1", "1", "NULL", "NULL", "0", "/etc/logrotate.conf", "7"},
            {"/srv/app/logs/*.log", "daily", "7", "0", "100M", "10k", "1", "/etc/logrotate.d/app", "1"}}));
}

TEST(LogrotateParser, ScriptsAreSkippedUntilEndscript) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/logrotate.d/app",
            "/var/log/app.log\n{\n  weekly\n  postrotate\n    if [ -f /run/app.pid ]; then { kill -HUP $(cat "
            "/run/app.pid); }\n"
            "    rotate 99\n  }\n  endscript\n  rotate 3\n}\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty()) << Messages(diags)[0];
  EXPECT_EQ(Query(*db, "SELECT paths, frequency, rotate, line FROM logrotate_rules"),
            (Rows{{"/var/log/app.log", "weekly", "3", "1"}}));
}

TEST(LogrotateParser, WithoutLogrotateConfTheDropInsUseBuiltInDefaults) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/logrotate.d/nginx", Corpus("/etc/logrotate.d/nginx"));
  s.PutFile("/etc/logrotate.d/custom", "/var/log/custom.log {\n  size 1M\n}\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT paths, frequency, rotate, compress, size FROM logrotate_rules ORDER BY file"),
            (Rows{{"/var/log/custom.log", "", "0", "0", "1M"}, {"/var/log/nginx/*.log", "daily", "14", "1", "NULL"}}));
  EXPECT_EQ(Query(*db, "SELECT source, state FROM coverage WHERE category = 'logging'"),
            (Rows{{"/etc/logrotate.d", "ok"}}));
}

TEST(LogrotateParser, MalformedLinesAreReported) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile(
      "/etc/logrotate.conf",
      "weekly\nrotate four\nfrequently\n/var/log/a.log {\n  daily\n  size\n}\n}\n/var/log/b.log {\n  postrotate\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags),
            (std::vector<std::string>{
                "h: /etc/logrotate.conf:2: rotate needs a number", "h: /etc/logrotate.conf:3: unknown directive",
                "h: /etc/logrotate.conf:6: size needs a size", "h: /etc/logrotate.conf:8: '}' without a log block",
                "h: /etc/logrotate.conf:10: script without endscript",
                "h: /etc/logrotate.conf:9: log block is not closed with '}'"}));
  EXPECT_EQ(Query(*db, "SELECT paths, frequency FROM logrotate_rules"), (Rows{{"/var/log/a.log", "daily"}}));
  EXPECT_EQ(Query(*db, "SELECT DISTINCT state FROM coverage WHERE category = 'logging'"), Rows{{"error"}});
}

}  // namespace
}  // namespace shipshape
