// The shipshape binary end to end: collect this machine, audit snapshots (folder and archive),
// report formats, exit codes, usage errors.
#include <gtest/gtest.h>

#include "base/file_io.h"
#include "base/json.h"
#include "base/process.h"
#include "shipshape_cli.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::RunShipshape;

std::string SeedHost(const std::string& host) { return testing::FixturesDir() + "/seed-fleet/" + host; }

class Cli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = *MakeTempDir("shipshape-cli-test."); }
  void TearDown() override { RemoveTree(dir_); }
  std::string dir_;
};

TEST_F(Cli, CollectsThisMachineAndAuditsTheSnapshotFolderAndArchive) {
  for (const std::string& out : {dir_ + "/snap", dir_ + "/snap.tar.gz"}) {
    ProcessResult c = RunShipshape({"collect", "local", "-o", out});
    ASSERT_EQ(c.exit_code, 0) << c.err;
    ProcessResult a = RunShipshape({"audit", out, "--format", "json"});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    auto doc = ParseJson(a.out, "report");
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_EQ(doc->root()["format"].Str(), "shipshape-report/1");
    ASSERT_EQ(doc->root()["hosts"].Size(), 1u);
    EXPECT_FALSE(doc->root()["hosts"].At(0)["os"].Str().empty()) << "os-release of this machine not read";
    EXPECT_EQ(doc->root()["hosts"].At(0)["categories"].Size(), 14u);
  }
}

TEST_F(Cli, FailOnReturnsOneWhenFindingsReachThePriority) {
  ProcessResult clean =
      RunShipshape({"audit", SeedHost("bms-3"), "--now", "2026-06-14", "--fail-on", "P1", "--format", "json"});
  ProcessResult p1 =
      RunShipshape({"audit", SeedHost("bms-1"), "--now", "2026-06-14", "--fail-on", "P1", "-o", dir_ + "/r.txt"});
  EXPECT_EQ(p1.exit_code, 1) << p1.err;
  auto report = ReadWholeFile(dir_ + "/r.txt");
  ASSERT_TRUE(report.ok());
  EXPECT_NE(report->find("P1-01"), std::string::npos);
  EXPECT_NE(clean.exit_code, 2) << clean.err;
}

TEST_F(Cli, JsonReportCarriesFindingsWithFileAndLine) {
  ProcessResult a = RunShipshape({"audit", SeedHost("bms-1"), "--now", "2026-06-14", "--format", "json"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  auto doc = ParseJson(a.out, "report");
  ASSERT_TRUE(doc.ok());
  bool os_eol = false;
  doc->root()["findings"].ForEachElement([&](JsonRef f) {
    if (f["rule"].Str() == "OS-EOL") {
      os_eol = true;
      EXPECT_EQ(f["id"].Str().substr(0, 3), "P1-");
      EXPECT_EQ(f["file"].Str(), "/etc/os-release");
      EXPECT_EQ(f["line"].Int(), 6);
    }
  });
  EXPECT_TRUE(os_eol);
}

TEST_F(Cli, MissingTargetExitsThreeAndOthersAreStillReported) {
  ProcessResult a = RunShipshape({"audit", SeedHost("bms-1"), dir_ + "/nope", "--now", "2026-06-14"});
  EXPECT_EQ(a.exit_code, 3);
  EXPECT_NE(a.err.find("nope: no such snapshot"), std::string::npos) << a.err;
  EXPECT_NE(a.out.find("bms-1"), std::string::npos);
}

TEST_F(Cli, BrokenMetaJsonIsAnInputErrorWithFileAndLine) {
  ASSERT_TRUE(WriteWholeFile(dir_ + "/bad/meta.json", "{\"format\": \"shipshape-snapshot/1\",\n\"host\": \n").ok());
  ProcessResult a = RunShipshape({"audit", dir_ + "/bad", "--format", "json"});
  EXPECT_NE(a.out.find(dir_ + "/bad/meta.json"), std::string::npos) << a.out;
}

TEST_F(Cli, TypoSuggestsTheCommand) {
  ProcessResult a = RunShipshape({"adit"});
  EXPECT_EQ(a.exit_code, 2);
  EXPECT_EQ(a.err, "shipshape: unknown command 'adit'; did you mean 'audit'?\n");
}

TEST_F(Cli, TablesListsDeclaredTables) {
  ProcessResult a = RunShipshape({"tables"});
  EXPECT_EQ(a.exit_code, 0);
  EXPECT_NE(a.out.find("exposure — "), std::string::npos);
  EXPECT_NE(a.out.find("sshd_settings — "), std::string::npos);
}

TEST_F(Cli, QueryRunsSqlOverASnapshot) {
  ProcessResult a = RunShipshape({"query", "SELECT host, id, version_id FROM os", SeedHost("bms-1")});
  EXPECT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, "host\tid\tversion_id\nbms-1\tubuntu\t20.04\n");
}

}  // namespace
}  // namespace shipshape
