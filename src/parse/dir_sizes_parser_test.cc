// Tests of the du parsers (table `dir_sizes`).
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

// `du -xB1 --max-depth=1 /var/log` on a Debian 12 web host whose nginx logs are not rotated.
constexpr const char* kVarLog =
    "4096\t/var/log/private\n"
    "12288\t/var/log/apt\n"
    "53248\t/var/log/installer\n"
    "4294967296\t/var/log/journal\n"
    "13421772800\t/var/log/nginx\n"
    "36864\t/var/log/sysstat\n"
    "4096\t/var/log/old logs\n"
    "17717174272\t/var/log\n";

// `du -xsB1 /root/*`: database dumps left in root's home.
constexpr const char* kRoot =
    "62277025792\t/root/db-dump-2026-02-05.sql\n"
    "12288\t/root/scripts\n";

TEST(DirSizesParser, ReadsVarLogWithItsTotal) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("du-var-log", kVarLog, 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT path, bytes, source, file, line FROM dir_sizes WHERE path = '/var/log'"),
            (Rows{{"/var/log", "17717174272", "du-var-log", "cmd/du-var-log.out", "8"}}));
  EXPECT_EQ(Query(*db, "SELECT path FROM dir_sizes WHERE bytes > 10000000000 AND path != '/var/log'"),
            Rows{{"/var/log/nginx"}});
  EXPECT_EQ(Query(*db, "SELECT bytes FROM dir_sizes WHERE path = '/var/log/old logs'"), Rows{{"4096"}});
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'logging'"), Rows{{"ok"}});
}

TEST(DirSizesParser, ReadsRootEntries) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("du-root", kRoot, 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT path, bytes, source, line FROM dir_sizes ORDER BY line"),
            (Rows{{"/root/db-dump-2026-02-05.sql", "62277025792", "du-root", "1"},
                  {"/root/scripts", "12288", "du-root", "2"}}));
}

TEST(DirSizesParser, EmptyRootHomeIsNotAnError) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("du-root", "", 1);  // the glob /root/* matched nothing
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE category = 'resources'"), Rows{{"0"}});
}

TEST(DirSizesParser, MalformedLineIsReportedWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("du-var-log", "4096\t/var/log/apt\n4.0K /var/log/nginx\n8192\t/var/log\n", 0);
  s.PutCommand("du-root", "12288\t/root/scripts\nlots\t/root/dump\n", 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 2u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: cmd/du-root.out:2: expected BYTES<TAB>PATH");
  EXPECT_EQ(diags.all()[1].ToString(), "h: cmd/du-var-log.out:2: expected BYTES<TAB>PATH");
  EXPECT_EQ(Query(*db, "SELECT category, state FROM coverage WHERE category IN ('logging', 'resources') ORDER BY 1"),
            (Rows{{"logging", "error"}, {"resources", "error"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM dir_sizes"), Rows{{"3"}});
}

TEST(DirSizesParser, MissingTotalIsAnError) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("du-var-log", "4096\t/var/log/apt\n", 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: cmd/du-var-log.out:1: no total line for /var/log");
}

TEST(DirSizesParser, UnreadableSubfolderStillCountsWhenTheTotalIsThere) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("du-var-log", "4096\t/var/log/apt\n1048576\t/var/log\n", 1);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'logging'"), Rows{{"ok"}});
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(),
            "h: cmd/du-var-log.out: du exited with status 1; some sizes may be undercounted");
}

}  // namespace
}  // namespace shipshape
