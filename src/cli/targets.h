// Turning command-line targets into snapshots: this machine, remote hosts over SSH, snapshot
// folders and archives, folders of snapshots, stack folders.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "cli/args.h"
#include "fleet/target.h"
#include "pipeline/audit_pipeline.h"

namespace shipshape {

struct ResolvedTargets {
  SnapshotSource source;
  std::vector<std::string> failed;  // targets that could not be collected or read: "target: reason"
  std::vector<std::pair<std::string, double>> collect_seconds;  // remote hosts: alias, wall seconds
};

// How remote targets are collected (audit and collect share these options).
struct RemoteOptions {
  std::vector<std::string> ssh_options;  // --ssh-option, each passed to ssh as "-o OPT"
  int jobs = 32;                         // --jobs
  int timeout_seconds = 120;             // --timeout, per host
  std::vector<FleetTarget> fleet;        // further remote targets (an inventory's hosts)
  AuditClock clock = AuditClock::System();  // collected_at of stack folders read in place (--now)
  std::vector<std::string> stat_paths;      // collected hosts also stat these (status: path checks)
};

// Declares --ssh-option, --jobs and --timeout; CheckRemoteOptions refuses values below 1.
void AddRemoteOptions(ArgParser& args, RemoteOptions* remote);
Status CheckRemoteOptions(const RemoteOptions& remote);

// No targets (and no fleet) means this machine; "local" is this machine too. An existing path is a
// snapshot or a folder of snapshots; "ssh://…", "user@host" or a bare name that is no existing path
// is a remote host (fleet/adhoc_target.h). A folder that is neither but holds a compose file or an
// nginx config is a stack folder, read in place (stack/stack_folder.h). Remote hosts are collected
// in parallel before this returns; snapshots come in a fixed order: local, remote by alias, then
// paths. A progress line is drawn on standard error when it is a terminal. Input errors go to `diags`.
ResolvedTargets ResolveTargets(const std::vector<std::string>& targets, const RemoteOptions& remote,
                               Diagnostics* diags);
ResolvedTargets ResolveTargets(const std::vector<std::string>& targets, Diagnostics* diags);

}  // namespace shipshape
