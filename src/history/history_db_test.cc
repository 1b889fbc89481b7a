// The run history: write and read back, snapshots beside the db, retention, atomicity (a failure
// or a killed process before commit leaves no trace), concurrent writers, fingerprints, diff.
#include "history/history_db.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "base/file_io.h"
#include "history/run_diff.h"
#include "history/snapshot_keeper.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

Finding MakeFinding(const std::string& host, const std::string& rule, const std::string& subject, Severity sev) {
  Finding f;
  f.host = host, f.rule = rule, f.subject = subject, f.severity = sev, f.title = rule + " title";
  f.evidence = "evidence of " + subject, f.file = "/etc/x.conf", f.line = 7;
  return f;
}

Report MakeReport() {
  Report r;
  HostReport a;
  a.host = "web-1", a.privileged = true, a.score = 2,
  a.categories = {{"ssh", Grade::kPoor}, {"docker", Grade::kNotApplicable}};
  HostReport b;
  b.host = "db/1", b.score = 4, b.categories = {{"ssh", Grade::kGood}};
  r.hosts = {a, b};
  r.findings = {MakeFinding("web-1", "SSH-ROOT", "sshd", Severity::kP1),
                MakeFinding("web-1", "UPD-OLD", "apt", Severity::kP3),
                MakeFinding("db/1", "DB-PUBLIC", "port 27017", Severity::kP2)};
  return r;
}

// Runs one SQL query on the file directly and returns the first column of every row, joined by ','.
std::string Query(const std::string& path, const std::string& sql) {
  auto db = Database::Open(path);
  EXPECT_TRUE(db.ok());
  auto stmt = (*db)->Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
  std::string out;
  Status st;
  while ((*stmt)->Step(&st)) out += (out.empty() ? "" : ",") + (*stmt)->ColumnText(0);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

class HistoryDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = *MakeTempDir("shipshape-history-test.");
    path_ = dir_ + "/sub/history.db";
  }
  void TearDown() override { RemoveTree(dir_); }
  std::unique_ptr<HistoryDb> Open() {
    auto db = HistoryDb::Open(path_, true);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(*db) : nullptr;
  }
  // Records `report` with one staged snapshot per host; returns the run id (0 on failure).
  int64_t Record(HistoryDb& db, const Report& report) {
    auto keeper = SnapshotKeeper::Create(db.SnapshotRoot());
    EXPECT_TRUE(keeper.ok());
    std::vector<Snapshot> snaps;
    for (const HostReport& h : report.hosts) {
      Snapshot s;
      s.meta().host = h.host;
      s.PutFile("/etc/hostname", h.host + "\n");
      snaps.push_back(s);
    }
    SnapshotSource source = (*keeper)->Wrap(SourceOf(snaps));
    while (source()) {
    }
    NewRun run{"2026-06-14T10:00:00Z", "2026-06-14T10:01:00Z", {"web-1", "db/1"}, true, &report, (*keeper)->staged()};
    auto id = db.RecordRun(run);
    return id.ok() ? *id : 0;
  }
  std::string dir_, path_;
};

TEST_F(HistoryDbTest, WritesARunAndReadsItBack) {
  auto db = Open();
  Report report = MakeReport();
  ASSERT_EQ(Record(*db, report), 1);
  auto runs = db->ListRuns();
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 1u);
  const RunSummary& r = (*runs)[0];
  EXPECT_EQ(r.status, "complete");
  EXPECT_EQ(r.targets, "[\"web-1\",\"db/1\"]");
  EXPECT_EQ(r.version, kShipshapeVersion);
  EXPECT_EQ(r.hosts, 2);
  EXPECT_EQ(r.findings[0], 1);
  EXPECT_EQ(r.findings[1], 1);
  EXPECT_EQ(r.findings[2], 1);
  EXPECT_EQ(r.findings[3], 0);
  auto findings = db->Findings(1);
  ASSERT_TRUE(findings.ok());
  ASSERT_EQ(findings->size(), 3u);
  EXPECT_EQ((*findings)[0].host, "db/1");
  EXPECT_EQ((*findings)[0].subject, "port 27017");
  EXPECT_EQ((*findings)[0].fingerprint, FindingFingerprint("db/1", "DB-PUBLIC", "port 27017"));
  EXPECT_EQ((*findings)[1].rule, "SSH-ROOT");
  EXPECT_EQ((*findings)[1].line, 7);
  EXPECT_EQ(Query(path_, "SELECT host || ':' || category || '=' || grade FROM run_categories ORDER BY host, category"),
            "db/1:ssh=Good,web-1:docker=N/A,web-1:ssh=Poor");
  EXPECT_EQ(Query(path_, "SELECT host || ' ' || privileged || ' ' || score FROM run_hosts ORDER BY host"),
            "db/1 0 4,web-1 1 2");
  EXPECT_EQ(Query(path_, "PRAGMA journal_mode"), "wal");
}

