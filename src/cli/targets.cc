// Target resolution.
#include "cli/targets.h"

#include <unistd.h>

#include <algorithm>
#include <memory>

#include "base/file_io.h"
#include "base/strings.h"
#include "collect/local_collector.h"
#include "fleet/adhoc_target.h"
#include "fleet/fleet_collector.h"
#include "stack/stack_folder.h"

namespace shipshape {
namespace {

// A folder that is not itself a snapshot may hold snapshots (one folder or archive each).
std::vector<std::string> SnapshotsInFolder(const std::string& dir) {
  std::vector<std::string> out;
  auto files = ListFilesRecursive(dir);
  if (!files.ok()) return out;
  for (const std::string& rel : *files) {
    if (EndsWith(rel, "/meta.json") && std::count(rel.begin(), rel.end(), '/') == 1) {
      out.push_back(dir + "/" + rel.substr(0, rel.size() - 10));
    } else if ((EndsWith(rel, ".tar.gz") || EndsWith(rel, ".tgz")) && rel.find('/') == std::string::npos) {
      out.push_back(dir + "/" + rel);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A path target: a snapshot (folder or archive) or a stack folder read in place.
struct PathTarget {
  std::string path;
  bool stack = false;
};

// Reads path targets one at a time, in order (memory stays flat); unreadable ones go to `diags`.
SnapshotSource SourceOfPathTargets(std::vector<PathTarget> targets, const AuditClock& clock, Diagnostics* diags) {
  auto shared = std::make_shared<std::vector<PathTarget>>(std::move(targets));
  auto index = std::make_shared<size_t>(0);
  return [shared, index, clock, diags]() -> std::optional<Snapshot> {
    while (*index < shared->size()) {
      const PathTarget& t = (*shared)[(*index)++];
      auto snap = t.stack ? ReadStackFolder(t.path, clock, diags) : LoadSnapshot(t.path);
      if (snap.ok()) return std::move(snap).value();
      diags->Add("", snap.status().file().empty() ? t.path : snap.status().file(), snap.status().line(),
                 snap.status().message());
    }
    return std::nullopt;
  };
}

}  // namespace

void AddRemoteOptions(ArgParser& args, RemoteOptions* remote) {
  args.Option("--ssh-option", &remote->ssh_options,
              "pass -o OPT to ssh for remote targets, e.g. IdentityFile=~/.ssh/audit (repeatable)");
  args.Option("--jobs", &remote->jobs, "remote hosts collected at once (default 32)");
  args.Option("--timeout", &remote->timeout_seconds, "seconds allowed per remote host (default 120)");
}

Status CheckRemoteOptions(const RemoteOptions& remote) {
  if (remote.jobs < 1) return Status::Error(StatusCode::kUsage, "--jobs must be at least 1");
  if (remote.timeout_seconds < 1) return Status::Error(StatusCode::kUsage, "--timeout must be at least 1 second");
  return Status::Ok();
}

ResolvedTargets ResolveTargets(const std::vector<std::string>& targets, Diagnostics* diags) {
  return ResolveTargets(targets, RemoteOptions{}, diags);
}

ResolvedTargets ResolveTargets(const std::vector<std::string>& targets, const RemoteOptions& remote,
                               Diagnostics* diags) {
  ResolvedTargets r;
  bool none = targets.empty() && remote.fleet.empty();
  std::vector<std::string> list = none ? std::vector<std::string>{"local"} : targets;
  auto local = std::make_shared<std::vector<Snapshot>>();
  std::vector<PathTarget> paths;
  std::vector<FleetTarget> fleet = remote.fleet;
  for (const std::string& t : list) {
    if (t == "local") {
      auto snap = CollectLocal(120, remote.stat_paths);
      if (snap.ok()) {
        local->push_back(std::move(snap).value());
      } else {
        r.failed.push_back("local: " + snap.status().message());
      }
    } else if (!IsDirectory(t) && !IsRegularFile(t) && LooksLikeRemoteTarget(t)) {
      auto target = ParseAdhocTarget(t, remote.ssh_options);
      if (target.ok()) {
        fleet.push_back(std::move(target).value());
      } else {
        r.failed.push_back(OneLine(target.status().message()));
      }
    } else if (LooksLikeSnapshot(t)) {
      paths.push_back({t, false});
    } else if (IsDirectory(t)) {
      std::vector<std::string> inner = SnapshotsInFolder(t);
      std::vector<std::string> stacks = inner.empty() ? StackFoldersIn(t) : std::vector<std::string>{};
      for (std::string& stack : stacks) paths.push_back({std::move(stack), true});
      if (inner.empty() && stacks.empty() && LooksLikeStackFolder(t)) {
        paths.push_back({t, true});
      } else if (inner.empty() && stacks.empty()) {
        r.failed.push_back(t +
                           ": neither a snapshot (no meta.json), a folder of snapshots, nor a stack folder "
                           "(no compose file or nginx config)");
      }
      for (std::string& p : inner) paths.push_back({std::move(p), false});
    } else {
      r.failed.push_back(t + ": no such snapshot, folder or target");
    }
  }
  if (!fleet.empty()) {
    MakeAliasesUnique(fleet);
    FleetCollectOptions options;
    options.jobs = remote.jobs;
    options.ssh.timeout_seconds = remote.timeout_seconds;
    options.ssh.stat_paths = remote.stat_paths;
    options.progress = isatty(STDERR_FILENO) != 0;
    FleetCollection collected = CollectFleet(std::move(fleet), options);
    for (Snapshot& s : collected.snapshots) local->push_back(std::move(s));
    r.failed.insert(r.failed.end(), collected.failed.begin(), collected.failed.end());
    r.collect_seconds = std::move(collected.seconds);
  }
  SnapshotSource from_paths = SourceOfPathTargets(std::move(paths), remote.clock, diags);
  auto index = std::make_shared<size_t>(0);
  r.source = [local, index, from_paths]() -> std::optional<Snapshot> {
    if (*index < local->size()) return std::move((*local)[(*index)++]);
    return from_paths();
  };
  return r;
}

}  // namespace shipshape
