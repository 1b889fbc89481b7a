// Fact database creation, inserts and the built-in tables.
#include "facts/fact_db.h"

#include <ctime>

#include "base/strings.h"

namespace shipshape {

static const TableDef& kClock = RegisterTable(
    {"clock",
     "The audit's clock (one row): every rule that compares dates uses it, so --now judges old snapshots as of "
     "their day.",
     {Int("now", "audit time, seconds since 1970 UTC"), Text("today", "audit date, YYYY-MM-DD")},
     false});

static const TableDef& kCoverage = RegisterTable(
    {"coverage",
     "Which sources of facts could be read, per host and scorecard category. A category without an 'ok' row, "
     "or with an 'error' row, is scored Unknown; one with only 'absent' rows is N/A.",
     {Text("category", "scorecard category (os, ssh, firewall, …)"),
      Text("source", "file or command the facts come from"),
      Text("state", "ok | absent | error"), Text("detail", "why, for absent and error")}});

static const TableDef& kDiagnostics = RegisterTable(
    {"diagnostics", "Problems met while reading the input: malformed lines, unreadable files.",
     {FileCol(), LineCol(), Text("message", "what was wrong")}});

AuditClock AuditClock::FromEpoch(int64_t epoch) {
  AuditClock c;
  c.now_epoch = epoch;
  time_t t = static_cast<time_t>(epoch);
  struct tm tm {};
  gmtime_r(&t, &tm);
  char buf[16];
  strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  c.today = buf;
  return c;
}

AuditClock AuditClock::System() { return FromEpoch(static_cast<int64_t>(time(nullptr))); }

Result<AuditClock> AuditClock::Parse(std::string_view text) {
  text = Trim(text);
  if (!text.empty() && text[0] == '@') {
    auto v = ParseInt(text.substr(1));
    if (!v) return Status::Invalid("--now: bad epoch '" + std::string(text) + "'");
    return FromEpoch(*v);
  }
  struct tm tm {};
  std::string s(text);
  const char* end = strptime(s.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (!end || *end) {
    tm = {};
    end = strptime(s.c_str(), "%Y-%m-%d", &tm);
    if (!end || *end) return Status::Invalid("--now: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, got '" + s + "'");
  }
  return FromEpoch(static_cast<int64_t>(timegm(&tm)));
}

Status LoadLifecycleTable(FactDb& db);  // lifecycle/lifecycle_table.cc

Result<std::unique_ptr<FactDb>> FactDb::Create(const AuditClock& clock) {
  auto opened = Database::Open(":memory:");
  if (!opened.ok()) return opened.status();
  std::unique_ptr<FactDb> f(new FactDb(std::move(opened).value(), clock));
  std::string ddl;
  for (const TableDef* t : AllTables()) ddl += CreateTableSql(*t) + "\n";
  Status st = f->db_->Exec(ddl);
  if (!st.ok()) return st;
  st = f->Insert(kClock, "", {Value(clock.now_epoch), Value(clock.today)});
  if (!st.ok()) return st;
  st = LoadLifecycleTable(*f);
  if (!st.ok()) return st;
  return f;
}

Status FactDb::Insert(const TableDef& table, std::string_view host, const std::vector<Value>& values) {
  if (values.size() != table.columns.size()) {
    return Status::Error(StatusCode::kInternal, "table " + table.name + " expects " +
                                                    std::to_string(table.columns.size()) + " values, got " +
                                                    std::to_string(values.size()));
  }
  auto it = inserts_.find(&table);
  if (it == inserts_.end()) {
    std::string sql = "INSERT INTO " + table.name + " VALUES (";
    size_t n = table.columns.size() + (table.per_host ? 1 : 0);
    for (size_t i = 0; i < n; ++i) sql += i ? ",?" : "?";
    sql += ")";
    auto stmt = db_->Prepare(sql);
    if (!stmt.ok()) return stmt.status();
    it = inserts_.emplace(&table, std::move(stmt).value()).first;
  }
  Statement& s = *it->second;
  s.Reset();
  int index = 1;
  if (table.per_host) s.BindText(index++, host);
  for (const Value& v : values) s.Bind(index++, v);
  return s.Run();
}

void FactSink::Add(const TableDef& table, const std::vector<Value>& values) {
  Status st = db_.Insert(table, host_, values);
  if (!st.ok()) diags_.Add(host_, "(internal)", 0, st.message());
}

void FactSink::Coverage(std::string_view category, std::string_view source, CoverageState state,
                        std::string_view detail) {
  const char* s = state == CoverageState::kOk ? "ok" : state == CoverageState::kAbsent ? "absent" : "error";
  Add(kCoverage, {Value(std::string(category)), Value(std::string(source)), Value(std::string(s)),
                  Value(std::string(detail))});
}

void FactSink::Error(std::string_view category, std::string file, int line, std::string message) {
  Coverage(category, file, CoverageState::kError, message);
  Warn(std::move(file), line, std::move(message));
}

void FactSink::Warn(std::string file, int line, std::string message) {
  Add(kDiagnostics, {Value(file), Value(static_cast<int64_t>(line)), Value(message)});
  diags_.Add(host_, std::move(file), line, std::move(message));
}

}  // namespace shipshape
