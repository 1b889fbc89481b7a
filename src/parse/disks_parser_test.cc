// Tests of the df parser (table `disks`).
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

// Recorded on a Hetzner server: a 440 GiB md RAID1 root at 85 %, Docker's overlay on top, a snap.
constexpr const char* kDf =
    "Filesystem      Type         1-blocks         Used    Available Capacity Mounted on\n"
    "udev            devtmpfs  33680269312            0  33680269312       0% /dev\n"
    "tmpfs           tmpfs      6743257088      3309568   6739947520       1% /run\n"
    "/dev/md2        ext4     472446402560 378600000000  68400000000      85% /\n"
    "tmpfs           tmpfs     33716273152            0  33716273152       0% /dev/shm\n"
    "/dev/md1        ext4       1020702720    187314176    780632064      20% /boot\n"
    "overlay         overlay  472446402560 378600000000  68400000000      85% "
    "/var/lib/docker/overlay2/3f1c9b0e/merged\n"
    "/dev/loop0      squashfs     58327040     58327040            0     100% /snap/core20/2105\n"
    "//nas/backup share cifs 4000000000000 1000000000000 3000000000000 25% /mnt/backup share\n";

TEST(DisksParser, ReadsMdRaidRootAt85Percent) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("df", kDf, 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty()) << diags.all()[0].ToString();
  EXPECT_EQ(Query(*db,
                  "SELECT filesystem, fstype, size_bytes, used_bytes, avail_bytes, used_pct, mountpoint, line, "
                  "pseudo, capacity_pct FROM disks WHERE mountpoint = '/'"),
            (Rows{{"/dev/md2", "ext4", "472446402560", "378600000000", "68400000000", "84.7", "/", "4", "0", "85"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM disks"), Rows{{"8"}});
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'resources'"), Rows{{"ok"}});
}

TEST(DisksParser, KeepsSpacesInFilesystemAndMountPoint) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("df", kDf, 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT filesystem, fstype, used_pct, mountpoint FROM disks WHERE line = 9"),
            (Rows{{"//nas/backup share", "cifs", "25.0", "/mnt/backup share"}}));
}

TEST(DisksParser, MarksImagesAndMemoryFilesystemsPseudo) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("df", kDf, 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT mountpoint, used_pct FROM disks WHERE pseudo = 0 AND used_pct > 80"),
            (Rows{{"/", "84.7"}}));
  EXPECT_EQ(Query(*db, "SELECT pseudo, used_pct FROM disks WHERE fstype = 'squashfs'"), (Rows{{"1", "100.0"}}));
}

TEST(DisksParser, MalformedLineIsReportedWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("df",
               "Filesystem Type 1-blocks Used Available Capacity Mounted on\n"
               "/dev/sda1 ext4 1000 500 500 50% /\n"
               "/dev/sdb1 ext4 lots 500 500 50% /data\n",
               0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(),
            "h: cmd/df.out:3: expected columns Filesystem Type 1-blocks Used Available Capacity Mounted-on");
  EXPECT_EQ(Query(*db, "SELECT mountpoint FROM disks"), Rows{{"/"}});
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'resources'"), Rows{{"error"}});
}

TEST(DisksParser, PartialFailureKeepsTheRowsItPrinted) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("df", "Filesystem Type 1-blocks Used Available Capacity Mounted on\n/dev/sda1 ext4 1000 500 500 50% /\n",
               1);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Query(*db, "SELECT mountpoint, used_pct FROM disks"), (Rows{{"/", "50.0"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'resources'"), Rows{{"ok"}});
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: cmd/df.out: df exited with status 1; some mounts are missing");
}

TEST(DisksParser, FailedRunWithoutOutputLeavesResourcesUnknown) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("df", "", 1);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT state, detail FROM coverage WHERE category = 'resources'"),
            (Rows{{"error", "df exited with status 1"}}));
}

TEST(DisksParser, ZeroSizedFilesystemHasNoPercentage) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("df", "Filesystem Type 1-blocks Used Available Capacity Mounted on\nnone tmpfs 0 0 0 - /x\n", 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT size_bytes, used_pct, capacity_pct FROM disks"), (Rows{{"0", "NULL", "NULL"}}));
}

}  // namespace
}  // namespace shipshape
