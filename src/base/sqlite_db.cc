// SQLite adapter implementation.
#include "base/sqlite_db.h"

#include <sqlite3.h>

namespace shipshape {

std::string ValueToString(const Value& v) {
  if (std::holds_alternative<int64_t>(v)) return std::to_string(std::get<int64_t>(v));
  if (std::holds_alternative<double>(v)) {
    std::string s = std::to_string(std::get<double>(v));
    while (s.size() > 1 && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  }
  if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
  return "";
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::Io("cannot open database: " + msg, path);
  }
  return std::unique_ptr<Database>(new Database(db));
}

Database::~Database() { sqlite3_close(db_); }

Status Database::Exec(std::string_view sql) {
  char* err = nullptr;
  std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::Invalid("SQL error: " + msg);
  }
  return Status::Ok();
}

Result<std::unique_ptr<Statement>> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
    return Status::Invalid(std::string("SQL error: ") + sqlite3_errmsg(db_));
  }
  if (!stmt) return Status::Invalid("SQL error: empty statement");
  return std::unique_ptr<Statement>(new Statement(db_, stmt));
}

int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::Bind(int index, const Value& v) {
  if (std::holds_alternative<int64_t>(v)) {
    sqlite3_bind_int64(stmt_, index, std::get<int64_t>(v));
  } else if (std::holds_alternative<double>(v)) {
    sqlite3_bind_double(stmt_, index, std::get<double>(v));
  } else if (std::holds_alternative<std::string>(v)) {
    const std::string& s = std::get<std::string>(v);
    sqlite3_bind_text(stmt_, index, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  } else {
    sqlite3_bind_null(stmt_, index);
  }
}

void Statement::BindText(int index, std::string_view s) {
  sqlite3_bind_text(stmt_, index, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}
void Statement::BindInt(int index, int64_t v) { sqlite3_bind_int64(stmt_, index, v); }
void Statement::BindNull(int index) { sqlite3_bind_null(stmt_, index); }

bool Statement::Step(Status* status) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE && status) *status = Status::Invalid(std::string("SQL error: ") + sqlite3_errmsg(db_));
  return false;
}

Status Statement::Run() {
  Status st;
  while (Step(&st)) {
  }
  return st;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }
std::string Statement::ColumnName(int i) const {
  const char* n = sqlite3_column_name(stmt_, i);
  return n ? n : "";
}

Value Statement::ColumnValue(int i) const {
  switch (sqlite3_column_type(stmt_, i)) {
    case SQLITE_INTEGER:
      return static_cast<int64_t>(sqlite3_column_int64(stmt_, i));
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt_, i);
    case SQLITE_NULL:
      return std::monostate{};
    default:
      return ColumnText(i);
  }
}

std::string Statement::ColumnText(int i) const {
  const unsigned char* t = sqlite3_column_text(stmt_, i);
  int n = sqlite3_column_bytes(stmt_, i);
  return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(n)) : std::string();
}
int64_t Statement::ColumnInt(int i) const { return sqlite3_column_int64(stmt_, i); }
bool Statement::ColumnIsNull(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }

Result<std::vector<std::vector<std::string>>> SelectText(Database& db, std::string_view sql) {
  std::vector<std::vector<std::string>> rows;
  Status st = ForEachRow(db, sql, [&](Statement& s) {
    std::vector<std::string> row;
    for (int i = 0; i < s.ColumnCount(); ++i) row.push_back(s.ColumnText(i));
    rows.push_back(std::move(row));
  });
  if (!st.ok()) return st;
  return rows;
}

}  // namespace shipshape
