// The seed fleet (../shared/seeds/000_…: bms-1..bms-4, vps-i1) audited as one fleet and planned with
// the embedded catalog: four phases, the seed's P1 items in phase 1, the backup before the disk
// clean-up, the image export before any restart or migration; the plan file reads back.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "base/file_io.h"
#include "base/process.h"
#include "pipeline/audit_pipeline.h"
#include "plan/plan_file.h"
#include "plan/plan_yaml_writer.h"
#include "plan/planner.h"
#include "render/plan_markdown.h"
#include "shipshape_cli.h"
#include "test_paths.h"

namespace shipshape {
namespace {

struct SeedPlan {
  CatalogLoad catalog;  // the plan points into it
  Plan plan;
};

std::unique_ptr<SeedPlan> PlanSeedFleet() {
  Diagnostics diags;
  std::string dir = testing::FixturesDir() + "/seed-fleet";
  AuditOptions options;
  options.clock = *AuditClock::Parse("2026-06-14T10:00:00Z");
  std::vector<std::string> hosts;
  for (const char* h : {"bms-1", "bms-2", "bms-3", "bms-4", "vps-i1"}) hosts.push_back(dir + "/" + h);
  auto audit = RunAudit(SourceOfPaths(hosts, &diags), options);
  EXPECT_TRUE(audit.ok()) << audit.status().ToString();
  std::vector<Status> rule_errors;
  std::vector<std::string> ids;
  for (const Rule& r : LoadRules({}, &rule_errors)) ids.push_back(r.id);
  auto out = std::make_unique<SeedPlan>();
  out->catalog = LoadTaskCatalog(CatalogSources{}, ids);
  EXPECT_TRUE(out->catalog.errors.empty()) << out->catalog.errors[0].ToString();
  auto plan = BuildPlan(std::move(audit->report), out->catalog.catalog);
  EXPECT_TRUE(plan.ok()) << plan.status().ToString();
  out->plan = std::move(plan).value();
  return out;
}

// Position of the first instance of `task` on `host` in plan order, or -1.
int Position(const Plan& plan, const std::string& task, const std::string& host) {
  for (size_t i = 0; i < plan.tasks.size(); ++i) {
    const PlannedTask& t = plan.tasks[i];
    if (t.task->id == task && std::find(t.hosts.begin(), t.hosts.end(), host) != t.hosts.end()) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

TEST(SeedFleetPlan, FourPhasesWithTheSeedsP1ItemsInPhaseOne) {
  auto seed = PlanSeedFleet();
  const Plan& plan = seed->plan;
  ASSERT_EQ(plan.phases.size(), 4u);
  for (int n = 0; n < 4; ++n) EXPECT_EQ(plan.phases[n].number, n + 1);
  std::set<std::string> p1_resolved;  // rule@host of the P1 findings the phase-1 tasks resolve
  for (const PlannedTask& t : plan.tasks) {
    for (int f : t.findings) {
      const Finding& x = plan.report.findings[f];
      if (x.severity == Severity::kP1) {
        EXPECT_EQ(t.phase, 1) << x.rule << "@" << x.host;
        p1_resolved.insert(x.rule + "@" + x.host);
      }
    }
  }
  for (const char* item : {"OS-EOL@bms-1", "BACKUP-NONE@bms-1", "IMG-UNTAGGED@bms-1", "DISK-NEARLY-FULL@bms-1",
                           "MONGO-CACHE-UNBOUNDED@bms-3"}) {
    EXPECT_TRUE(p1_resolved.count(item)) << item;
  }
}

TEST(SeedFleetPlan, BackupComesBeforeTheDiskCleanUp) {
  auto seed = PlanSeedFleet();
  int backup = Position(seed->plan, "backup-offsite", "bms-1");
  int cleanup = Position(seed->plan, "disk-cleanup", "bms-1");
  ASSERT_GE(backup, 0);
  ASSERT_GE(cleanup, 0);
  EXPECT_LT(backup, cleanup);
  EXPECT_EQ(seed->plan.tasks[cleanup].phase, 1);
  const std::vector<int>& deps = seed->plan.tasks[cleanup].deps;
  EXPECT_NE(std::find(deps.begin(), deps.end(), backup), deps.end());
}

TEST(SeedFleetPlan, ImageExportComesBeforeAnyRestartOrMigration) {
  auto seed = PlanSeedFleet();
  const Plan& plan = seed->plan;
  int image_export = Position(plan, "image-export", "bms-1");
  ASSERT_GE(image_export, 0);
  EXPECT_EQ(plan.tasks[image_export].phase, 1);
  int checked = 0;
  for (const char* task : {"os-release-upgrade", "docker-engine-upgrade", "db-upgrade", "disk-cleanup",
                           "docker-memory-limits", "docker-socket-proxy", "image-pin-tags", "image-rebuild-old",
                           "unattended-upgrades-enable", "runtime-upgrade", "docker-stale-cleanup"}) {
    int at = Position(plan, task, "bms-1");
    if (at < 0) continue;
    ++checked;
    EXPECT_LT(image_export, at) << task;
  }
  EXPECT_GE(checked, 6);  // the OS migration, the clean-up, the Redis upgrade, container changes…
  EXPECT_GE(Position(plan, "os-release-upgrade", "bms-1"), 0);
}

TEST(SeedFleetPlan, AdminUserComesBeforeRootLoginIsDisabled) {
  auto seed = PlanSeedFleet();
  // bms-1: root logs in over SSH and is the only administrator.
  int admin = Position(seed->plan, "ssh-admin-user", "bms-1");
  int root = Position(seed->plan, "ssh-disable-root-login", "bms-1");
  ASSERT_GE(admin, 0);
  ASSERT_GE(root, 0);
  EXPECT_LT(admin, root);
}

TEST(SeedFleetPlan, PlanFileReadsBackWithTheSameTasks) {
  auto seed = PlanSeedFleet();
  std::string text = WritePlanYaml(seed->plan, "Seed fleet plan");
  auto file = ParsePlanFile(text, "plan.yaml");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  ASSERT_EQ(file->milestones.size(), 4u);
  ASSERT_EQ(file->Tasks().size(), seed->plan.tasks.size());
  const PlanTask* first = file->Tasks().front();
  EXPECT_EQ(first->id, "1.1.1");
  int image_export = Position(seed->plan, "image-export", "bms-1");
  const PlanTask* exported = file->FindTask(seed->plan.tasks[image_export].number);
  ASSERT_NE(exported, nullptr);
  EXPECT_EQ(exported->hosts, (std::vector<std::string>{"bms-1"}));
  ASSERT_FALSE(exported->accept.empty());
  EXPECT_EQ(exported->accept[0].rule, "IMG-UNTAGGED");
  EXPECT_EQ(exported->estimate_minutes, 120);
}

TEST(SeedFleetPlan, MarkdownHasTheSeedsSections) {
  auto seed = PlanSeedFleet();
  std::string md = RenderPlanMarkdown(seed->plan, "Seed fleet plan");
  for (const char* heading :
       {"## 1. Executive summary", "### Security scorecard", "### Summary score", "## 3. Priority issues register",
        "## 4. Phase 1: Critical security", "### Phase 1 rollback summary", "### Phase 1 completion criteria",
        "## 7. Phase 4:", "Server-by-server checklist", "Risk register", "## Appendix: Effort summary",
        "Critical path ("}) {
    EXPECT_NE(md.find(heading), std::string::npos) << heading;
  }
  EXPECT_NE(md.find("| P1-01 | bms-1 |"), std::string::npos);
}

TEST(SeedFleetPlan, CommandWritesMarkdownAndAPlanFile) {
  std::string dir = *MakeTempDir("shipshape-plan-test.");
  std::string seed = testing::FixturesDir() + "/seed-fleet/";
  ProcessResult r =
      testing::RunShipshape({"plan", seed + "bms-1", seed + "bms-3", "--now", "2026-06-14", "-o", dir + "/plan.yaml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto plan = ReadPlanFile(dir + "/plan.yaml");
  EXPECT_TRUE(plan.ok()) << plan.status().ToString();
  ProcessResult md = testing::RunShipshape({"plan", seed + "bms-1", "--now", "2026-06-14"});
  EXPECT_EQ(md.exit_code, 0) << md.err;
  EXPECT_NE(md.out.find("### Task 1.1 — "), std::string::npos);
  EXPECT_NE(md.out.find("Export and re-tag the untagged Docker images on bms-1"), std::string::npos);
  RemoveTree(dir);
}

TEST(SeedFleetPlan, BrokenUserCatalogStopsThePlanWithFileAndLine) {
  std::string dir = *MakeTempDir("shipshape-plan-test.");
  ASSERT_TRUE(WriteWholeFile(dir + "/mine.yaml",
                             "tasks:\n  - id: mine\n    title: t\n    effort: 1h\n    rollback: r\n"
                             "    steps: [s]\n    resolves: [NO-SUCH-RULE]\n")
                  .ok());
  ProcessResult r = testing::RunShipshape({"plan", testing::FixturesDir() + "/seed-fleet/bms-1", "--catalog", dir});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(dir + "/mine.yaml:7: task 'mine' resolves unknown rule 'NO-SUCH-RULE'"), std::string::npos)
      << r.err;
  RemoveTree(dir);
}

}  // namespace
}  // namespace shipshape
