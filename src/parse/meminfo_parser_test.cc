// Tests of the /proc/meminfo parser (table `memory`).
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

// Recorded on a 32 GB Debian 12 host (kernel 6.1) without swap.
constexpr const char* kMeminfo =
    "MemTotal:       32795008 kB\n"
    "MemFree:         1187212 kB\n"
    "MemAvailable:   12018400 kB\n"
    "Buffers:          402344 kB\n"
    "Cached:         10472308 kB\n"
    "SwapCached:            0 kB\n"
    "Active:         19534704 kB\n"
    "Inactive:       10122460 kB\n"
    "Active(anon):   18904124 kB\n"
    "Inactive(anon):   134608 kB\n"
    "Unevictable:       36888 kB\n"
    "Mlocked:           27624 kB\n"
    "SwapTotal:             0 kB\n"
    "SwapFree:              0 kB\n"
    "Dirty:               620 kB\n"
    "AnonHugePages:  11700224 kB\n"
    "HugePages_Total:       0\n"
    "HugePages_Free:        0\n"
    "Hugepagesize:       2048 kB\n"
    "DirectMap1G:    29360128 kB\n";

TEST(MeminfoParser, ReadsTotalsInBytes) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/proc/meminfo", kMeminfo);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db,
                  "SELECT total_bytes, available_bytes, free_bytes, swap_total_bytes, swap_free_bytes, file "
                  "FROM memory"),
            (Rows{{"33582088192", "12306841600", "1215705088", "0", "0", "/proc/meminfo"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'resources'"), Rows{{"ok"}});
}

TEST(MeminfoParser, OldKernelWithoutMemAvailableGivesNull) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/proc/meminfo",
            "MemTotal:        2048000 kB\nMemFree:          512000 kB\n"
            "SwapTotal:       1048572 kB\nSwapFree:        1000000 kB\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT total_bytes, available_bytes, swap_total_bytes FROM memory"),
            (Rows{{"2097152000", "NULL", "1073737728"}}));
}

TEST(MeminfoParser, MalformedLineIsReportedWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/proc/meminfo", "MemTotal:       32795008 kB\nMemFree:    lots kB\nSwapTotal: 0 MB\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 2u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: /proc/meminfo:2: expected 'Key: number kB'");
  EXPECT_EQ(diags.all()[1].ToString(), "h: /proc/meminfo:3: expected 'Key: number kB'");
  EXPECT_EQ(Query(*db, "SELECT total_bytes, free_bytes FROM memory"), (Rows{{"33582088192", "NULL"}}));
  EXPECT_EQ(Query(*db, "SELECT DISTINCT state FROM coverage WHERE category = 'resources'"), Rows{{"error"}});
}

TEST(MeminfoParser, NoMemTotalIsAnError) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/proc/meminfo", "MemFree:         1187212 kB\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: /proc/meminfo:1: no MemTotal line");
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM memory"), Rows{{"0"}});
}

}  // namespace
}  // namespace shipshape
