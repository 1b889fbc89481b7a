// `shipshape status` end to end on the mail-server plan: fixture targets, kept snapshots, regressions
// across two runs in one history, exit codes and plan errors.
#include <gtest/gtest.h>
#include <pwd.h>
#include <unistd.h>

#include <filesystem>

#include "base/file_io.h"
#include "base/json.h"
#include "base/process.h"
#include "shipshape_cli.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::RunShipshape;

class MailStatus : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = *MakeTempDir("shipshape-status-e2e.");
    db_ = dir_ + "/history.db";
  }
  void TearDown() override { RemoveTree(dir_); }
  ProcessResult Status(const std::string& fixture, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"status", plan_, "--db", db_};
    if (!fixture.empty()) args.push_back(testing::FixturesDir() + "/mail-vps/" + fixture);
    args.insert(args.end(), extra.begin(), extra.end());
    return RunShipshape(args);
  }
  std::string WritePlan(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    EXPECT_TRUE(WriteWholeFile(path, text).ok());
    return path;
  }

  std::string plan_ = testing::SourceDir() + "/examples/mail-server-plan.yaml";
  std::string dir_, db_;
};

TEST_F(MailStatus, AfterGroup13PrintsProgressAndTheNextTask) {
  ProcessResult r = Status("after-1.3");
  EXPECT_EQ(r.exit_code, 1) << r.err;  // tasks pending
  EXPECT_NE(r.out.find("  1.2: System User Administration  [▓▓▓▓▓▓▓▓▓▓] 100% (7 of 7)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  1.4: Directory Structure & Storage  [░░░░░░░░░░] 0% (0 of 3)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Milestone 2: Database Layer Implementation  [░░░░░░░░░░] 0% (0 of 4)\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\nNext:\n  1.4.1  Create mail system directory structure (20m)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Regressed since last status (none recorded):\n  none\n"), std::string::npos) << r.out;
}

TEST_F(MailStatus, ARegressionIsFoundAgainstTheLastRecordedStatus) {
  ProcessResult first = Status("after-1.4.1", {"--format", "json"});
  ASSERT_EQ(first.exit_code, 1) << first.err;
  auto doc = ParseJson(first.out, "first");
  ASSERT_TRUE(doc.ok()) << first.out;
  EXPECT_EQ(doc->root()["progress"]["done"].Int(), 14);
  EXPECT_EQ(doc->root()["regressed"].Size(), 0u);
  EXPECT_EQ(doc->root()["next"].At(0).Str(), "1.4.2");

  ProcessResult second = Status("after-1.3", {"--format", "json"});
  ASSERT_EQ(second.exit_code, 1) << second.err;
  auto again = ParseJson(second.out, "second");
  ASSERT_TRUE(again.ok()) << second.out;
  ASSERT_EQ(again->root()["regressed"].Size(), 1u) << second.out;
  EXPECT_EQ(again->root()["regressed"].At(0).Str(), "1.4.1");
  EXPECT_FALSE(again->root()["previous_at"].Str().empty());
  JsonRef group14 = again->root()["milestones"].At(0)["groups"].At(3);
  EXPECT_EQ(group14["id"].Str(), "1.4");
  EXPECT_EQ(group14["tasks"].At(0)["state"].Str(), "pending");
  EXPECT_EQ(group14["tasks"].At(0)["checks"].At(0)["reason"].Str(), "/var/mail/vmail does not exist");

  // --no-history neither records nor compares against itself: the last recorded status stays the second.
  ProcessResult third = Status("after-1.3", {"--format", "json", "--no-history"});
  EXPECT_EQ(third.exit_code, 1) << third.err;
  ProcessResult fourth = Status("after-1.3", {"--format", "json"});
  auto last = ParseJson(fourth.out, "fourth");
  ASSERT_TRUE(last.ok()) << fourth.out;
  EXPECT_EQ(last->root()["regressed"].Size(), 0u) << fourth.out;
}

