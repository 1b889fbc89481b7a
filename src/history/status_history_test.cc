// Tests of the status history: schema migration from version 1, recording and reading back a
// plan's task states, and finding the newest kept snapshot of a host.
#include <gtest/gtest.h>

#include "base/file_io.h"
#include "history/history_db.h"

namespace shipshape {
namespace {

class StatusHistory : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = *MakeTempDir("shipshape-status-history."); }
  void TearDown() override { RemoveTree(dir_); }
  std::string dir_;
};

int64_t UserVersion(const std::string& path) {
  auto db = Database::Open(path);
  auto rows = SelectText(**db, "PRAGMA user_version");
  return rows.ok() && !rows->empty() ? std::stoll((*rows)[0][0]) : -1;
}

TEST_F(StatusHistory, AVersion1DatabaseIsMigrated) {
  const std::string path = dir_ + "/history.db";
  {
    auto db = Database::Open(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec("CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL,"
                           " finished_at TEXT NOT NULL, shipshape_version TEXT NOT NULL, targets TEXT NOT NULL,"
                           " status TEXT NOT NULL); PRAGMA user_version = 1;")
                    .ok());
  }
  ASSERT_EQ(UserVersion(path), 1);
  auto db = HistoryDb::Open(path, false);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ(UserVersion(path), 2);
  auto none = (*db)->LastStatus("/plans/mail.yaml");
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_EQ(none->id, 0);
}

TEST_F(StatusHistory, TheLastStatusOfAPlanIsReadBack) {
  auto db = HistoryDb::Open(dir_ + "/history.db", true);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto first = (*db)->RecordStatus("/plans/mail.yaml", "Mail", "2025-01-07T18:00:00Z",
                                   {{"1.4.1", "done", ""}, {"1.4.2", "pending", "/var/mail/vmail is owned by root"}});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto other = (*db)->RecordStatus("/plans/other.yaml", "Other", "2025-01-08T00:00:00Z", {{"a", "blocked", "b"}});
  ASSERT_TRUE(other.ok());
  auto last = (*db)->LastStatus("/plans/mail.yaml");
  ASSERT_TRUE(last.ok()) << last.status().ToString();
  EXPECT_EQ(last->id, *first);
  EXPECT_EQ(last->checked_at, "2025-01-07T18:00:00Z");
  std::map<std::string, std::string> want = {{"1.4.1", "done"}, {"1.4.2", "pending"}};
  EXPECT_EQ(last->states, want);
  auto bad = (*db)->RecordStatus("/plans/mail.yaml", "Mail", "x", {{"1.4.1", "finished", ""}});
  EXPECT_FALSE(bad.ok());  // the CHECK constraint keeps states to the four names
  EXPECT_EQ((*db)->LastStatus("/plans/mail.yaml")->id, *first);
}

TEST_F(StatusHistory, NoKeptSnapshotIsNotFound) {
  auto db = HistoryDb::Open(dir_ + "/history.db", true);
  ASSERT_TRUE(db.ok());
  auto snap = (*db)->LatestSnapshot("mail-vps");
  ASSERT_FALSE(snap.ok());
  EXPECT_EQ(snap.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(snap.status().message(), "no kept snapshot of host mail-vps (audit it first, or name a target)");
}

}  // namespace
}  // namespace shipshape
