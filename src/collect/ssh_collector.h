// Remote collection: streams the collector script through the system `ssh` client and reads back
// the snapshot it writes to standard output.
#pragma once

#include <string>
#include <vector>

#include "base/process.h"
#include "base/status.h"
#include "snapshot/snapshot.h"

namespace shipshape {

// How to reach one host. Every string reaches ssh as one argv element, as it is: nothing on the
// controller splits, expands or runs it through a shell.
struct SshEndpoint {
  std::string host;                   // destination (a name, an address or a ~/.ssh/config alias)
  std::string user;                   // empty = ssh's default (~/.ssh/config, then the local user)
  int port = 0;                       // 0 = ssh's default
  std::string key_file;               // -i FILE when not empty
  std::vector<std::string> ssh_args;  // extra ssh arguments ("-o", "X=Y", ...), before ours so they win
};

struct SshCollectOptions {
  int timeout_seconds = 120;  // the whole collection of one host; the ssh processes are killed after it
  int connect_timeout_seconds = 10;  // ssh's ConnectTimeout (capped by timeout_seconds)
  // Private folder (mode 0700) for ControlPath sockets: the probe's connection is reused by the
  // collection. Empty = no connection reuse.
  std::string control_dir;
  std::string ssh_program = "ssh";  // looked up in PATH
  std::vector<std::string> stat_paths;  // added to the collector's stat-paths probe
};

// The ssh argv for `remote` (a constant command line run by the target's login shell). ssh reads
// the first value it gets for an option, so `ssh_args` come before our defaults and override them:
// BatchMode=yes, ConnectTimeout, ServerAliveInterval/CountMax, ControlMaster/ControlPath/ControlPersist.
// Host keys are checked as the user's ssh configuration says (DESIGN.md: known_hosts as the user has
// them). The destination follows "--", so a host starting with '-' is never read as an option.
std::vector<std::string> SshArgv(const SshEndpoint& endpoint, const SshCollectOptions& options,
                                 const std::vector<std::string>& remote);

// Probes the host (`uname -s`: reachable, a shell, Linux), then runs `sh -s -- -` with the collector
// on standard input. The collector itself uses `sudo -n` when the user is not root and
// `sudo -n true` succeeds, else it runs unprivileged (meta privileged=false). Errors are kUnreachable
// with a one-line reason ("connection refused", "timed out after 5s", ...). meta.method is "ssh";
// the host name and labels are the remote's own until the caller sets them. A connection-sharing
// master it opened is closed before it returns. Thread-safe.
Result<Snapshot> CollectOverSsh(const SshEndpoint& endpoint, const SshCollectOptions& options);

// Closes the connection-sharing master of `endpoint`, if any (best effort, `ssh -O exit`).
void CloseSshMaster(const SshEndpoint& endpoint, const SshCollectOptions& options);

// A one-line reason for an ssh run that failed (exit 255 and ssh's standard error, or a kill after
// `timeout_seconds`); "" when `r` is not an ssh failure.
std::string DescribeSshFailure(const ProcessResult& r, int timeout_seconds, int connect_timeout_seconds);

}  // namespace shipshape
