// Opening the history database (schema, WAL, foreign keys) and reading runs back.
#include "history/history_db.h"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <system_error>

#include "base/file_io.h"

namespace shipshape {
namespace {

// Schema (PRAGMA user_version, now 2). docs/history.md describes every column.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  shipshape_version TEXT NOT NULL,
  targets TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('complete', 'incomplete')));
CREATE TABLE IF NOT EXISTS run_hosts (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  host TEXT NOT NULL,
  privileged INTEGER NOT NULL,
  score INTEGER NOT NULL,
  snapshot_path TEXT,
  PRIMARY KEY (run_id, host));
CREATE TABLE IF NOT EXISTS run_findings (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  host TEXT NOT NULL,
  rule TEXT NOT NULL,
  title TEXT NOT NULL,
  severity TEXT NOT NULL,
  subject TEXT NOT NULL,
  evidence TEXT NOT NULL,
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  fingerprint TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS run_findings_by_run ON run_findings(run_id, host, fingerprint);
CREATE TABLE IF NOT EXISTS run_categories (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  host TEXT NOT NULL,
  category TEXT NOT NULL,
  grade TEXT NOT NULL,
  PRIMARY KEY (run_id, host, category));
)sql";

// Version 2 adds the results of `shipshape status` (a plan's task states over time). Every
// statement is idempotent, so opening a version 1 file migrates it.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE IF NOT EXISTS status_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  plan TEXT NOT NULL,
  title TEXT NOT NULL,
  checked_at TEXT NOT NULL,
  done INTEGER NOT NULL,
  total INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS status_runs_by_plan ON status_runs(plan, id);
CREATE TABLE IF NOT EXISTS status_tasks (
  status_id INTEGER NOT NULL REFERENCES status_runs(id) ON DELETE CASCADE,
  task TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('done', 'pending', 'blocked', 'unknown')),
  reason TEXT NOT NULL,
  PRIMARY KEY (status_id, task));
PRAGMA user_version = 2;
)sql";

Status CreateSchema(Database& db) {
  Status st = db.Exec("BEGIN IMMEDIATE");
  if (!st.ok()) return st;
  st = db.Exec(kSchema);
  if (st.ok()) st = db.Exec(kSchemaV2);
  if (!st.ok()) {
    (void)db.Exec("ROLLBACK");
    return st;
  }
  return db.Exec("COMMIT");
}

}  // namespace

std::string DefaultHistoryPath() {
  const char* data = std::getenv("XDG_DATA_HOME");
  if (data && *data == '/') return std::string(data) + "/shipshape/history.db";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::string(home) + "/.local/share/shipshape/history.db";
  return "";
}

std::string FindingFingerprint(const std::string& host, const std::string& rule, const std::string& subject) {
  uint64_t h = 14695981039346656037ull;
  auto mix = [&h](const std::string& s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xffu) * 1099511628211ull;  // separator: ("ab","c") and ("a","bc") differ
  };
  mix(host);
  mix(rule);
  mix(subject);
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kHex[h & 0xf];
  return out;
}

std::string NowRfc3339() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<std::unique_ptr<HistoryDb>> HistoryDb::Open(const std::string& path, bool create) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!create && !fs::exists(path, ec)) return Status::NotFound("no run history (run `shipshape audit` first)", path);
  fs::path parent = fs::path(path).parent_path();
  if (create && !parent.empty()) {
    fs::create_directories(parent, ec);
    if (ec) return Status::Io("cannot create folder: " + ec.message(), parent.string());
  }
  auto db = Database::Open(path);
  if (!db.ok()) return db.status();
  // busy_timeout first: the schema and WAL switch below take locks another writer may hold.
  for (const char* pragma : {"PRAGMA busy_timeout = 10000", "PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON"}) {
    Status st = (*db)->Exec(pragma);
    if (!st.ok()) return Status::Io(st.message(), path);
  }
  Status st = CreateSchema(**db);
  if (!st.ok()) return Status::Io(st.message(), path);
  return std::unique_ptr<HistoryDb>(new HistoryDb(path, std::move(*db)));
}

std::string HistoryDb::SnapshotRoot() const {
  std::filesystem::path parent = std::filesystem::path(path_).parent_path();
  return (parent.empty() ? std::filesystem::path("snapshots") : parent / "snapshots").string();
}

Result<std::vector<RunSummary>> HistoryDb::ListRuns() {
  auto stmt = db_->Prepare(
      "SELECT r.id, r.started_at, r.finished_at, r.shipshape_version, r.targets, r.status,"
      " (SELECT count(*) FROM run_hosts h WHERE h.run_id = r.id),"
      " (SELECT count(*) FROM run_findings f WHERE f.run_id = r.id AND f.severity = 'P1'),"
      " (SELECT count(*) FROM run_findings f WHERE f.run_id = r.id AND f.severity = 'P2'),"
      " (SELECT count(*) FROM run_findings f WHERE f.run_id = r.id AND f.severity = 'P3'),"
      " (SELECT count(*) FROM run_findings f WHERE f.run_id = r.id AND f.severity = 'P4')"
      " FROM runs r ORDER BY r.id");
  if (!stmt.ok()) return stmt.status();
  std::vector<RunSummary> runs;
  Status st;
  while ((*stmt)->Step(&st)) {
    RunSummary r;
    r.id = (*stmt)->ColumnInt(0);
    r.started_at = (*stmt)->ColumnText(1);
    r.finished_at = (*stmt)->ColumnText(2);
    r.version = (*stmt)->ColumnText(3);
    r.targets = (*stmt)->ColumnText(4);
    r.status = (*stmt)->ColumnText(5);
    r.hosts = static_cast<int>((*stmt)->ColumnInt(6));
    for (int p = 0; p < 4; ++p) r.findings[p] = static_cast<int>((*stmt)->ColumnInt(7 + p));
    runs.push_back(std::move(r));
  }
  if (!st.ok()) return st;
  return runs;
}

Result<bool> HistoryDb::RunExists(int64_t id) {
  auto stmt = db_->Prepare("SELECT 1 FROM runs WHERE id = ?");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, id);
  Status st;
  bool found = (*stmt)->Step(&st);
  if (!st.ok()) return st;
  return found;
}

Result<std::vector<StoredFinding>> HistoryDb::Findings(int64_t run_id) {
  auto stmt = db_->Prepare(
      "SELECT host, rule, title, severity, subject, evidence, file, line, fingerprint FROM run_findings"
      " WHERE run_id = ? ORDER BY host, severity, rule, subject, file, line");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, run_id);
  std::vector<StoredFinding> out;
  Status st;
  while ((*stmt)->Step(&st)) {
    StoredFinding f;
    Statement& s = **stmt;
    f.host = s.ColumnText(0), f.rule = s.ColumnText(1), f.title = s.ColumnText(2), f.severity = s.ColumnText(3);
    f.subject = s.ColumnText(4), f.evidence = s.ColumnText(5), f.file = s.ColumnText(6);
    f.line = static_cast<int>(s.ColumnInt(7));
    f.fingerprint = s.ColumnText(8);
    out.push_back(std::move(f));
  }
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<std::string>> HistoryDb::Hosts(int64_t run_id) {
  auto stmt = db_->Prepare("SELECT host FROM run_hosts WHERE run_id = ? ORDER BY host");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindInt(1, run_id);
  std::vector<std::string> out;
  Status st;
  while ((*stmt)->Step(&st)) out.push_back((*stmt)->ColumnText(0));
  if (!st.ok()) return st;
  return out;
}

}  // namespace shipshape
