// Tests of the lsblk and crypttab parser (tables `block_devices`, `crypttab`).
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

// Debian 12 installed with "guided, use entire disk and set up encrypted LVM" (util-linux 2.38.1).
constexpr const char* kLuksLsblk = R"({
   "blockdevices": [
      {
         "name": "nvme0n1",
         "type": "disk",
         "fstype": null,
         "mountpoint": null,
         "size": "476.9G",
         "children": [
            {
               "name": "nvme0n1p1",
               "type": "part",
               "fstype": "vfat",
               "mountpoint": "/boot/efi",
               "size": "512M"
            },{
               "name": "nvme0n1p2",
               "type": "part",
               "fstype": "ext2",
               "mountpoint": "/boot",
               "size": "488M"
            },{
               "name": "nvme0n1p3",
               "type": "part",
               "fstype": "crypto_LUKS",
               "mountpoint": null,
               "size": "475.9G",
               "children": [
                  {
                     "name": "nvme0n1p3_crypt",
                     "type": "crypt",
                     "fstype": "LVM2_member",
                     "mountpoint": null,
                     "size": "475.9G",
                     "children": [
                        {
                           "name": "debian--vg-root",
                           "type": "lvm",
                           "fstype": "ext4",
                           "mountpoint": "/",
                           "size": "474.9G"
                        },{
                           "name": "debian--vg-swap_1",
                           "type": "lvm",
                           "fstype": "swap",
                           "mountpoint": "[SWAP]",
                           "size": "976M"
                        }
                     ]
                  }
               ]
            }
         ]
      }
   ]
}
)";

// The installer's crypttab for that disk, plus a data volume unlocked by a key file.
constexpr const char* kCrypttab =
    "# <target name> <source device> <key file> <options>\n"
    "nvme0n1p3_crypt UUID=0f3a6c1e-8d2b-4b7e-9a55-3c1d2e4f5a6b none luks,discard\n"
    "data_crypt /dev/sdb1 /etc/keys/data.key luks\n"
    "scratch /dev/sdc1\n";

Snapshot LuksHost() {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("lsblk", kLuksLsblk, 0);
  return s;
}

TEST(BlockDevicesParser, LuksRootAndEverythingAboveItIsEncrypted) {
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({LuksHost()}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db,
                  "SELECT name, type, fstype, mountpoint, size, parent, encrypted FROM block_devices "
                  "ORDER BY rowid"),
            (Rows{{"nvme0n1", "disk", "NULL", "NULL", "476.9G", "NULL", "0"},
                  {"nvme0n1p1", "part", "vfat", "/boot/efi", "512M", "nvme0n1", "0"},
                  {"nvme0n1p2", "part", "ext2", "/boot", "488M", "nvme0n1", "0"},
                  {"nvme0n1p3", "part", "crypto_LUKS", "NULL", "475.9G", "nvme0n1", "1"},
                  {"nvme0n1p3_crypt", "crypt", "LVM2_member", "NULL", "475.9G", "nvme0n1p3", "1"},
                  {"debian--vg-root", "lvm", "ext4", "/", "474.9G", "nvme0n1p3_crypt", "1"},
                  {"debian--vg-swap_1", "lvm", "swap", "[SWAP]", "976M", "nvme0n1p3_crypt", "1"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'encryption'"), Rows{{"ok"}});
}

TEST(BlockDevicesParser, SizesBecomeBytes) {
  auto db = testing::LoadFactsOrDie({LuksHost()});
  EXPECT_EQ(Query(*db, "SELECT name, size_bytes FROM block_devices WHERE name IN ('nvme0n1p1', 'nvme0n1') ORDER BY 1"),
            (Rows{{"nvme0n1", "512067475866"}, {"nvme0n1p1", "536870912"}}));
}

TEST(BlockDevicesParser, MdRaidAppearsUnderEachMemberAndNumericSizesAreBytes) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("lsblk", R"({"blockdevices": [
      {"name":"sda", "type":"disk", "fstype":null, "mountpoint":null, "size":480103981056,
       "children": [{"name":"sda2", "type":"part", "fstype":"linux_raid_member", "mountpoint":null,
                     "size":479563022336,
                     "children": [{"name":"md2", "type":"raid1", "fstype":"ext4", "mountpoint":"/",
                                   "size":479428804608}]}]},
      {"name":"sdb", "type":"disk", "fstype":null, "mountpoint":null, "size":480103981056,
       "children": [{"name":"sdb2", "type":"part", "fstype":"linux_raid_member", "mountpoint":null,
                     "size":479563022336,
                     "children": [{"name":"md2", "type":"raid1", "fstype":"ext4", "mountpoint":"/",
                                   "size":479428804608}]}]}]})",
               0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT parent, size, size_bytes, encrypted FROM block_devices WHERE name = 'md2' ORDER BY 1"),
            (Rows{{"sda2", "479428804608", "479428804608", "0"}, {"sdb2", "479428804608", "479428804608", "0"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM block_devices WHERE encrypted = 1"), Rows{{"0"}});
}

TEST(BlockDevicesParser, InvalidJsonNamesTheLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("lsblk", "{\n   \"blockdevices\": [\n      {\"name\": \"sda\",, \"type\": \"disk\"}\n]}\n", 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: cmd/lsblk.out:3: not valid JSON");
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'encryption'"), Rows{{"error"}});
}

TEST(BlockDevicesParser, DeviceWithoutNameIsReported) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("lsblk", R"({"blockdevices": [{"type": "disk"}, {"name": "sdb", "type": "disk"}]})", 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: cmd/lsblk.out: device without a name");
  EXPECT_EQ(Query(*db, "SELECT name FROM block_devices"), Rows{{"sdb"}});
}

TEST(BlockDevicesParser, FailedLsblkLeavesEncryptionUnknown) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("lsblk", "", 32);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT state, detail FROM coverage WHERE category = 'encryption'"),
            (Rows{{"error", "lsblk exited with status 32"}}));
}

TEST(BlockDevicesParser, CrypttabRecordsWhetherAKeyFileIsSetButNeverItsPath) {
  Snapshot s = LuksHost();
  s.PutFile("/etc/crypttab", kCrypttab);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT name, device, keyfile_set, options, line FROM crypttab"),
            (Rows{{"nvme0n1p3_crypt", "UUID=0f3a6c1e-8d2b-4b7e-9a55-3c1d2e4f5a6b", "0", "luks,discard", "2"},
                  {"data_crypt", "/dev/sdb1", "1", "luks", "3"},
                  {"scratch", "/dev/sdc1", "0", "", "4"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM crypttab WHERE name || device || options LIKE '%data.key%'"), Rows{{"0"}});
}

TEST(BlockDevicesParser, MalformedCrypttabLineIsReportedWithFileAndLine) {
  Snapshot s = LuksHost();
  s.PutFile("/etc/crypttab", "ok_crypt /dev/sda2 none luks\nlonely\nx /dev/sdb none luks extra\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 2u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: /etc/crypttab:2: expected: name device [keyfile [options]]");
  EXPECT_EQ(diags.all()[1].ToString(), "h: /etc/crypttab:3: expected: name device [keyfile [options]]");
  EXPECT_EQ(Query(*db, "SELECT name FROM crypttab"), Rows{{"ok_crypt"}});
}

}  // namespace
}  // namespace shipshape
