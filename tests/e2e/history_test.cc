// History end to end: two audits of one host whose facts changed, then `diff` (default: the last
// two runs, or two ids) and `history`; snapshots kept; --no-history; exit codes.
#include <gtest/gtest.h>

#include <filesystem>

#include "base/file_io.h"
#include "base/json.h"
#include "base/process.h"
#include "shipshape_cli.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::RunShipshape;

class History : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = *MakeTempDir("shipshape-history-e2e.");
    db_ = dir_ + "/h/history.db";
    // Run 1: bms-1 as seeded. Run 2: root login off (resolves SSH-ROOT-LOGIN), passwords on (new).
    std::string before = dir_ + "/before", after = dir_ + "/after";
    std::filesystem::copy(testing::FixturesDir() + "/seed-fleet/bms-1", before,
                          std::filesystem::copy_options::recursive);
    std::filesystem::copy(before, after, std::filesystem::copy_options::recursive);
    std::string sshd = *ReadWholeFile(after + "/cmd/sshd-T.out");
    Replace(&sshd, "permitrootlogin yes", "permitrootlogin no");
    Replace(&sshd, "passwordauthentication no", "passwordauthentication yes");
    ASSERT_TRUE(WriteWholeFile(after + "/cmd/sshd-T.out", sshd).ok());
    for (const std::string& snap : {before, after}) {
      ProcessResult a = RunShipshape({"audit", snap, "--now", "2026-06-14", "--db", db_, "-o", dir_ + "/report.txt"});
      ASSERT_EQ(a.exit_code, 0) << a.err;
    }
  }
  void TearDown() override { RemoveTree(dir_); }
  static void Replace(std::string* text, const std::string& from, const std::string& to) {
    size_t at = text->find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text->replace(at, from.size(), to);
  }
  std::string dir_, db_;
};

TEST_F(History, DiffOfTheLastTwoRunsShowsNewAndResolvedFindings) {
  ProcessResult d = RunShipshape({"diff", "--db", db_});
  ASSERT_EQ(d.exit_code, 0) << d.err;
  EXPECT_NE(d.out.find("run 1 ("), std::string::npos) << d.out;
  EXPECT_NE(d.out.find("host bms-1: 1 new, 1 resolved, "), std::string::npos) << d.out;
  EXPECT_NE(d.out.find("  + P2 SSH-PASSWORD-AUTH  PasswordAuthentication  (cmd/sshd-T.out:30)\n"), std::string::npos)
      << d.out;
  EXPECT_NE(d.out.find("  - P3 SSH-ROOT-LOGIN  PermitRootLogin  (cmd/sshd-T.out:15)\n"), std::string::npos) << d.out;
}

TEST_F(History, DiffByRunIdsAsJson) {
  ProcessResult d = RunShipshape({"diff", "2", "1", "--db", db_, "--format", "json"});  // backwards: roles swap
  ASSERT_EQ(d.exit_code, 0) << d.err;
  auto doc = ParseJson(d.out, "diff");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->root()["format"].Str(), "shipshape-diff/1");
  EXPECT_EQ(doc->root()["from"]["id"].Int(), 2);
  JsonRef host = doc->root()["hosts"].At(0);
  EXPECT_EQ(host["host"].Str(), "bms-1");
  ASSERT_EQ(host["new"].Size(), 1u);
  EXPECT_EQ(host["new"].At(0)["rule"].Str(), "SSH-ROOT-LOGIN");
  ASSERT_EQ(host["resolved"].Size(), 1u);
  EXPECT_EQ(host["resolved"].At(0)["rule"].Str(), "SSH-PASSWORD-AUTH");
  EXPECT_GT(host["unchanged"].Size(), 10u);
}

TEST_F(History, HistoryListsRunsAndSnapshotsAreKept) {
  ProcessResult h = RunShipshape({"history", "--db", db_, "--format", "json"});
  ASSERT_EQ(h.exit_code, 0) << h.err;
  auto doc = ParseJson(h.out, "history");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->root()["runs"].Size(), 2u);
  JsonRef second = doc->root()["runs"].At(1);
  EXPECT_EQ(second["id"].Int(), 2);
  EXPECT_EQ(second["status"].Str(), "complete");
  EXPECT_EQ(second["hosts"].Int(), 1);
  EXPECT_EQ(second["targets"].At(0).Str(), dir_ + "/after");
  EXPECT_GT(second["findings"]["P1"].Int(), 0);
  EXPECT_TRUE(IsRegularFile(dir_ + "/h/snapshots/1/bms-1.tar.gz"));
  EXPECT_TRUE(IsRegularFile(dir_ + "/h/snapshots/2/bms-1.tar.gz"));
}

TEST_F(History, KeepAndNoHistory) {
  ProcessResult skip = RunShipshape({"audit", dir_ + "/after", "--now", "2026-06-14", "--db", db_, "--no-history"});
  ASSERT_EQ(skip.exit_code, 0) << skip.err;
  ProcessResult keep = RunShipshape({"audit", dir_ + "/after", "--now", "2026-06-14", "--db", db_, "--keep", "1"});
  ASSERT_EQ(keep.exit_code, 0) << keep.err;
  ProcessResult h = RunShipshape({"history", "--db", db_});
  ASSERT_EQ(h.exit_code, 0) << h.err;
  EXPECT_EQ(h.out.find("\n   1 "), std::string::npos) << h.out;
  EXPECT_NE(h.out.find("\n   3 "), std::string::npos) << h.out;
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/h/snapshots/1"));
  EXPECT_EQ(RunShipshape({"audit", dir_ + "/after", "--db", db_, "--keep", "0"}).exit_code, 2);
}

TEST_F(History, BadRunIdsAndMissingHistoryAreUsageErrors) {
  ProcessResult bad = RunShipshape({"diff", "1", "99", "--db", db_});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "shipshape diff: no run '99' in the history (see `shipshape history`)\n");
  EXPECT_EQ(RunShipshape({"diff", "1", "--db", db_}).exit_code, 2);
  EXPECT_EQ(RunShipshape({"diff", "--db", dir_ + "/none.db"}).exit_code, 2);
  EXPECT_EQ(RunShipshape({"history", "--db", dir_ + "/none.db"}).exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/none.db")) << "reading must not create a history";
}

TEST(HistoryDefaultLocation, AuditRecordsUnderXdgDataHome) {
  auto dir = MakeTempDir("shipshape-xdg.");
  ASSERT_TRUE(dir.ok());
  auto r = RunProcess({"env", "XDG_DATA_HOME=" + *dir, testing::BinaryPath(), "audit",
                       testing::FixturesDir() + "/seed-fleet/bms-3", "--now", "2026-06-14"},
                      "", 300);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->exit_code, 0) << r->err;
  EXPECT_TRUE(IsRegularFile(*dir + "/shipshape/history.db"));
  EXPECT_TRUE(IsRegularFile(*dir + "/shipshape/snapshots/1/bms-3.tar.gz"));
  RemoveTree(*dir);
}

}  // namespace
}  // namespace shipshape
