// The one door to SQLite: a database handle and prepared statements, errors as Status.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace shipshape {

// A fact value: NULL, integer, real or text.
using Value = std::variant<std::monostate, int64_t, double, std::string>;

std::string ValueToString(const Value& v);  // NULL prints as ""

class Statement;

// Owns one sqlite3 connection. Not thread-safe; use one per thread.
class Database {
 public:
  // ":memory:" for an in-memory database.
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Status Exec(std::string_view sql);
  Result<std::unique_ptr<Statement>> Prepare(std::string_view sql);
  int64_t LastInsertId() const;
  sqlite3* raw() { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// A prepared statement. Bind indexes are 1-based, column indexes 0-based.
class Statement {
 public:
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void Bind(int index, const Value& v);
  void BindText(int index, std::string_view s);
  void BindInt(int index, int64_t v);
  void BindNull(int index);
  // Steps once: true with a row, false when done; a failure sets `status`.
  bool Step(Status* status);
  Status Run();  // steps to completion, ignoring rows
  void Reset();  // reset and clear bindings for reuse

  int ColumnCount() const;
  std::string ColumnName(int i) const;
  Value ColumnValue(int i) const;
  std::string ColumnText(int i) const;
  int64_t ColumnInt(int i) const;
  bool ColumnIsNull(int i) const;

 private:
  friend class Database;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

// Runs `sql` and calls fn(Statement&) for each row, stopping at the first error.
template <typename Fn>
Status ForEachRow(Database& db, std::string_view sql, Fn fn) {
  auto stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  Status st;
  while ((*stmt)->Step(&st)) fn(**stmt);
  return st;
}

// Every row of `sql`, its columns as text (NULL as "").
Result<std::vector<std::vector<std::string>>> SelectText(Database& db, std::string_view sql);

}  // namespace shipshape
