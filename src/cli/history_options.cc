// History options shared by the history commands, and recording an audit run.
#include "cli/history_options.h"

#include <filesystem>
#include <iostream>

#include "history/history_db.h"

namespace shipshape {

void AddHistoryOptions(ArgParser& args, HistoryOptions* options, bool writing) {
  args.Option("--db", &options->db, "run history database (default: $XDG_DATA_HOME/shipshape/history.db)");
  if (!writing) return;
  args.Flag("--no-history", &options->disabled, "do not record this run in the history");
  args.Option("--keep", &options->keep, "keep the newest N runs in the history (default 50)");
}

Result<std::string> HistoryPath(const HistoryOptions& options) {
  if (!options.db.empty()) return options.db;
  std::string path = DefaultHistoryPath();
  if (path.empty()) return Status::Invalid("no history location: set XDG_DATA_HOME or HOME, or pass --db");
  return path;
}

Result<RecordedRuns> OpenRecordedRuns(const HistoryOptions& options) {
  auto path = HistoryPath(options);
  if (!path.ok()) return path.status();
  auto db = HistoryDb::Open(*path, false);
  if (!db.ok()) return db.status();
  auto runs = (*db)->ListRuns();
  if (!runs.ok()) return runs.status();
  return RecordedRuns{std::move(*db), std::move(*runs)};
}

RunRecorder::RunRecorder(const HistoryOptions& options) : options_(options), started_at_(NowRfc3339()) {
  if (options_.disabled) return;
  auto path = HistoryPath(options_);
  if (!path.ok()) {
    std::cerr << "shipshape: warning: run not recorded: " << path.status().message() << "\n";
    options_.disabled = true;
    return;
  }
  path_ = *path;
  std::filesystem::path parent = std::filesystem::path(path_).parent_path();
  auto keeper = SnapshotKeeper::Create((parent.empty() ? std::filesystem::path(".") : parent).string() + "/snapshots");
  if (keeper.ok()) keeper_ = std::move(*keeper);  // without it, findings are still recorded
}

RunRecorder::~RunRecorder() = default;

SnapshotSource RunRecorder::Wrap(SnapshotSource source) { return keeper_ ? keeper_->Wrap(std::move(source)) : source; }

void RunRecorder::Record(const Report& report, const std::vector<std::string>& targets, bool complete) {
  if (options_.disabled) return;
  auto db = HistoryDb::Open(path_, true);
  Status st = db.status();
  if (st.ok()) {
    NewRun run{started_at_, NowRfc3339(), targets, complete, &report, {}};
    if (keeper_) run.snapshots = keeper_->staged();
    auto id = (*db)->RecordRun(run);
    st = id.ok() ? (*db)->Prune(options_.keep) : id.status();
  }
  if (!st.ok()) std::cerr << "shipshape: warning: " << st.ToString() << "\n";
  if (keeper_) {
    for (const std::string& f : keeper_->failures())
      std::cerr << "shipshape: warning: snapshot not kept: " << f << "\n";
  }
}

}  // namespace shipshape