TEST_F(HistoryDbTest, KeepsSnapshotsAsArchivesBesideTheDatabase) {
  auto db = Open();
  ASSERT_EQ(Record(*db, MakeReport()), 1);
  EXPECT_EQ(Query(path_, "SELECT snapshot_path FROM run_hosts ORDER BY host"),
            "snapshots/1/db_1.tar.gz,snapshots/1/web-1.tar.gz");
  auto snap = LoadSnapshot(dir_ + "/sub/snapshots/1/web-1.tar.gz");
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  EXPECT_EQ(snap->meta().host, "web-1");
  ASSERT_NE(snap->File("/etc/hostname"), nullptr);
  EXPECT_EQ(*snap->File("/etc/hostname"), "web-1\n");
  std::vector<std::string> left;  // the staging folder is gone with its keeper
  for (const auto& e : fs::directory_iterator(dir_ + "/sub/snapshots")) left.push_back(e.path().filename().string());
  EXPECT_EQ(left, std::vector<std::string>{"1"});
}

TEST_F(HistoryDbTest, RetentionKeepsTheNewestRunsAndTheirSnapshots) {
  auto db = Open();
  for (int i = 1; i <= 5; ++i) ASSERT_EQ(Record(*db, MakeReport()), i);
  ASSERT_TRUE(db->Prune(2).ok());
  EXPECT_EQ(Query(path_, "SELECT id FROM runs ORDER BY id"), "4,5");
  EXPECT_EQ(Query(path_, "SELECT DISTINCT run_id FROM run_findings ORDER BY run_id"), "4,5");
  EXPECT_EQ(Query(path_, "SELECT DISTINCT run_id FROM run_categories ORDER BY run_id"), "4,5");
  EXPECT_EQ(Query(path_, "SELECT DISTINCT run_id FROM run_hosts ORDER BY run_id"), "4,5");
  for (int i = 1; i <= 3; ++i) EXPECT_FALSE(fs::exists(dir_ + "/sub/snapshots/" + std::to_string(i))) << i;
  EXPECT_TRUE(fs::exists(dir_ + "/sub/snapshots/4/web-1.tar.gz"));
  EXPECT_TRUE(fs::exists(dir_ + "/sub/snapshots/5/web-1.tar.gz"));
  EXPECT_FALSE(db->Prune(0).ok());
}

TEST_F(HistoryDbTest, AFailureBeforeCommitLeavesNoTraceOfTheRun) {
  auto db = Open();
  ASSERT_EQ(Record(*db, MakeReport()), 1);
  db->SetBeforeCommitHookForTest([] { return Status::Io("simulated crash"); });
  EXPECT_EQ(Record(*db, MakeReport()), 0);
  EXPECT_EQ(Query(path_, "SELECT id FROM runs"), "1");
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM run_findings WHERE run_id <> 1"), "0");
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM run_hosts WHERE run_id <> 1"), "0");
  EXPECT_FALSE(fs::exists(dir_ + "/sub/snapshots/2"));
  db->SetBeforeCommitHookForTest(nullptr);
  EXPECT_EQ(Record(*db, MakeReport()), 2);
}

