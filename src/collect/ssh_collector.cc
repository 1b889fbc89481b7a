// Remote collection over the system ssh client. Every argv is a vector handed to posix_spawn
// (base/process.h): no shell runs on the controller, and the remote command lines are constants.
#include "collect/ssh_collector.h"

#include <algorithm>
#include <chrono>

#include "base/archive.h"
#include "base/strings.h"
#include "collect/local_collector.h"
#include "collect/stat_paths_request.h"

namespace shipshape {
namespace {

using Clock = std::chrono::steady_clock;

// The last line of `text` that says something, on one line and short enough for a report.
std::string LastLine(const std::string& text) {
  std::string line;
  size_t end = text.size();
  while (end > 0 && line.empty()) {
    size_t start = text.rfind('\n', end - 1);
    start = start == std::string::npos ? 0 : start + 1;
    line = std::string(Trim(std::string_view(text).substr(start, end - start)));
    end = start == 0 ? 0 : start - 1;
  }
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  if (line.size() > 160) line = line.substr(0, 157) + "...";
  return line;
}

Status Unreachable(const std::string& reason) { return Status::Error(StatusCode::kUnreachable, reason); }

int ConnectTimeout(const SshCollectOptions& options) {
  int t = options.connect_timeout_seconds;
  if (options.timeout_seconds > 0) t = std::min(t, options.timeout_seconds);
  return std::max(t, 1);
}

// Seconds left of the host's budget, at least 1 (0 = no limit).
int SecondsLeft(const SshCollectOptions& options, Clock::time_point start) {
  if (options.timeout_seconds <= 0) return 0;
  auto used = std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - start).count();
  return std::max<int>(1, options.timeout_seconds - static_cast<int>(used));
}

// Reachable, runs commands, is Linux: the probe's answer to `uname -s`.
Status CheckProbe(const ProcessResult& r, const SshCollectOptions& options) {
  std::string ssh_failure = DescribeSshFailure(r, options.timeout_seconds, ConnectTimeout(options));
  if (!ssh_failure.empty()) return Unreachable(ssh_failure);
  if (r.exit_code == 127) return Unreachable("no shell to run commands (" + LastLine(r.err) + ")");
  if (r.exit_code != 0) {
    std::string why = LastLine(r.err.empty() ? r.out : r.err);
    return Unreachable("the login shell does not run commands (status " + std::to_string(r.exit_code) +
                       (why.empty() ? "" : ": " + why) + ")");
  }
  std::string system = LastLine(r.out);
  if (system != "Linux") return Unreachable("not Linux (uname -s: " + (system.empty() ? "nothing" : system) + ")");
  return Status::Ok();
}

Result<Snapshot> ReadCollectorOutput(const ProcessResult& r, const SshCollectOptions& options, int timeout) {
  std::string ssh_failure = DescribeSshFailure(r, timeout, ConnectTimeout(options));
  if (!ssh_failure.empty()) return Unreachable(ssh_failure);
  if (r.exit_code == 127) return Unreachable("no POSIX sh on the target (" + LastLine(r.err) + ")");
  if (r.exit_code != 0) {
    std::string why = LastLine(r.err);
    return Unreachable("collector failed with status " + std::to_string(r.exit_code) + (why.empty() ? "" : ": " + why));
  }
  auto entries = ReadTarGzMemory(r.out, "ssh output");
  if (!entries.ok()) return Unreachable("the collector's output is not a snapshot archive: " + entries.status().message());
  auto snap = SnapshotFromEntries(*entries, "ssh");
  if (!snap.ok()) return Unreachable("the collector's snapshot is unreadable: " + snap.status().message());
  return snap;
}

}  // namespace

