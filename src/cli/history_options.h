// The history options of `audit`, `diff` and `history` (--db, --no-history, --keep) and the
// recorder that `audit` uses to store its run.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cli/args.h"
#include "history/history_db.h"
#include "history/snapshot_keeper.h"
#include "plan/report.h"

namespace shipshape {

struct HistoryOptions {
  std::string db;  // --db; "" = DefaultHistoryPath()
  bool disabled = false;
  int keep = kDefaultKeepRuns;
};

// --db for every history command; `writing` adds --no-history and --keep (audit).
void AddHistoryOptions(ArgParser& args, HistoryOptions* options, bool writing);
// The database path: --db, else the XDG default; an error when no default can be found.
Result<std::string> HistoryPath(const HistoryOptions& options);

// The history named by the options, opened for reading (never created), and its runs oldest first.
struct RecordedRuns {
  std::unique_ptr<HistoryDb> db;
  std::vector<RunSummary> runs;
};
Result<RecordedRuns> OpenRecordedRuns(const HistoryOptions& options);

// Records one audit run: create it before collection starts (it notes the start time), pass the
// snapshot source through Wrap, and call Record once the report is complete. Failures to record
// are warnings on standard error: the audit's own result stands.
class RunRecorder {
 public:
  explicit RunRecorder(const HistoryOptions& options);
  ~RunRecorder();
  SnapshotSource Wrap(SnapshotSource source);
  void Record(const Report& report, const std::vector<std::string>& targets, bool complete);

 private:
  HistoryOptions options_;
  std::string path_;
  std::string started_at_;
  std::unique_ptr<SnapshotKeeper> keeper_;
};

}  // namespace shipshape