TEST_F(HistoryDbTest, AProcessKilledBeforeCommitLeavesAConsistentDatabase) {
  ASSERT_EQ(Record(*Open(), MakeReport()), 1);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {  // the child dies with every row of run 2 inserted and its snapshots moved in
    auto db = HistoryDb::Open(path_, true);
    if (!db.ok()) _exit(3);
    (*db)->SetBeforeCommitHookForTest([]() -> Status { _exit(9); });
    Record(**db, MakeReport());
    _exit(4);
  }
  int wstatus = 0;
  ASSERT_EQ(waitpid(pid, &wstatus, 0), pid);
  ASSERT_TRUE(WIFEXITED(wstatus));
  ASSERT_EQ(WEXITSTATUS(wstatus), 9) << "the child did not reach the commit";
  EXPECT_TRUE(fs::exists(dir_ + "/sub/snapshots/2/web-1.tar.gz")) << "the child should have moved its snapshots";
  EXPECT_EQ(Query(path_, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(Query(path_, "SELECT id FROM runs"), "1");
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM run_findings WHERE run_id <> 1"), "0");
  auto db = Open();
  EXPECT_EQ(Record(*db, MakeReport()), 2);  // the id comes back; the leftover folder is replaced
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM run_findings WHERE run_id = 2"), "3");
}

TEST_F(HistoryDbTest, ConcurrentWritersEachRecordEveryRun) {
  ASSERT_NE(Open(), nullptr);  // schema first, then two connections race
  std::vector<std::thread> writers;
  std::vector<int> failures(2, 0);
  for (int t = 0; t < 2; ++t) {
    writers.emplace_back([this, t, &failures] {
      auto db = HistoryDb::Open(path_, true);
      if (!db.ok()) {
        failures[t] = 100;
        return;
      }
      Report report = MakeReport();
      for (int i = 0; i < 5; ++i) {
        NewRun run{"2026-06-14T10:00:00Z", "2026-06-14T10:00:01Z", {}, true, &report, {}};
        if (!(*db)->RecordRun(run).ok()) ++failures[t];
        if (!(*db)->Prune(50).ok()) ++failures[t];
      }
    });
  }
  for (std::thread& w : writers) w.join();
  EXPECT_EQ(failures, (std::vector<int>{0, 0}));
  EXPECT_EQ(Query(path_, "SELECT count(DISTINCT id) FROM runs"), "10");
  EXPECT_EQ(Query(path_, "SELECT count(*) FROM run_findings"), "30");
}

TEST(HistoryDb, ReadingAMissingDatabaseIsNotFound) {
  auto db = HistoryDb::Open("/nonexistent/shipshape/history.db", false);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kNotFound);
}

TEST(HistoryDb, FingerprintIsStableAndSeparatesFields) {
  EXPECT_EQ(FindingFingerprint("bms-1", "SSH-ROOT", "sshd"), FindingFingerprint("bms-1", "SSH-ROOT", "sshd"));
  EXPECT_EQ(FindingFingerprint("h", "r", "s").size(), 16u);
  EXPECT_NE(FindingFingerprint("ab", "c", "s"), FindingFingerprint("a", "bc", "s"));
  EXPECT_NE(FindingFingerprint("h", "r", "s1"), FindingFingerprint("h", "r", "s2"));
}

TEST(HistoryDb, DefaultPathFollowsXdgDataHome) {
  std::string old = std::getenv("XDG_DATA_HOME") ? std::getenv("XDG_DATA_HOME") : "";
  setenv("XDG_DATA_HOME", "/data/x", 1);
  EXPECT_EQ(DefaultHistoryPath(), "/data/x/shipshape/history.db");
  unsetenv("XDG_DATA_HOME");
  setenv("HOME", std::getenv("HOME") ? std::getenv("HOME") : "/home/u", 1);
  EXPECT_EQ(DefaultHistoryPath(), std::string(std::getenv("HOME")) + "/.local/share/shipshape/history.db");
  if (!old.empty()) setenv("XDG_DATA_HOME", old.c_str(), 1);
}

TEST(RunDiff, ClassifiesFindingsPerHostByFingerprint) {
  auto f = [](const std::string& host, const std::string& rule) {
    StoredFinding s;
    s.host = host, s.rule = rule, s.subject = "x", s.severity = "P2";
    s.fingerprint = FindingFingerprint(host, rule, "x");
    return s;
  };
  RunSummary a, b;
  a.id = 1, b.id = 2;
  RunDiff d = DiffRuns(a, {"h1", "gone"}, {f("h1", "KEEP"), f("h1", "FIXED"), f("gone", "X")}, b, {"h1", "fresh"},
                       {f("h1", "KEEP"), f("h1", "BROKE"), f("fresh", "Y")});
  ASSERT_EQ(d.hosts.size(), 3u);
  EXPECT_EQ(d.hosts[0].host, "fresh");
  EXPECT_EQ(d.hosts[0].presence, "added");
  ASSERT_EQ(d.hosts[0].added.size(), 1u);
  EXPECT_EQ(d.hosts[1].host, "gone");
  EXPECT_EQ(d.hosts[1].presence, "missing");
  EXPECT_TRUE(d.hosts[1].resolved.empty());
  EXPECT_EQ(d.hosts[1].missing_findings, 1);
  const HostDiff& h1 = d.hosts[2];
  ASSERT_EQ(h1.added.size(), 1u);
  EXPECT_EQ(h1.added[0].rule, "BROKE");
  ASSERT_EQ(h1.resolved.size(), 1u);
  EXPECT_EQ(h1.resolved[0].rule, "FIXED");
  ASSERT_EQ(h1.unchanged.size(), 1u);
  EXPECT_EQ(h1.unchanged[0].rule, "KEEP");
  EXPECT_NE(
      RenderDiffText(d, false).find("host h1: 1 new, 1 resolved, 1 unchanged\n  + P2 BROKE  x\n  - P2 FIXED  x\n"),
      std::string::npos)
      << RenderDiffText(d, false);
}

}  // namespace
}  // namespace shipshape
