// The fact database: an in-memory SQLite database holding every registered table.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/sqlite_db.h"
#include "base/status.h"
#include "facts/schema.h"

namespace shipshape {

// The audit's clock: every date comparison uses it. Set by --now in tests.
struct AuditClock {
  int64_t now_epoch = 0;  // seconds since 1970, UTC
  std::string today;      // YYYY-MM-DD (UTC)
  static AuditClock System();
  // Accepts YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ or @EPOCH.
  static Result<AuditClock> Parse(std::string_view text);
  static AuditClock FromEpoch(int64_t epoch);
};

// Owns the database and one cached INSERT per table. Not thread-safe.
class FactDb {
 public:
  // Creates every registered table and fills the reference tables (clock, lifecycle).
  static Result<std::unique_ptr<FactDb>> Create(const AuditClock& clock);
  Database& db() { return *db_; }
  const AuditClock& clock() const { return clock_; }
  // Inserts a row; `values` are the table's columns after `host`, in declared order.
  Status Insert(const TableDef& table, std::string_view host, const std::vector<Value>& values);
  Status Begin() { return db_->Exec("BEGIN"); }
  Status Commit() { return db_->Exec("COMMIT"); }

 private:
  FactDb(std::unique_ptr<Database> db, AuditClock clock) : db_(std::move(db)), clock_(std::move(clock)) {}
  std::unique_ptr<Database> db_;
  AuditClock clock_;
  std::map<const TableDef*, std::unique_ptr<Statement>> inserts_;
};

enum class CoverageState { kOk, kAbsent, kError };

// What a parser writes to: rows for one host, coverage of categories, and diagnostics.
class FactSink {
 public:
  FactSink(FactDb& db, std::string host, Diagnostics& diags) : db_(db), host_(std::move(host)), diags_(diags) {}
  const std::string& host() const { return host_; }
  const AuditClock& clock() const { return db_.clock(); }
  void Add(const TableDef& table, const std::vector<Value>& values);
  // Records whether the facts of `category` could be read from `source` (a file or command).
  // kAbsent: the thing does not exist on the host (no Docker); kError: it exists but could not be read.
  void Coverage(std::string_view category, std::string_view source, CoverageState state,
                std::string_view detail = "");
  // A problem in the input: a diagnostic with file and line, and the category becomes Unknown.
  void Error(std::string_view category, std::string file, int line, std::string message);
  // A problem worth telling that does not make the category Unknown.
  void Warn(std::string file, int line, std::string message);

 private:
  FactDb& db_;
  std::string host_;
  Diagnostics& diags_;
};

}  // namespace shipshape
