// Turning command-line targets into snapshots: this machine, snapshot folders and archives,
// folders of snapshots.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "pipeline/audit_pipeline.h"

namespace shipshape {

struct ResolvedTargets {
  SnapshotSource source;
  std::vector<std::string> failed;  // targets that could not be collected or read: "target: reason"
};

// No targets means this machine. "local" is this machine too. Input errors go to `diags`.
ResolvedTargets ResolveTargets(const std::vector<std::string>& targets, Diagnostics* diags);

}  // namespace shipshape
