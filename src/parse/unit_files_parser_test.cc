// Tests of the unit file and enable link parsers (tables `unit_files`, `unit_links`).
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

// systemd 252 on Debian 12 (a test machine with nginx, PostgreSQL, redis, fail2ban and ufw).
constexpr const char* kUnitFilesDebian12 =
    "apt-daily.service                      static   -\n"
    "fail2ban.service                       enabled  enabled\n"
    "getty@.service                         enabled  enabled\n"
    "postgresql@.service                    disabled enabled\n"
    "redis.service                          alias    -\n"
    "systemd-timesyncd.service              masked   enabled\n"
    "apt-daily.timer                        enabled  enabled\n";

constexpr const char* kLinksDebian12 =
    "/etc/systemd/system/multi-user.target.wants/fail2ban.service\n"
    "/etc/systemd/system/getty.target.wants/getty@tty1.service\n"
    "/etc/systemd/system/multi-user.target.wants/postgresql@15-main.service\n"
    "/etc/systemd/system/timers.target.wants/apt-daily.timer\n"
    "/etc/systemd/system/sysinit.target.requires/cryptsetup.service\n";

TEST(UnitFilesParser, ReadsDebian12UnitFilesAndLinks) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("systemctl-unit-files", kUnitFilesDebian12, 0);
  s.PutCommand("systemd-links", kLinksDebian12, 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db,
                  "SELECT unit, state, preset, line FROM unit_files WHERE unit GLOB '*@*' OR preset = '' "
                  "ORDER BY line"),
            (Rows{{"apt-daily.service", "static", "", "1"},
                  {"getty@.service", "enabled", "enabled", "3"},
                  {"postgresql@.service", "disabled", "enabled", "4"},
                  {"redis.service", "alias", "", "5"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM unit_files"), (Rows{{"7"}}));
  EXPECT_EQ(Query(*db, "SELECT unit, wanted_by, kind, file FROM unit_links WHERE line IN (3, 5) ORDER BY line"),
            (Rows{{"postgresql@15-main.service", "multi-user.target", "wants", "cmd/systemd-links.out"},
                  {"cryptsetup.service", "sysinit.target", "requires", "cmd/systemd-links.out"}}));
}

// systemd before 245 prints no vendor preset column.
TEST(UnitFilesParser, TwoColumnsOfOlderSystemd) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("systemctl-unit-files", "ssh.service enabled\ncron.service enabled\n", 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT unit, state, preset FROM unit_files ORDER BY line"),
            (Rows{{"ssh.service", "enabled", ""}, {"cron.service", "enabled", ""}}));
}

TEST(UnitFilesParser, MalformedLinesAreReportedWithFileAndLineAndTheRestIsRead) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("systemctl-unit-files", "ssh.service enabled enabled\nUNIT FILE STATE\nnginx.service sleepy -\n", 0);
  s.PutCommand("systemd-links", "/etc/systemd/system/multi-user.target.wants/ssh.service\n/tmp/x.service\n", 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  std::vector<std::string> messages = testing::FileLineMessages(diags);
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "cmd/systemctl-unit-files.out:2: unit name does not end in .service or .timer",
                          "cmd/systemctl-unit-files.out:3: unknown unit file state",
                          "cmd/systemd-links.out:2: expected /etc/systemd/system/UNIT.wants/LINK",
                      }));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM unit_files"), (Rows{{"1"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM unit_links"), (Rows{{"1"}}));
}

}  // namespace
}  // namespace shipshape
