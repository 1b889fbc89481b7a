// Tests of plan status over the mail-server fixtures: progress per group and milestone, blocked
// tasks, the next tasks, sign-offs and regressions.
#include "plan/plan_status.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "base/file_io.h"
#include "pipeline/audit_pipeline.h"
#include "render/status_renderer.h"
#include "test_paths.h"

namespace shipshape {
namespace {

class MailPlanStatus : public ::testing::Test {
 protected:
  void SetUp() override {
    auto plan = ReadPlanFile(testing::SourceDir() + "/examples/mail-server-plan.yaml");
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    plan_ = std::move(*plan);
  }
  // Status of the plan against one fixture snapshot of the VPS (or the snapshot at `path`).
  PlanStatus StatusAt(const std::string& fixture, const std::string& path = "") {
    Diagnostics diags;
    auto clock = AuditClock::Parse("2025-01-08");
    std::string snap = path.empty() ? testing::FixturesDir() + "/mail-vps/" + fixture : path;
    auto db = LoadFacts(SourceOfPaths({snap}, &diags), *clock, &diags);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    std::vector<Status> errors;
    checker_ = std::make_unique<AcceptChecker>(*db_, LoadRules({}, &errors));
    EXPECT_TRUE(checker_->Validate(plan_).ok()) << checker_->Validate(plan_).ToString();
    return EvaluatePlan(plan_, [this](const AcceptCheck& c, const std::string& h) { return checker_->Evaluate(c, h); });
  }
  static std::map<std::string, std::string> GroupProgress(const PlanStatus& s) {
    std::map<std::string, std::string> out;
    for (const MilestoneStatus& m : s.milestones) {
      out["M" + m.milestone->id] = std::to_string(m.progress.done) + "/" + std::to_string(m.progress.total);
      for (const GroupStatus& g : m.groups) {
        out[g.group->id] = std::to_string(g.progress.done) + "/" + std::to_string(g.progress.total);
      }
    }
    return out;
  }
  static const TaskStatus& Task(const PlanStatus& s, const std::string& id) {
    for (const TaskStatus& t : s.tasks) {
      if (t.task->id == id) return t;
    }
    ADD_FAILURE() << "no task " << id;
    return s.tasks.front();
  }
  static std::vector<std::string> Ids(const PlanStatus& s, const std::vector<int>& indices) {
    std::vector<std::string> out;
    for (int i : indices) out.push_back(s.tasks[i].task->id);
    return out;
  }

