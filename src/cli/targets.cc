// Target resolution.
#include "cli/targets.h"

#include <algorithm>
#include <memory>

#include "base/file_io.h"
#include "base/strings.h"
#include "collect/local_collector.h"

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

}  // namespace

ResolvedTargets ResolveTargets(const std::vector<std::string>& targets, Diagnostics* diags) {
  ResolvedTargets r;
  std::vector<std::string> list = targets.empty() ? std::vector<std::string>{"local"} : targets;
  auto local = std::make_shared<std::vector<Snapshot>>();
  std::vector<std::string> paths;
  for (const std::string& t : list) {
    if (t == "local") {
      auto snap = CollectLocal();
      if (snap.ok()) {
        local->push_back(std::move(snap).value());
      } else {
        r.failed.push_back("local: " + snap.status().message());
      }
    } else if (LooksLikeSnapshot(t)) {
      paths.push_back(t);
    } else if (IsDirectory(t)) {
      std::vector<std::string> inner = SnapshotsInFolder(t);
      if (inner.empty()) {
        r.failed.push_back(t + ": neither a snapshot (no meta.json) nor a folder of snapshots");
      }
      paths.insert(paths.end(), inner.begin(), inner.end());
    } else if (t.find('@') != std::string::npos || StartsWith(t, "ssh://")) {
      r.failed.push_back(t + ": remote targets are not supported by this build yet");
    } else {
      r.failed.push_back(t + ": no such snapshot, folder or target");
    }
  }
  SnapshotSource from_paths = SourceOfPaths(std::move(paths), diags);
  auto index = std::make_shared<size_t>(0);
  r.source = [local, index, from_paths]() -> std::optional<Snapshot> {
    if (*index < local->size()) return std::move((*local)[(*index)++]);
    return from_paths();
  };
  return r;
}

}  // namespace shipshape
