// Staging an audit's snapshots as .tar.gz files for the history.
#include "history/snapshot_keeper.h"

#include <stdlib.h>

#include <filesystem>
#include <system_error>

#include "base/file_io.h"

namespace shipshape {

Result<std::unique_ptr<SnapshotKeeper>> SnapshotKeeper::Create(const std::string& root) {
  std::error_code ec;
  std::filesystem::create_directories(root, ec);
  if (ec) return Status::Io("cannot create folder: " + ec.message(), root);
  std::string tmpl = root + "/.staging-XXXXXX";
  if (!mkdtemp(tmpl.data())) return Status::Io("cannot create a staging folder", root);
  return std::unique_ptr<SnapshotKeeper>(new SnapshotKeeper(tmpl));
}

SnapshotKeeper::~SnapshotKeeper() { RemoveTree(dir_); }

void SnapshotKeeper::Keep(const Snapshot& snap) {
  const std::string& host = snap.meta().host;
  if (staged_.count(host)) return;
  std::string path = dir_ + "/" + std::to_string(staged_.size()) + ".tar.gz";
  Status st = WriteSnapshot(snap, path);
  if (!st.ok()) {
    failures_.push_back(host + ": " + st.ToString());
    return;
  }
  staged_[host] = path;
}

SnapshotSource SnapshotKeeper::Wrap(SnapshotSource inner) {
  return [this, inner = std::move(inner)]() -> std::optional<Snapshot> {
    std::optional<Snapshot> snap = inner();
    if (snap) Keep(*snap);
    return snap;
  };
}

}  // namespace shipshape
