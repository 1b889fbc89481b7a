// Recording a run in one transaction, with its snapshots moved in before commit; retention.
#include <filesystem>
#include <set>
#include <system_error>

#include "base/file_io.h"
#include "base/json.h"
#include "history/history_db.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

std::string TargetsJson(const std::vector<std::string>& targets) {
  std::string out = "[";
  for (size_t i = 0; i < targets.size(); ++i) out += (i ? "," : "") + JsonQuote(targets[i]);
  return out + "]";
}

// A file name for a host: characters outside [A-Za-z0-9._-] become '_', never "." or "..".
std::string SafeName(const std::string& host) {
  std::string out;
  for (char c : host) out += (isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_') ? c : '_';
  if (out.empty() || out == "." || out == "..") out = "_" + out;
  return out;
}

}  // namespace

Status HistoryDb::InsertRun(const NewRun& run, int64_t* id) {
  auto stmt = db_->Prepare(
      "INSERT INTO runs (started_at, finished_at, shipshape_version, targets, status) VALUES (?, ?, ?, ?, ?)");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindText(1, run.started_at);
  (*stmt)->BindText(2, run.finished_at);
  (*stmt)->BindText(3, kShipshapeVersion);
  (*stmt)->BindText(4, TargetsJson(run.targets));
  (*stmt)->BindText(5, run.complete ? "complete" : "incomplete");
  Status st = (*stmt)->Run();
  *id = db_->LastInsertId();
  return st;
}

Status HistoryDb::InsertHost(int64_t id, const HostReport& host, const std::string& snapshot_path) {
  auto stmt =
      db_->Prepare("INSERT INTO run_hosts (run_id, host, privileged, score, snapshot_path) VALUES (?, ?, ?, ?, ?)");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, id);
  (*stmt)->BindText(2, host.host);
  (*stmt)->BindInt(3, host.privileged ? 1 : 0);
  (*stmt)->BindInt(4, host.score);
  if (snapshot_path.empty())
    (*stmt)->BindNull(5);
  else
    (*stmt)->BindText(5, snapshot_path);
  if (Status st = (*stmt)->Run(); !st.ok()) return st;
  auto cat = db_->Prepare("INSERT INTO run_categories (run_id, host, category, grade) VALUES (?, ?, ?, ?)");
  if (!cat.ok()) return cat.status();
  for (const auto& [category, grade] : host.categories) {
    (*cat)->Reset();
    (*cat)->BindInt(1, id);
    (*cat)->BindText(2, host.host);
    (*cat)->BindText(3, category);
    (*cat)->BindText(4, GradeName(grade));
    if (Status st = (*cat)->Run(); !st.ok()) return st;
  }
  return Status::Ok();
}

Status HistoryDb::InsertFindings(int64_t id, const std::vector<Finding>& findings) {
  auto stmt = db_->Prepare(
      "INSERT INTO run_findings (run_id, host, rule, title, severity, subject, evidence, file, line, fingerprint)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!stmt.ok()) return stmt.status();
  for (const Finding& f : findings) {
    Statement& s = **stmt;
    s.Reset();
    s.BindInt(1, id);
    s.BindText(2, f.host);
    s.BindText(3, f.rule);
    s.BindText(4, f.title);
    s.BindText(5, SeverityName(f.severity));
    s.BindText(6, f.subject);
    s.BindText(7, f.evidence);
    s.BindText(8, f.file);
    s.BindInt(9, f.line);
    s.BindText(10, FindingFingerprint(f.host, f.rule, f.subject));
    if (Status st = s.Run(); !st.ok()) return st;
  }
  return Status::Ok();
}

// Moves staged archives to snapshots/<id>/<host>.tar.gz; `stored` gets host → path relative to
// the database's folder. A folder already there is a leftover of a process killed before commit.
Status HistoryDb::MoveSnapshots(int64_t id, const NewRun& run, std::map<std::string, std::string>* stored) {
  if (run.snapshots.empty()) return Status::Ok();
  fs::path dir = fs::path(SnapshotRoot()) / std::to_string(id);
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir, ec);
  if (ec) return Status::Io("cannot create folder: " + ec.message(), dir.string());
  std::set<std::string> used;
  for (const auto& [host, staged] : run.snapshots) {
    std::string name = SafeName(host);
    for (int n = 2; !used.insert(name).second; ++n) name = SafeName(host) + "-" + std::to_string(n);
    fs::rename(staged, dir / (name + ".tar.gz"), ec);
    if (ec) return Status::Io("cannot store snapshot: " + ec.message(), staged);
    (*stored)[host] = "snapshots/" + std::to_string(id) + "/" + name + ".tar.gz";
  }
  return Status::Ok();
}

Result<int64_t> HistoryDb::RecordRun(const NewRun& run) {
  if (!run.report) return Status::Invalid("no report to record");
  if (Status st = db_->Exec("BEGIN IMMEDIATE"); !st.ok()) return Status::Io(st.message(), path_);
  int64_t id = 0;
  std::map<std::string, std::string> stored;
  Status st = InsertRun(run, &id);
  if (st.ok()) st = MoveSnapshots(id, run, &stored);
  for (size_t i = 0; st.ok() && i < run.report->hosts.size(); ++i) {
    const HostReport& h = run.report->hosts[i];
    st = InsertHost(id, h, stored.count(h.host) ? stored[h.host] : "");
  }
  if (st.ok()) st = InsertFindings(id, run.report->findings);
  if (st.ok() && before_commit_) st = before_commit_();
  if (st.ok()) st = db_->Exec("COMMIT");
  if (!st.ok()) {
    (void)db_->Exec("ROLLBACK");
    std::error_code ec;
    if (id > 0) fs::remove_all(fs::path(SnapshotRoot()) / std::to_string(id), ec);
    return Status::Io("run not recorded: " + st.message(), path_);
  }
  return id;
}

Status HistoryDb::Prune(int keep) {
  if (keep < 1) return Status::Invalid("--keep must be at least 1");
  if (Status st = db_->Exec("BEGIN IMMEDIATE"); !st.ok()) return Status::Io(st.message(), path_);
  auto del = db_->Prepare("DELETE FROM runs WHERE id NOT IN (SELECT id FROM runs ORDER BY id DESC LIMIT ?)");
  Status st = del.ok() ? Status::Ok() : del.status();
  if (st.ok()) {
    (*del)->BindInt(1, keep);
    st = (*del)->Run();
  }
  std::set<int64_t> live;
  auto ids = db_->Prepare("SELECT id FROM runs");
  if (st.ok() && !ids.ok()) st = ids.status();
  while (st.ok() && (*ids)->Step(&st)) live.insert((*ids)->ColumnInt(0));
  if (st.ok()) st = db_->Exec("COMMIT");
  if (!st.ok()) {
    (void)db_->Exec("ROLLBACK");
    return Status::Io("retention not applied: " + st.message(), path_);
  }
  // Numbered folders without a run go: pruned runs, and leftovers of killed processes. Only ids
  // below the newest run: a writer between its move and its commit holds an id above every
  // committed one, and its folder must stay.
  int64_t newest = live.empty() ? 0 : *live.rbegin();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(SnapshotRoot(), ec)) {
    std::string name = entry.path().filename().string();
    bool numbered = !name.empty() && name.size() < 19 && name.find_first_not_of("0123456789") == std::string::npos;
    if (!numbered) continue;
    int64_t id = std::stoll(name);
    if (id < newest && !live.count(id)) fs::remove_all(entry.path(), ec);
  }
  return Status::Ok();
}

}  // namespace shipshape