TEST_F(MailStatus, WithoutTargetsTheNewestKeptSnapshotIsChecked) {
  ProcessResult none = Status("");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("no run history"), std::string::npos) << none.err;
  ProcessResult audit = RunShipshape(
      {"audit", testing::FixturesDir() + "/mail-vps/after-1.4.1", "--db", db_, "-o", dir_ + "/report.txt"});
  ASSERT_NE(audit.exit_code, 2) << audit.err;
  ProcessResult r = Status("", {"--format", "json"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  auto doc = ParseJson(r.out, "stored");
  ASSERT_TRUE(doc.ok()) << r.out;
  EXPECT_EQ(doc->root()["progress"]["done"].Int(), 14);
}

TEST_F(MailStatus, ATaskOnAHostOutsideTheTargetsIsAnError) {
  std::string plan = WritePlan("p.yaml",
                               "format: shipshape-plan/1\nhosts: [mail-vps, mx2]\nmilestones:\n  - id: \"1\"\n"
                               "    groups:\n      - id: \"1.1\"\n        tasks:\n          - id: a\n"
                               "            title: A\n            hosts: [mx2]\n            accept:\n"
                               "              - rule: SSH-ROOT-LOGIN\n");
  ProcessResult r = RunShipshape({"status", plan, "--db", db_, testing::FixturesDir() + "/mail-vps/after-1.3"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "shipshape status: " + plan + ":10: task a: host mx2 is not among the targets (mail-vps)\n");
}

TEST_F(MailStatus, ACycleAndAnUnknownRuleAreErrors) {
  std::string head =
      "format: shipshape-plan/1\nhosts: [mail-vps]\nmilestones:\n  - id: \"1\"\n    groups:\n"
      "      - id: \"1.1\"\n        tasks:\n";
  std::string cycle =
      WritePlan("cycle.yaml", head +
                                  "          - {id: a, title: A, depends_on: [b], human_action: true}\n"
                                  "          - {id: b, title: B, depends_on: [a], human_action: true}\n");
  ProcessResult c = RunShipshape({"status", cycle, "--db", db_, testing::FixturesDir() + "/mail-vps/after-1.3"});
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_EQ(c.err, "shipshape status: " + cycle + ":8: dependency cycle: a -> b -> a\n");
  std::string rule = WritePlan("rule.yaml", head +
                                                "          - id: a\n            title: A\n            accept:\n"
                                                "              - rule: SSH-ROOT-LOGN\n");
  ProcessResult u = RunShipshape({"status", rule, "--db", db_, testing::FixturesDir() + "/mail-vps/after-1.3"});
  EXPECT_EQ(u.exit_code, 2);
  EXPECT_EQ(u.err,
            "shipshape status: " + rule + ":11: task a: unknown rule SSH-ROOT-LOGN (see `shipshape rules list`)\n");
}

TEST_F(MailStatus, ExitZeroWhenEveryTaskIsDone) {
  std::string plan =
      WritePlan("done.yaml",
                "format: shipshape-plan/1\ntitle: Done\nhosts: [mail-vps]\nmilestones:\n  - id: \"1\"\n"
                "    groups:\n      - id: \"1.1\"\n        tasks:\n          - id: a\n"
                "            title: SSH on 2288\n            accept:\n"
                "              - {port: 2288, listens_only_on: [10.100.0.25]}\n"
                "          - id: b\n            title: Keys handed over\n            human_action: true\n"
                "            signoff: {by: alice, date: \"2025-01-07\", note: keys}\n");
  ProcessResult r = RunShipshape({"status", plan, "--db", db_, testing::FixturesDir() + "/mail-vps/after-1.3"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Overall  [▓▓▓▓▓▓▓▓▓▓] 100% (2 of 2 tasks done)\n"), std::string::npos) << r.out;
}

// A fresh collection stats the paths of the plan's checks: this machine, collected as `local`.
TEST_F(MailStatus, AFreshCollectionExaminesThePlansPaths) {
  char name[256] = {};
  ASSERT_EQ(gethostname(name, sizeof name - 1), 0);
  const std::string vmail = dir_ + "/vmail dir";
  std::filesystem::create_directory(vmail);
  std::filesystem::permissions(vmail, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                          std::filesystem::perms::group_exec);
  const std::string me = getpwuid(geteuid())->pw_name;
  std::string plan =
      WritePlan("local.yaml", "format: shipshape-plan/1\ntitle: Local\nhosts: [\"" + std::string(name) +
                                  "\"]\nmilestones:\n  - id: \"1\"\n    groups:\n      - id: \"1.1\"\n        tasks:\n"
                                  "          - id: a\n            title: Mail folder\n            accept:\n"
                                  "              - {path: \"" +
                                  vmail + "\", owner: " + me +
                                  ", mode: \"0750\"}\n"
                                  "          - id: b\n            title: Mail folder closed\n            accept:\n"
                                  "              - {path: \"" +
                                  vmail +
                                  "\", mode: \"0700\"}\n"
                                  "          - id: c\n            title: Queue folder\n            accept:\n"
                                  "              - {path: \"" +
                                  dir_ + "/queue\"}\n");
  ProcessResult r = RunShipshape({"status", plan, "--db", db_, "--format", "json", "local"});
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;
  auto doc = ParseJson(r.out, "status");
  ASSERT_TRUE(doc.ok()) << r.out;
  JsonRef tasks = doc->root()["milestones"].At(0)["groups"].At(0)["tasks"];
  ASSERT_EQ(tasks.Size(), 3u) << r.out;
  EXPECT_EQ(tasks.At(0)["state"].Str(), "done") << r.out;
  EXPECT_EQ(tasks.At(1)["state"].Str(), "pending") << r.out;
  EXPECT_EQ(tasks.At(1)["reason"].Str(), vmail + " has mode 750, not 0700") << r.out;
  EXPECT_EQ(tasks.At(2)["state"].Str(), "pending") << r.out;
  EXPECT_EQ(tasks.At(2)["reason"].Str(), dir_ + "/queue does not exist") << r.out;
}

}  // namespace
}  // namespace shipshape
