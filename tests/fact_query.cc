// Test helpers for fact databases.
#include "fact_query.h"

#include <gtest/gtest.h>

#include "base/file_io.h"

namespace shipshape::testing {

Snapshot MakeSnapshot(const std::string& host) {
  Snapshot s;
  s.meta().host = host;
  s.meta().collected_at = "2026-06-14T10:00:00Z";
  s.meta().method = "fixture";
  s.meta().privileged = true;
  return s;
}

Snapshot MakeStackSnapshot(const std::string& host) {
  Snapshot s = MakeSnapshot(host);
  s.meta().method = "stack";
  s.meta().privileged = false;
  return s;
}

std::vector<std::string> Messages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.all()) out.push_back(d.ToString());
  return out;
}

std::vector<std::string> FileLineMessages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.all()) out.push_back(d.file + ":" + std::to_string(d.line) + ": " + d.message);
  return out;
}

std::unique_ptr<FactDb> LoadFactsOrDie(std::vector<Snapshot> snaps, Diagnostics* diags) {
  Diagnostics local;
  auto clock = AuditClock::Parse("2026-06-14T10:00:00Z");
  auto db = LoadFacts(SourceOf(std::move(snaps)), *clock, diags ? diags : &local);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(db).value() : nullptr;
}

Rows Query(FactDb& db, const std::string& sql) {
  Rows rows;
  auto stmt = db.db().Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().message() << "\n" << sql;
  if (!stmt.ok()) return rows;
  Status st;
  while ((*stmt)->Step(&st)) {
    std::vector<std::string> row;
    for (int i = 0; i < (*stmt)->ColumnCount(); ++i) {
      row.push_back((*stmt)->ColumnIsNull(i) ? "NULL" : (*stmt)->ColumnText(i));
    }
    rows.push_back(std::move(row));
  }
  EXPECT_TRUE(st.ok()) << st.message();
  return rows;
}

std::string ReadTestFile(const std::string& path) {
  auto text = ReadWholeFile(path);
  EXPECT_TRUE(text.ok()) << "missing test file " << path;
  return text.ok() ? *text : std::string();
}

}  // namespace shipshape::testing
