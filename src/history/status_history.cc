// The history of `shipshape status`: recording a plan's task states, reading the previous one, and
// finding the newest kept snapshot of a host.
#include <filesystem>

#include "history/history_db.h"

namespace shipshape {

namespace {

// Inserts the status row and its tasks; the caller holds the transaction.
Status InsertStatus(Database& db, const std::string& plan, const std::string& title, const std::string& checked_at,
                    const std::vector<StoredTaskState>& tasks, int64_t* id) {
  int done = 0;
  for (const StoredTaskState& t : tasks) done += t.state == "done";
  auto run = db.Prepare("INSERT INTO status_runs (plan, title, checked_at, done, total) VALUES (?, ?, ?, ?, ?)");
  if (!run.ok()) return run.status();
  (*run)->BindText(1, plan);
  (*run)->BindText(2, title);
  (*run)->BindText(3, checked_at);
  (*run)->BindInt(4, done);
  (*run)->BindInt(5, static_cast<int64_t>(tasks.size()));
  if (Status st = (*run)->Run(); !st.ok()) return st;
  *id = db.LastInsertId();
  auto row = db.Prepare("INSERT INTO status_tasks (status_id, task, state, reason) VALUES (?, ?, ?, ?)");
  if (!row.ok()) return row.status();
  for (const StoredTaskState& t : tasks) {
    Statement& s = **row;
    s.Reset();
    s.BindInt(1, *id);
    s.BindText(2, t.task);
    s.BindText(3, t.state);
    s.BindText(4, t.reason);
    if (Status st = s.Run(); !st.ok()) return st;
  }
  auto prune = db.Prepare(
      "DELETE FROM status_runs WHERE plan = ? AND id NOT IN"
      " (SELECT id FROM status_runs WHERE plan = ? ORDER BY id DESC LIMIT ?)");
  if (!prune.ok()) return prune.status();
  (*prune)->BindText(1, plan);
  (*prune)->BindText(2, plan);
  (*prune)->BindInt(3, kDefaultKeepRuns);
  return (*prune)->Run();
}

}  // namespace

Result<int64_t> HistoryDb::RecordStatus(const std::string& plan, const std::string& title,
                                        const std::string& checked_at, const std::vector<StoredTaskState>& tasks) {
  if (Status st = db_->Exec("BEGIN IMMEDIATE"); !st.ok()) return Status::Io(st.message(), path_);
  int64_t id = 0;
  Status st = InsertStatus(*db_, plan, title, checked_at, tasks, &id);
  if (st.ok()) st = db_->Exec("COMMIT");
  if (!st.ok()) {
    (void)db_->Exec("ROLLBACK");
    return Status::Io("status not recorded: " + st.message(), path_);
  }
  return id;
}

Result<StoredStatus> HistoryDb::LastStatus(const std::string& plan) {
  StoredStatus out;
  auto last = db_->Prepare("SELECT id, checked_at FROM status_runs WHERE plan = ? ORDER BY id DESC LIMIT 1");
  if (!last.ok()) return last.status();
  (*last)->BindText(1, plan);
  Status st;
  if (!(*last)->Step(&st)) {
    if (!st.ok()) return st;
    return out;
  }
  out.id = (*last)->ColumnInt(0);
  out.checked_at = (*last)->ColumnText(1);
  auto tasks = db_->Prepare("SELECT task, state FROM status_tasks WHERE status_id = ?");
  if (!tasks.ok()) return tasks.status();
  (*tasks)->BindInt(1, out.id);
  while ((*tasks)->Step(&st)) out.states[(*tasks)->ColumnText(0)] = (*tasks)->ColumnText(1);
  if (!st.ok()) return st;
  return out;
}

Result<std::string> HistoryDb::LatestSnapshot(const std::string& host) {
  auto stmt = db_->Prepare(
      "SELECT h.snapshot_path FROM run_hosts h WHERE h.host = ? AND h.snapshot_path IS NOT NULL"
      " ORDER BY h.run_id DESC LIMIT 1");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindText(1, host);
  Status st;
  if (!(*stmt)->Step(&st)) {
    if (!st.ok()) return st;
    return Status::NotFound("no kept snapshot of host " + host + " (audit it first, or name a target)", path_);
  }
  std::filesystem::path parent = std::filesystem::path(path_).parent_path();
  return ((parent.empty() ? std::filesystem::path(".") : parent) / (*stmt)->ColumnText(0)).string();
}

}  // namespace shipshape
