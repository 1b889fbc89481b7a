// The run history: an on-disk SQLite database of audit runs, their hosts, findings and grades,
// with each run's snapshots kept as .tar.gz files in a folder beside the database.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/sqlite_db.h"
#include "base/status.h"
#include "plan/report.h"

namespace shipshape {

// The version recorded in runs.shipshape_version (CMakeLists.txt: project VERSION).
inline constexpr const char* kShipshapeVersion = "0.1.0";
inline constexpr int kDefaultKeepRuns = 50;

// $XDG_DATA_HOME/shipshape/history.db, XDG_DATA_HOME defaulting to $HOME/.local/share.
// "" when neither variable is set.
std::string DefaultHistoryPath();
// A stable fingerprint of a finding: 16 hex digits of FNV-1a 64 over host, rule and subject.
std::string FindingFingerprint(const std::string& host, const std::string& rule, const std::string& subject);
// The current wall-clock time as RFC 3339 UTC ("2026-06-14T10:00:00Z").
std::string NowRfc3339();

// One run to record. `snapshots` maps a host to a staged .tar.gz (see SnapshotKeeper); those
// files are moved into snapshots/<run id>/ before the transaction commits.
struct NewRun {
  std::string started_at, finished_at;
  std::vector<std::string> targets;
  bool complete = true;  // false when some target could not be collected
  const Report* report = nullptr;
  std::map<std::string, std::string> snapshots;
};

struct RunSummary {
  int64_t id = 0;
  std::string started_at, finished_at, version, targets, status;
  int hosts = 0;
  int findings[4] = {0, 0, 0, 0};  // P1..P4
};

struct StoredFinding {
  std::string host, rule, title, severity, subject, evidence, file, fingerprint;
  int line = 0;
};

// One task's state in a recorded `shipshape status` of a plan.
struct StoredTaskState {
  std::string task, state, reason;  // state: done | pending | blocked | unknown
};

// The newest recorded status of a plan.
struct StoredStatus {
  int64_t id = 0;
  std::string checked_at;
  std::map<std::string, std::string> states;  // task id → state
};

// One connection to a history database. Writers serialise on SQLite's write lock (busy timeout
// 10 s), so several processes may record runs into the same file. Not thread-safe: one per thread.
class HistoryDb {
 public:
  // Creates the file, its folder and the schema when `create`; else a missing file is kNotFound.
  static Result<std::unique_ptr<HistoryDb>> Open(const std::string& path, bool create);

  // Writes the whole run in one transaction and returns its id. On any failure nothing of the run
  // remains: neither rows nor snapshot files.
  Result<int64_t> RecordRun(const NewRun& run);
  // Keeps the newest `keep` runs (>= 1); deletes older runs and their snapshot folders, and
  // snapshot folders that belong to no run (left by a process killed before its commit).
  Status Prune(int keep);

  Result<std::vector<RunSummary>> ListRuns();  // oldest first
  Result<bool> RunExists(int64_t id);
  Result<std::vector<StoredFinding>> Findings(int64_t run_id);  // sorted by host, severity, rule
  Result<std::vector<std::string>> Hosts(int64_t run_id);

  // Status results (status_history.cc). `plan` identifies the plan (its absolute path). Keeps
  // the newest kDefaultKeepRuns statuses of each plan.
  Result<int64_t> RecordStatus(const std::string& plan, const std::string& title, const std::string& checked_at,
                               const std::vector<StoredTaskState>& tasks);
  // The newest status of `plan`; id 0 when there is none.
  Result<StoredStatus> LastStatus(const std::string& plan);
  // The absolute path of the newest kept snapshot of `host`; kNotFound when no run kept one.
  Result<std::string> LatestSnapshot(const std::string& host);

  const std::string& path() const { return path_; }
  std::string SnapshotRoot() const;  // <folder of the db>/snapshots

  // Tests only: called after every row of a run is inserted, before commit; an error aborts the run.
  void SetBeforeCommitHookForTest(std::function<Status()> hook) { before_commit_ = std::move(hook); }

 private:
  HistoryDb(std::string path, std::unique_ptr<Database> db) : path_(std::move(path)), db_(std::move(db)) {}
  Status InsertRun(const NewRun& run, int64_t* id);
  Status InsertHost(int64_t id, const HostReport& host, const std::string& snapshot_path);
  Status InsertFindings(int64_t id, const std::vector<Finding>& findings);
  Status MoveSnapshots(int64_t id, const NewRun& run, std::map<std::string, std::string>* stored);

  std::string path_;
  std::unique_ptr<Database> db_;
  std::function<Status()> before_commit_;
};

}  // namespace shipshape
