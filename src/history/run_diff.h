// Drift between two recorded runs: per host, findings new, resolved and unchanged by fingerprint.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "history/history_db.h"

namespace shipshape {

struct HostDiff {
  std::string host;
  // "both"; "added" (only in the later run: all its findings are new); "missing" (only in the
  // earlier run: not audited again, so none of its findings counts as resolved).
  std::string presence = "both";
  std::vector<StoredFinding> added, resolved, unchanged;
  int missing_findings = 0;  // findings of a "missing" host
};

struct RunDiff {
  RunSummary from, to;
  std::vector<HostDiff> hosts;  // sorted by host
};

// Findings with the same fingerprint on a host count once (the first by severity).
RunDiff DiffRuns(const RunSummary& from, const std::vector<std::string>& from_hosts,
                 const std::vector<StoredFinding>& from_findings, const RunSummary& to,
                 const std::vector<std::string>& to_hosts, const std::vector<StoredFinding>& to_findings);
// Text lists new and resolved findings and counts unchanged ones (listed too with `unchanged`).
std::string RenderDiffText(const RunDiff& diff, bool unchanged);
std::string RenderDiffJson(const RunDiff& diff);  // format "shipshape-diff/1": every list in full

}  // namespace shipshape
