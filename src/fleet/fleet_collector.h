// Collecting a fleet over SSH in parallel: a pool of workers, a timeout per host, one failure
// never holding or stopping the others.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "collect/ssh_collector.h"
#include "fleet/target.h"
#include "snapshot/snapshot.h"

namespace shipshape {

struct FleetCollectOptions {
  int jobs = 32;          // collections running at once (at least 1)
  SshCollectOptions ssh;  // per host; control_dir is chosen by CollectFleet
  bool progress = false;  // one line on standard error, redrawn in place (for a terminal only)
};

// Snapshots and failures, both in the order of the targets' aliases, whatever the timing.
struct FleetCollection {
  std::vector<Snapshot> snapshots;  // meta.host = alias, method "ssh", labels = groups + vars
  std::vector<std::string> failed;  // "alias: reason", one line each
  // Wall seconds each target's collection took (failed ones too), in the order of the aliases.
  std::vector<std::pair<std::string, double>> seconds;
};

// Collects every target with up to `jobs` threads, each target within options.ssh.timeout_seconds
// (its ssh processes are killed after it). Connection sharing uses a private folder removed at the end.
FleetCollection CollectFleet(std::vector<FleetTarget> targets, const FleetCollectOptions& options);

// `text` on one line: control characters (newline, escape, ...) written as \n, \x1b, ...
std::string OneLine(const std::string& text);

}  // namespace shipshape
