// `shipshape plan [TARGET…] [-o plan.md|plan.yaml] [--catalog DIR]`: the phased plan of the findings.
#include <iostream>

#include "base/file_io.h"
#include "base/strings.h"
#include "cli/audit_steps.h"
#include "cli/commands.h"
#include "plan/plan_yaml_writer.h"
#include "plan/planner.h"
#include "render/plan_markdown.h"

namespace shipshape {
namespace {

struct PlanArgs {
  AuditTargetArgs audit;
  std::string output, catalog_dir, title;
};

int UsageError(const std::string& message) {
  std::cerr << "shipshape plan: " << message << "\n";
  return kExitUsage;
}

// Parses and checks the command line; returns -1 to go on, else the exit status.
int ParsePlanArgs(int argc, char** argv, PlanArgs& a) {
  ArgParser args("plan", "Audit targets (default: this machine) and write the phased plan that resolves the findings.");
  AddAuditTargetArgs(args, &a.audit);
  args.Option("-o,--output", &a.output, "write the plan to FILE: .yaml/.yml a plan file (for `status`), else Markdown");
  args.Option("--catalog", &a.catalog_dir,
              "folder of task catalog files; a task with the same id replaces the built-in one");
  args.Option("--title", &a.title, "title of the plan (default: \"Hardening plan\")");
  bool help = false;
  Status st = args.Parse(argc, argv, &help);
  if (help) return kExitOk;
  if (!st.ok()) return UsageError(st.message());
  if (Status bad = CheckAuditTargetArgs(&a.audit); !bad.ok()) return UsageError(bad.message());
  if (!a.catalog_dir.empty() && !IsDirectory(a.catalog_dir))
    return UsageError("--catalog " + a.catalog_dir + ": not a folder");
  if (a.title.empty()) a.title = "Hardening plan";
  return -1;
}

// The catalog checked against the rules the audit runs; errors are printed, one per line.
bool LoadCatalog(const PlanArgs& a, CatalogLoad* load) {
  std::vector<Status> rule_errors;
  std::vector<std::string> rule_ids;
  for (const Rule& r : LoadRules(a.audit.rule_dirs, &rule_errors)) rule_ids.push_back(r.id);
  CatalogSources sources;
  sources.dirs = UserCatalogDirs(a.catalog_dir);
  *load = LoadTaskCatalog(sources, rule_ids);
  for (const Status& e : load->errors) std::cerr << "shipshape plan: " << e.ToString() << "\n";
  return load->errors.empty();
}

Status WritePlan(const Plan& plan, const PlanArgs& a) {
  bool yaml = EndsWith(a.output, ".yaml") || EndsWith(a.output, ".yml");
  std::string text = yaml ? WritePlanYaml(plan, a.title) : RenderPlanMarkdown(plan, a.title);
  if (a.output.empty()) {
    std::cout << text;
    return Status::Ok();
  }
  return WriteWholeFile(a.output, text);
}

}  // namespace

int RunPlanCommand(int argc, char** argv) {
  PlanArgs a;
  if (int done = ParsePlanArgs(argc, argv, a); done >= 0) return done;
  CatalogLoad catalog;
  if (!LoadCatalog(a, &catalog)) return kExitUsage;
  std::vector<std::string> failed;
  auto result = AuditTargets(a.audit, "plan", &failed);
  if (!result.ok()) return UsageError(result.status().ToString());
  auto plan = BuildPlan(std::move(result->report), catalog.catalog);
  if (!plan.ok()) return UsageError(plan.status().ToString());
  if (Status w = WritePlan(*plan, a); !w.ok()) return UsageError(w.ToString());
  return failed.empty() ? kExitOk : kExitUnreachable;
}

}  // namespace shipshape