std::vector<std::string> SshArgv(const SshEndpoint& endpoint, const SshCollectOptions& options,
                                 const std::vector<std::string>& remote) {
  std::vector<std::string> argv = {options.ssh_program};
  argv.insert(argv.end(), endpoint.ssh_args.begin(), endpoint.ssh_args.end());
  for (std::string opt : {std::string("BatchMode=yes"), "ConnectTimeout=" + std::to_string(ConnectTimeout(options)),
                          std::string("ServerAliveInterval=5"), std::string("ServerAliveCountMax=3")}) {
    argv.insert(argv.end(), {"-o", opt});
  }
  if (!options.control_dir.empty()) {
    argv.insert(argv.end(), {"-o", "ControlMaster=auto", "-o", "ControlPath=" + options.control_dir + "/%C",
                             "-o", "ControlPersist=30"});
  }
  if (!endpoint.key_file.empty()) argv.insert(argv.end(), {"-i", endpoint.key_file});
  if (endpoint.port > 0) argv.insert(argv.end(), {"-p", std::to_string(endpoint.port)});
  if (!endpoint.user.empty()) argv.insert(argv.end(), {"-l", endpoint.user});
  argv.insert(argv.end(), {"--", endpoint.host});
  argv.insert(argv.end(), remote.begin(), remote.end());
  return argv;
}

std::string DescribeSshFailure(const ProcessResult& r, int timeout_seconds, int connect_timeout_seconds) {
  if (r.timed_out) return "timed out after " + std::to_string(timeout_seconds) + "s";
  if (r.exit_code != 255) return "";
  const std::string& e = r.err;
  if (ContainsIgnoreCase(e, "connection refused")) return "connection refused";
  if (size_t p = ToLower(e).find("permission denied ("); p != std::string::npos) {
    size_t close = e.find(')', p);
    if (close != std::string::npos) return "permission denied " + LastLine(e.substr(p + 18, close - p - 17));
  }
  if (ContainsIgnoreCase(e, "permission denied")) return "permission denied";
  if (ContainsIgnoreCase(e, "timed out")) return "timed out after " + std::to_string(connect_timeout_seconds) + "s";
  if (ContainsIgnoreCase(e, "could not resolve hostname")) return "could not resolve host name";
  if (ContainsIgnoreCase(e, "host key verification failed")) {
    return "host key verification failed (unknown or changed host key: add it to known_hosts, or pass "
           "--ssh-option StrictHostKeyChecking=accept-new)";
  }
  if (ContainsIgnoreCase(e, "no route to host")) return "no route to host";
  if (ContainsIgnoreCase(e, "network is unreachable")) return "network is unreachable";
  if (ContainsIgnoreCase(e, "connection closed") || ContainsIgnoreCase(e, "connection reset")) return "connection closed by the server";
  std::string line = LastLine(e);
  return line.empty() ? "ssh failed (status 255)" : "ssh: " + line;
}

Result<Snapshot> CollectOverSsh(const SshEndpoint& endpoint, const SshCollectOptions& options) {
  auto start = Clock::now();
  auto probe = RunProcess(SshArgv(endpoint, options, {"uname", "-s"}), "", SecondsLeft(options, start));
  if (!probe.ok()) return Unreachable(probe.status().message());
  // No connection, no master to close.
  if (std::string why = DescribeSshFailure(*probe, options.timeout_seconds, ConnectTimeout(options)); !why.empty()) {
    return Unreachable(why);
  }
  Result<Snapshot> snap = Unreachable("not collected");
  if (Status st = CheckProbe(*probe, options); !st.ok()) {
    snap = st;
  } else {
    auto run = RunProcess(SshArgv(endpoint, options, {"env", "SHIPSHAPE_METHOD=ssh", "sh", "-s", "--", "-"}),
                          CollectorScriptStatting(options.stat_paths), SecondsLeft(options, start));
    // A kill reports the host's whole budget, not what was left of it after the probe.
    snap = run.ok() ? ReadCollectorOutput(*run, options, options.timeout_seconds) : Unreachable(run.status().message());
  }
  CloseSshMaster(endpoint, options);
  if (snap.ok()) snap->meta().method = "ssh";
  return snap;
}

void CloseSshMaster(const SshEndpoint& endpoint, const SshCollectOptions& options) {
  if (options.control_dir.empty()) return;
  std::vector<std::string> argv = SshArgv(endpoint, options, {});
  // `ssh [options] -O exit -- host`: the control command goes before the destination.
  argv.insert(argv.end() - 2, {"-O", "exit"});
  (void)RunProcess(argv, "", 5);
}

}  // namespace shipshape
