// Tests of snapshot reading and writing (folders and .tar.gz archives).
#include <gtest/gtest.h>

#include "base/archive.h"
#include "base/file_io.h"
#include "snapshot/snapshot.h"

namespace shipshape {
namespace {

class SnapshotIo : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = *MakeTempDir("shipshape-snap-test."); }
  void TearDown() override { RemoveTree(dir_); }
  Snapshot Sample() {
    Snapshot s;
    s.meta().host = "web \"1\"";
    s.meta().collected_at = "2026-06-14T10:00:00Z";
    s.meta().method = "fixture";
    s.meta().privileged = true;
    s.meta().labels["env"] = "production";
    s.PutFile("/etc/ssh/sshd_config", "PermitRootLogin no\n");
    s.PutCommand("ss-listen", "tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:*\n", 0);
    s.PutCommand("ufw-status", "ERROR: You need to be root to run this script\n", 1);
    s.PutCommand("nft-ruleset", "", 0);
    return s;
  }
  void ExpectSame(const Snapshot& a, const Snapshot& b) {
    EXPECT_EQ(a.meta().host, b.meta().host);
    EXPECT_EQ(a.meta().collected_at, b.meta().collected_at);
    EXPECT_EQ(a.meta().privileged, b.meta().privileged);
    EXPECT_EQ(a.meta().labels, b.meta().labels);
    EXPECT_EQ(a.files(), b.files());
    ASSERT_EQ(a.commands().size(), b.commands().size());
    for (const auto& [name, r] : a.commands()) {
      EXPECT_EQ(r.output, b.commands().at(name).output) << name;
      EXPECT_EQ(r.exit_code, b.commands().at(name).exit_code) << name;
    }
  }
  std::string dir_;
};

TEST_F(SnapshotIo, FolderRoundTripKeepsFilesCommandsAndExitCodes) {
  ASSERT_TRUE(WriteSnapshot(Sample(), dir_ + "/snap").ok());
  auto back = LoadSnapshot(dir_ + "/snap");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSame(Sample(), *back);
  EXPECT_EQ(back->Command("ufw-status")->exit_code, 1);
  EXPECT_EQ(back->CommandOk("ufw-status"), nullptr);
  ASSERT_NE(back->CommandOk("nft-ruleset"), nullptr);
  EXPECT_EQ(*back->CommandOk("nft-ruleset"), "");
}

TEST_F(SnapshotIo, ArchiveRoundTripKeepsEverything) {
  ASSERT_TRUE(WriteSnapshot(Sample(), dir_ + "/snap.tar.gz").ok());
  auto back = LoadSnapshot(dir_ + "/snap.tar.gz");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSame(Sample(), *back);
}

TEST_F(SnapshotIo, OutputWithoutExitCodeMeansNotRun) {
  ASSERT_TRUE(WriteWholeFile(dir_ + "/s/meta.json",
                             "{\"format\":\"shipshape-snapshot/1\",\"host\":\"h\",\"collected_at\":\"\"}").ok());
  ASSERT_TRUE(WriteWholeFile(dir_ + "/s/cmd/df.out", "Filesystem\n").ok());
  auto snap = LoadSnapshot(dir_ + "/s");
  ASSERT_TRUE(snap.ok());
  EXPECT_EQ(snap->Command("df"), nullptr);
}

TEST_F(SnapshotIo, WrongFormatIsRejectedNamingMetaJson) {
  ASSERT_TRUE(WriteWholeFile(dir_ + "/s/meta.json", "{\"format\":\"other/2\",\"host\":\"h\"}").ok());
  auto snap = LoadSnapshot(dir_ + "/s");
  ASSERT_FALSE(snap.ok());
  EXPECT_EQ(snap.status().ToString(),
            dir_ + "/s/meta.json:1: unsupported snapshot format 'other/2' (expected shipshape-snapshot/1)");
}

TEST_F(SnapshotIo, DamagedArchiveIsAnErrorNotACrash) {
  ASSERT_TRUE(WriteSnapshot(Sample(), dir_ + "/snap.tar.gz").ok());
  std::string bytes = *ReadWholeFile(dir_ + "/snap.tar.gz");
  ASSERT_TRUE(WriteWholeFile(dir_ + "/cut.tar.gz", bytes.substr(0, bytes.size() / 2)).ok());
  auto snap = LoadSnapshot(dir_ + "/cut.tar.gz");
  EXPECT_FALSE(snap.ok());
}

TEST_F(SnapshotIo, ArchiveEntriesWithDotDotAreIgnored) {
  ASSERT_TRUE(WriteTarGz(dir_ + "/evil.tar.gz",
                         {{"meta.json", "{\"format\":\"shipshape-snapshot/1\",\"host\":\"h\"}"},
                          {"files/../../etc/passwd", "x"},
                          {"files/etc/hostname", "h\n"}})
                  .ok());
  auto snap = LoadSnapshot(dir_ + "/evil.tar.gz");
  ASSERT_TRUE(snap.ok());
  EXPECT_EQ(snap->files().size(), 1u);
  EXPECT_NE(snap->File("/etc/hostname"), nullptr);
}

}  // namespace
}  // namespace shipshape
