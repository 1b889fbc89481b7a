// The planner on a small hand-made catalog: phases, pulled prerequisites, order, effort, critical path.
#include "plan/planner.h"

#include <gtest/gtest.h>

#include "plan/effort.h"

namespace shipshape {
namespace {

CatalogTask MakeTask(const std::string& id, std::vector<std::string> resolves, int minutes,
                     std::vector<std::string> deps = {}) {
  CatalogTask t;
  t.id = id;
  t.title = id + " on {host}";
  t.resolves = resolves;
  t.accept_rules = resolves;
  t.effort_minutes = minutes;
  t.effort = FormatEffort(minutes);
  t.depends_on = std::move(deps);
  t.steps = {"do " + id + " for {subject}"};
  t.source = "test.yaml";
  return t;
}

Finding MakeFinding(const std::string& rule, const std::string& host, Severity s, const std::string& subject = "x") {
  Finding f;
  f.rule = rule;
  f.host = host;
  f.severity = s;
  f.subject = subject;
  f.title = rule;
  return f;
}

TaskCatalog Catalog(std::vector<CatalogTask> tasks) {
  TaskCatalog c;
  c.tasks = std::move(tasks);
  std::sort(c.tasks.begin(), c.tasks.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return c;
}

Report ReportOf(std::vector<Finding> findings) {
  Report r;
  r.findings = std::move(findings);
  BuildRegister(&r.findings);
  for (const char* h : {"h1", "h2"}) {
    HostReport hr;
    hr.host = h;
    r.hosts.push_back(hr);
  }
  return r;
}

std::vector<std::string> Numbers(const Plan& p) {
  std::vector<std::string> out;
  for (const PlannedTask& t : p.tasks) out.push_back(t.number + " " + t.task->id + "@" + t.hosts[0]);
  return out;
}

// backup (4h) ← cleanup (2h) ← upgrade (1d): cleanup is P1, backup P3, upgrade P4.
TaskCatalog ChainCatalog() {
  return Catalog({MakeTask("backup", {"R-BACKUP"}, 240), MakeTask("cleanup", {"R-DISK"}, 120, {"backup"}),
                  MakeTask("upgrade", {"R-OS"}, 480, {"cleanup", "backup"}), MakeTask("alert", {"R-MON"}, 60)});
}

TEST(Planner, PrerequisiteIsPulledIntoThePhaseOfItsDependant) {
  TaskCatalog c = ChainCatalog();
  auto plan =
      BuildPlan(ReportOf({MakeFinding("R-DISK", "h1", Severity::kP1), MakeFinding("R-BACKUP", "h1", Severity::kP3),
                          MakeFinding("R-OS", "h1", Severity::kP4), MakeFinding("R-MON", "h2", Severity::kP2)}),
                c);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(Numbers(*plan),
            (std::vector<std::string>{"1.1.1 backup@h1", "1.2.1 cleanup@h1", "2.1.1 alert@h2", "4.1.1 upgrade@h1"}));
  EXPECT_TRUE(plan->tasks[0].pulled);
  EXPECT_EQ(plan->tasks[0].priority, Severity::kP3);  // its own finding's priority, in phase 1
  ASSERT_EQ(plan->phases.size(), 3u);
  EXPECT_EQ(plan->phases[0].number, 1);
  EXPECT_EQ(plan->phases[2].number, 4);
}

TEST(Planner, EffortPerPhaseAndCriticalPathAreComputed) {
  TaskCatalog c = ChainCatalog();
  auto plan =
      BuildPlan(ReportOf({MakeFinding("R-DISK", "h1", Severity::kP1), MakeFinding("R-BACKUP", "h1", Severity::kP1),
                          MakeFinding("R-OS", "h1", Severity::kP4), MakeFinding("R-DISK", "h2", Severity::kP1),
                          MakeFinding("R-MON", "h2", Severity::kP2)}),
                c);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  // Phase 1: backup@h1 4h + cleanup@h1 2h + cleanup@h2 2h (h2 has a backup: no finding, no task).
  EXPECT_EQ(plan->phases[0].effort_minutes, 480);
  EXPECT_EQ(plan->phases[0].critical_path.minutes, 360);  // backup@h1 → cleanup@h1
  EXPECT_EQ(plan->phases[1].effort_minutes, 60);
  EXPECT_EQ(plan->phases[2].effort_minutes, 480);
  EXPECT_EQ(plan->total_minutes, 1020);
  // Whole DAG: backup@h1 (4h) → cleanup@h1 (2h) → upgrade@h1 (1d) = 14h.
  EXPECT_EQ(plan->critical_path.minutes, 840);
  std::vector<std::string> chain;
  for (int i : plan->critical_path.nodes) chain.push_back(plan->tasks[i].task->id + "@" + plan->tasks[i].hosts[0]);
  EXPECT_EQ(chain, (std::vector<std::string>{"backup@h1", "cleanup@h1", "upgrade@h1"}));
  EXPECT_EQ(FormatEffort(plan->critical_path.minutes), "1d 6h");
}

TEST(Planner, SupportTaskIsAddedOnlyWhereADependantNeedsIt) {
  CatalogTask window = MakeTask("window", {}, 30);
  window.human_action = true;
  TaskCatalog c = Catalog({window, MakeTask("upgrade", {"R-OS"}, 480, {"window"}), MakeTask("alert", {"R-MON"}, 60)});
  auto plan =
      BuildPlan(ReportOf({MakeFinding("R-OS", "h1", Severity::kP2), MakeFinding("R-MON", "h2", Severity::kP1)}), c);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(Numbers(*plan), (std::vector<std::string>{"1.1.1 alert@h2", "2.1.1 window@h1", "2.2.1 upgrade@h1"}));
  EXPECT_EQ(plan->tasks[1].priority, Severity::kP2);
  EXPECT_TRUE(plan->tasks[1].findings.empty());
}

TEST(Planner, InstanceCycleIsAnErrorNamingIt) {
  TaskCatalog c = Catalog({MakeTask("a", {"R-A"}, 60, {"b"}), MakeTask("b", {"R-B"}, 60, {"a"})});
  auto plan =
      BuildPlan(ReportOf({MakeFinding("R-A", "h1", Severity::kP1), MakeFinding("R-B", "h1", Severity::kP2)}), c);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().ToString(), "test.yaml: dependency cycle: a@h1 -> b@h1 -> a@h1");
}

TEST(Planner, UnknownDependencyIsAnError) {
  TaskCatalog c = Catalog({MakeTask("a", {"R-A"}, 60, {"nowhere"})});
  auto plan = BuildPlan(ReportOf({MakeFinding("R-A", "h1", Severity::kP1)}), c);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().ToString(), "test.yaml: task 'a' depends on unknown task 'nowhere'");
}

TEST(Planner, StepsAreWrittenOncePerFindingAndUnresolvedFindingsAreListed) {
  TaskCatalog c = Catalog({MakeTask("fix", {"R-A"}, 60)});
  auto plan = BuildPlan(
      ReportOf({MakeFinding("R-A", "h1", Severity::kP2, "port 80"), MakeFinding("R-A", "h1", Severity::kP3, "port 81"),
                MakeFinding("R-OTHER", "h2", Severity::kP3)}),
      c);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  ASSERT_EQ(plan->tasks.size(), 1u);
  EXPECT_EQ(plan->tasks[0].phase, 2);  // the highest priority of its findings
  EXPECT_EQ(plan->tasks[0].title, "fix on h1");
  EXPECT_EQ(plan->tasks[0].steps, (std::vector<std::string>{"do fix for port 80", "do fix for port 81"}));
  ASSERT_EQ(plan->unplanned.size(), 1u);
  EXPECT_EQ(plan->report.findings[plan->unplanned[0]].rule, "R-OTHER");
}

}  // namespace
}  // namespace shipshape