  PlanFile plan_;
  std::unique_ptr<FactDb> db_;
  std::unique_ptr<AcceptChecker> checker_;
};

TEST_F(MailPlanStatus, AfterGroup13TheFirstThreeGroupsAreCompleteAndTheRestPending) {
  PlanStatus s = StatusAt("after-1.3");
  for (const TaskStatus& t : s.tasks) {
    if (t.task->id < "1.4") {
      EXPECT_EQ(t.state, TaskState::kDone) << t.task->id << ": " << t.reason;
    }
  }
  std::map<std::string, std::string> want = {{"M1", "13/16"}, {"1.1", "1/1"}, {"1.2", "7/7"}, {"1.3", "5/5"},
                                             {"1.4", "0/3"},  {"M2", "0/4"},  {"2.1", "0/4"}};
  EXPECT_EQ(GroupProgress(s), want);
  EXPECT_EQ(Task(s, "1.4.1").state, TaskState::kPending);
  EXPECT_EQ(Task(s, "1.4.1").reason, "/var/mail/vmail does not exist");
  EXPECT_EQ(Task(s, "1.4.2").state, TaskState::kBlocked);
  EXPECT_EQ(Task(s, "1.4.2").blocked_by, std::vector<std::string>{"1.4.1"});
  EXPECT_EQ(Task(s, "2.1.1").state, TaskState::kBlocked);
  EXPECT_EQ(Ids(s, s.next), std::vector<std::string>{"1.4.1"});
  EXPECT_FALSE(s.AllDone());
}

TEST_F(MailPlanStatus, AfterTask141TheProgressOfGroup14Moves) {
  PlanStatus s = StatusAt("after-1.4.1");
  EXPECT_EQ(GroupProgress(s)["1.4"], "1/3");
  EXPECT_EQ(GroupProgress(s)["M1"], "14/16");
  EXPECT_EQ(Task(s, "1.4.1").state, TaskState::kDone);
  EXPECT_EQ(Task(s, "1.4.2").state, TaskState::kPending);
  EXPECT_EQ(Task(s, "1.4.2").reason.rfind("no row from: SELECT 1 FROM users WHERE host = :host AND name = 'vmail'", 0),
            0u)
      << Task(s, "1.4.2").reason;
  EXPECT_EQ(Ids(s, s.next), std::vector<std::string>{"1.4.2"});
}

TEST_F(MailPlanStatus, ASignedOffHumanActionCountsAsDone) {
  PlanStatus s = StatusAt("after-1.3");
  EXPECT_EQ(Task(s, "1.2.5").state, TaskState::kDone);
  EXPECT_EQ(Task(s, "1.2.5").reason, "signed off by GMCE on 2025-01-05");
  EXPECT_EQ(Task(s, "1.4.3").state, TaskState::kBlocked);  // a human action without sign-off
  for (PlanMilestone& m : plan_.milestones) {
    for (PlanGroup& g : m.groups) {
      for (PlanTask& t : g.tasks) {
        if (t.id == "1.2.5") t.signoff.reset();
      }
    }
  }
  PlanStatus unsigned_status = StatusAt("after-1.3");
  EXPECT_EQ(Task(unsigned_status, "1.2.5").state, TaskState::kPending);
  EXPECT_EQ(Task(unsigned_status, "1.2.5").reason, "human action: awaiting sign-off");
  EXPECT_EQ(GroupProgress(unsigned_status)["1.2"], "6/7");
}

TEST_F(MailPlanStatus, UnreadableFactsMakeATaskUnknownNeverDone) {
  // The same VPS collected without root: sudoers cannot be read, so 1.2.1 cannot be verified.
  auto tmp = MakeTempDir("shipshape-mail-vps.");
  ASSERT_TRUE(tmp.ok());
  const std::string copy = *tmp + "/vps";
  std::filesystem::copy(testing::FixturesDir() + "/mail-vps/after-1.3", copy, std::filesystem::copy_options::recursive);
  std::string meta = *ReadWholeFile(copy + "/meta.json");
  meta.replace(meta.find("\"privileged\":true"), 17, "\"privileged\":false");
  ASSERT_TRUE(WriteWholeFile(copy + "/meta.json", meta).ok());
  std::filesystem::remove_all(copy + "/files/etc/sudoers.d");
  std::filesystem::remove(copy + "/files/etc/sudoers");
  PlanStatus s = StatusAt("", copy);
  RemoveTree(*tmp);
  EXPECT_EQ(Task(s, "1.2.1").state, TaskState::kUnknown);
  EXPECT_EQ(Task(s, "1.2.1").reason, "no sudoers facts of mail-vps (not collected or not readable)");
  EXPECT_EQ(GroupProgress(s)["1.2"], "6/7");
  EXPECT_EQ(Ids(s, s.next), (std::vector<std::string>{"1.2.1", "1.4.1"}));
}

TEST_F(MailPlanStatus, RegressionsAreTasksDoneBeforeAndNotNow) {
  PlanStatus later = StatusAt("after-1.3");
  MarkRegressions({{"1.4.1", "done"}, {"1.3.1", "done"}, {"1.4.2", "pending"}}, &later);
  EXPECT_EQ(Ids(later, later.regressed), std::vector<std::string>{"1.4.1"});
}

TEST_F(MailPlanStatus, TextShowsBarsNextAndRegressions) {
  PlanStatus s = StatusAt("after-1.3");
  s.previous_at = "2025-01-07T10:00:00Z";
  MarkRegressions({{"1.4.1", "done"}}, &s);
  std::string text = RenderStatusText(s);
  EXPECT_NE(text.find("Milestone 1: Environment Setup & Foundation  [▓▓▓▓▓▓▓▓░░] 81% (13 of 16)\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("  1.3: System Hardening  [▓▓▓▓▓▓▓▓▓▓] 100% (5 of 5)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("    pending  1.4.1  Create mail system directory structure\n"
                      "             /var/mail/vmail does not exist\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\nNext:\n  1.4.1  Create mail system directory structure (20m)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Regressed since last status (2025-01-07T10:00:00Z):\n  1.4.1  Create mail system directory "
                      "structure (20m): /var/mail/vmail does not exist\n"),
            std::string::npos)
      << text;
}

TEST(ProgressBar, TenCellsRoundedDown) {
  EXPECT_EQ(ProgressBar({8, 10}), "[▓▓▓▓▓▓▓▓░░] 80%");
  EXPECT_EQ(ProgressBar({13, 16}), "[▓▓▓▓▓▓▓▓░░] 81%");
  EXPECT_EQ(ProgressBar({19, 20}), "[▓▓▓▓▓▓▓▓▓░] 95%");
  EXPECT_EQ(ProgressBar({0, 3}), "[░░░░░░░░░░] 0%");
}

}  // namespace
}  // namespace shipshape
