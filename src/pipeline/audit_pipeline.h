// The audit pipeline after collection: snapshots → facts → rules → register and scorecard.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "facts/fact_db.h"
#include "plan/report.h"
#include "rules/rule.h"
#include "snapshot/snapshot.h"

namespace shipshape {

struct AuditOptions {
  AuditClock clock = AuditClock::System();
  std::vector<std::string> rule_dirs;  // --rules: a user's own rules, added to the embedded ones
};

// Yields the next snapshot, or nullopt when there are no more. Errors (an unreadable snapshot)
// go to `errors` by the source itself; the pipeline carries on with the next one.
using SnapshotSource = std::function<std::optional<Snapshot>()>;

// The loaded fact database of an audit, kept for `query` and for tests.
struct AuditResult {
  std::unique_ptr<FactDb> facts;
  Report report;
};

// Loads every snapshot (one at a time: memory stays flat with the fleet's size), derives facts,
// evaluates rules and builds the scorecard and register.
Result<AuditResult> RunAudit(const SnapshotSource& source, const AuditOptions& options);
// Only the fact stage: used by `query` and `tables` tests.
Result<std::unique_ptr<FactDb>> LoadFacts(const SnapshotSource& source, const AuditClock& clock,
                                          Diagnostics* diags);

// A source over snapshots already in memory.
SnapshotSource SourceOf(std::vector<Snapshot> snapshots);
// A source over snapshot paths (folders or archives); unreadable ones are reported in `diags`.
SnapshotSource SourceOfPaths(std::vector<std::string> paths, Diagnostics* diags);

}  // namespace shipshape
