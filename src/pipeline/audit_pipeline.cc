// The audit pipeline.
#include "pipeline/audit_pipeline.h"

#include <memory>

#include "facts/registry.h"
#include "plan/stack_paths.h"
#include "rules/rule_engine.h"

namespace shipshape {

Result<std::unique_ptr<FactDb>> LoadFacts(const SnapshotSource& source, const AuditClock& clock,
                                          Diagnostics* diags) {
  auto created = FactDb::Create(clock);
  if (!created.ok()) return created.status();
  std::unique_ptr<FactDb> db = std::move(created).value();
  Status st = db->Begin();
  if (!st.ok()) return st;
  while (std::optional<Snapshot> snap = source()) LoadSnapshotFacts(*db, *snap, *diags);
  st = RunDerivers(*db, *diags);
  if (!st.ok()) return st;
  st = db->Commit();
  if (!st.ok()) return st;
  return db;
}

Result<AuditResult> RunAudit(const SnapshotSource& source, const AuditOptions& options) {
  Diagnostics diags;
  auto facts = LoadFacts(source, options.clock, &diags);
  if (!facts.ok()) return facts.status();
  AuditResult result;
  result.facts = std::move(facts).value();
  std::vector<Status> rule_errors;
  std::vector<Rule> rules = LoadRules(options.rule_dirs, &rule_errors);
  result.report.findings = EvaluateRules(*result.facts, rules, &rule_errors);
  for (const Status& e : rule_errors) diags.Add("", e.file(), e.line(), e.message());
  BuildRegister(&result.report.findings);
  auto hosts = BuildScorecard(*result.facts, result.report.findings);
  if (!hosts.ok()) return hosts.status();
  result.report.hosts = std::move(hosts).value();
  result.report.generated_at = result.facts->clock().today;
  {
    AuditClock c = result.facts->clock();
    char buf[32];
    time_t t = static_cast<time_t>(c.now_epoch);
    struct tm tm {};
    gmtime_r(&t, &tm);
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    result.report.generated_at = buf;
  }
  result.report.errors = diags.all();
  if (Status st = MakeStackFilesRelative(*result.facts, &result.report); !st.ok()) return st;
  return result;
}

SnapshotSource SourceOf(std::vector<Snapshot> snapshots) {
  auto shared = std::make_shared<std::vector<Snapshot>>(std::move(snapshots));
  auto index = std::make_shared<size_t>(0);
  return [shared, index]() -> std::optional<Snapshot> {
    if (*index >= shared->size()) return std::nullopt;
    return std::move((*shared)[(*index)++]);
  };
}

SnapshotSource SourceOfPaths(std::vector<std::string> paths, Diagnostics* diags) {
  auto shared = std::make_shared<std::vector<std::string>>(std::move(paths));
  auto index = std::make_shared<size_t>(0);
  return [shared, index, diags]() -> std::optional<Snapshot> {
    while (*index < shared->size()) {
      const std::string& path = (*shared)[(*index)++];
      auto snap = LoadSnapshot(path);
      if (snap.ok()) return std::move(snap).value();
      diags->Add("", snap.status().file().empty() ? path : snap.status().file(), snap.status().line(),
                 snap.status().message());
    }
    return std::nullopt;
  };
}

}  // namespace shipshape
