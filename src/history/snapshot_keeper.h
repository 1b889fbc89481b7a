// Keeping the snapshots of an audit: a SnapshotSource wrapper that writes each snapshot it passes
// on as a .tar.gz into a staging folder, for HistoryDb::RecordRun to move into the history.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "pipeline/audit_pipeline.h"

namespace shipshape {

class SnapshotKeeper {
 public:
  // Stages under `root` (the history's snapshots folder) in a fresh ".staging-*" folder.
  static Result<std::unique_ptr<SnapshotKeeper>> Create(const std::string& root);
  ~SnapshotKeeper();  // removes the staging folder and whatever RecordRun did not take
  SnapshotKeeper(const SnapshotKeeper&) = delete;
  SnapshotKeeper& operator=(const SnapshotKeeper&) = delete;

  // A source yielding what `inner` yields; each snapshot is first written to staging. A snapshot
  // that cannot be written is still audited, only not kept (the reason is in failures()).
  // The keeper must outlive the returned source.
  SnapshotSource Wrap(SnapshotSource inner);
  // host → staged .tar.gz (the first snapshot of a host when a host appears twice).
  const std::map<std::string, std::string>& staged() const { return staged_; }
  const std::vector<std::string>& failures() const { return failures_; }

 private:
  explicit SnapshotKeeper(std::string dir) : dir_(std::move(dir)) {}
  void Keep(const Snapshot& snap);

  std::string dir_;
  std::map<std::string, std::string> staged_;
  std::vector<std::string> failures_;
};

}  // namespace shipshape
