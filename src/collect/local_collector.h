// Local collection: runs the embedded POSIX sh collector on this machine and reads its snapshot.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "snapshot/snapshot.h"

namespace shipshape {

// The collector script as compiled into the binary (also streamed to remote hosts).
std::string_view CollectorScript();

// Runs the collector into a temporary folder and returns the snapshot (the folder is removed).
// `stat_paths` are added to its stat-paths probe (collect/stat_paths_request.h).
Result<Snapshot> CollectLocal(int timeout_seconds = 120, const std::vector<std::string>& stat_paths = {});

}  // namespace shipshape
