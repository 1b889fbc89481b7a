// The parallel fleet collector: std::thread workers take the next target from an atomic index;
// each writes only its own result slot, so the only shared state is the index and the progress line.
#include "fleet/fleet_collector.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>

#include "base/file_io.h"
#include "base/strings.h"

namespace shipshape {
namespace {

// One line on standard error, redrawn after each host. Thread-safe.
class ProgressLine {
 public:
  ProgressLine(bool enabled, size_t total) : enabled_(enabled), total_(total) { Draw(); }
  void HostDone(bool failed) {
    if (!enabled_) return;
    std::lock_guard<std::mutex> lock(mu_);
    ++done_;
    if (failed) ++failed_;
    Draw();
  }
  void Finish() {
    if (!enabled_) return;
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  }

 private:
  void Draw() {
    if (!enabled_) return;
    std::fprintf(stderr, "\r\033[Kcollecting: %zu/%zu hosts done, %zu failed", done_, total_, failed_);
    std::fflush(stderr);
  }

  bool enabled_;
  size_t total_;
  std::mutex mu_;
  size_t done_ = 0, failed_ = 0;
};

SshEndpoint EndpointOf(const FleetTarget& t) {
  return SshEndpoint{t.host, t.user, t.port, t.key_file, t.ssh_args};
}

// A folder for ControlPath sockets. A socket path must fit in sun_path (108 bytes) with ssh's
// %C (40 characters) and a temporary suffix: under a long TMPDIR, fall back to /tmp, else no reuse.
std::string ControlDir() {
  auto dir = MakeTempDir("shipshape-ssh.");
  if (dir.ok() && dir->size() <= 48) return *dir;
  if (dir.ok()) RemoveTree(*dir);
  char pattern[] = "/tmp/shipshape-ssh.XXXXXX";
  return mkdtemp(pattern) ? std::string(pattern) : std::string();
}

void Label(const FleetTarget& t, Snapshot& snap) {
  snap.meta().host = t.alias;
  snap.meta().method = "ssh";
  for (const auto& [key, value] : t.vars) snap.meta().labels[key] = value;
  if (!t.groups.empty()) snap.meta().labels["groups"] = Join(t.groups, ",");
  snap.set_origin("ssh:" + t.alias);
}

}  // namespace

std::string OneLine(const std::string& text) {
  std::string out;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (u < 0x20 || u == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

FleetCollection CollectFleet(std::vector<FleetTarget> targets, const FleetCollectOptions& options) {
  std::stable_sort(targets.begin(), targets.end(),
                   [](const FleetTarget& a, const FleetTarget& b) { return a.alias < b.alias; });
  SshCollectOptions ssh = options.ssh;
  ssh.control_dir = ControlDir();
  std::vector<std::optional<Result<Snapshot>>> results(targets.size());
  std::vector<double> seconds(targets.size(), 0.0);
  std::atomic<size_t> next{0};
  ProgressLine progress(options.progress, targets.size());
  auto worker = [&] {
    for (size_t i = next++; i < targets.size(); i = next++) {
      auto start = std::chrono::steady_clock::now();
      results[i] = CollectOverSsh(EndpointOf(targets[i]), ssh);
      seconds[i] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      progress.HostDone(!results[i]->ok());
    }
  };
  size_t jobs = std::min<size_t>(std::max(options.jobs, 1), targets.size());
  std::vector<std::thread> pool;
  for (size_t j = 0; j < jobs; ++j) pool.emplace_back(worker);
  for (std::thread& t : pool) t.join();
  progress.Finish();
  if (!ssh.control_dir.empty()) RemoveTree(ssh.control_dir);
  FleetCollection out;
  for (size_t i = 0; i < targets.size(); ++i) {
    out.seconds.emplace_back(targets[i].alias, seconds[i]);
    Result<Snapshot>& r = *results[i];
    if (r.ok()) {
      Label(targets[i], *r);
      out.snapshots.push_back(std::move(r).value());
    } else {
      out.failed.push_back(OneLine(targets[i].alias) + ": " + OneLine(r.status().message()));
    }
  }
  return out;
}

}  // namespace shipshape
