// Running rule fixtures.
#include "rules/rule_fixtures.h"

#include <filesystem>
#include <set>

#include "base/file_io.h"
#include "base/strings.h"
#include "facts/registry.h"
#include "pipeline/audit_pipeline.h"
#include "rules/rule_engine.h"
#include "stack/stack_folder.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> FixtureDirs(const std::string& rule_dir, const std::string& prefix) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(rule_dir, ec)) {
    std::string name = e.path().filename().string();
    if (e.is_directory() && StartsWith(name, prefix)) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Rows of `table` for `host` (reference tables count all rows).
int64_t RowsFor(FactDb& db, const std::string& table, const std::string& host) {
  const TableDef* def = FindTable(table);
  if (!def) return -1;
  auto stmt = db.db().Prepare(def->per_host ? "SELECT count(*) FROM " + table + " WHERE host = ?"
                                            : "SELECT count(*) FROM " + table);
  if (!stmt.ok()) return -1;
  if (def->per_host) (*stmt)->BindText(1, host);
  Status st;
  return (*stmt)->Step(&st) ? (*stmt)->ColumnInt(0) : -1;
}

// A quiet fixture must hold the facts the rule reads, or it proves nothing: every declared table
// needs rows (on any host of a fleet fixture). Returns the problem, or "".
std::string MissingFacts(FactDb& db, const Rule& rule, const std::vector<std::string>& hosts) {
  for (const std::string& t : rule.tables) {
    int64_t n = 0;
    for (const std::string& host : hosts) {
      int64_t rows = RowsFor(db, t, host);
      n = (n < 0 || rows < 0) ? -1 : n + rows;
    }
    if (n < 0) return "rule declares unknown table '" + t + "'";
    if (n == 0) return "quiet fixture has no rows in '" + t + "': it proves nothing";
  }
  return "";
}

// The snapshots of a fixture folder: the folder itself when it is a snapshot, else every
// snapshot folder directly inside it (a fleet, audited together: cross-host rules).
std::vector<std::string> FixtureSnapshots(const std::string& dir) {
  if (LooksLikeSnapshot(dir)) return {dir};
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_directory() && LooksLikeSnapshot(e.path().string())) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Loads the snapshots of a fixture folder (a stack's unreadable files go to `diags`). Returns the
// problem, or "".
std::string LoadFixture(const std::string& dir, std::vector<Snapshot>* snaps, std::vector<std::string>* hosts,
                        Diagnostics* diags) {
  std::vector<std::string> paths = FixtureSnapshots(dir);
  // A deployment folder (compose file, nginx config) is a stack, read in place at the real time.
  bool stack = paths.empty() && LooksLikeStackFolder(dir);
  if (stack) paths.push_back(dir);
  for (const std::string& path : paths) {
    auto snap = stack ? ReadStackFolder(path, AuditClock::System(), diags) : LoadSnapshot(path);
    if (!snap.ok()) return "cannot load fixture: " + snap.status().ToString();
    hosts->push_back(snap->meta().host);
    snaps->push_back(std::move(snap).value());
  }
  if (snaps->empty()) return "cannot load fixture: neither a snapshot (no meta.json) nor a folder of snapshots";
  return "";
}

FixtureOutcome RunOne(const Rule& rule, const std::string& dir, bool expect_fire) {
  FixtureOutcome o{rule.id, dir, expect_fire, 0, ""};
  std::vector<Snapshot> snaps;
  std::vector<std::string> hosts;
  Diagnostics diags;
  o.problem = LoadFixture(dir, &snaps, &hosts, &diags);
  if (!o.problem.empty()) return o;
  // The audit clock of a fleet fixture is its first snapshot's.
  auto clock = AuditClock::Parse(snaps.front().meta().collected_at);
  auto db = LoadFacts(SourceOf(std::move(snaps)), clock.ok() ? *clock : AuditClock::System(), &diags);
  if (!db.ok()) {
    o.problem = db.status().ToString();
    return o;
  }
  auto found = EvaluateRule(**db, rule);
  if (!found.ok()) {
    o.problem = found.status().ToString();
    return o;
  }
  o.findings = static_cast<int>(found->size());
  if (expect_fire && o.findings == 0) o.problem = "rule did not fire";
  if (!expect_fire && o.findings > 0) {
    o.problem = "rule fired on a quiet fixture: " + (*found)[0].subject + " — " + (*found)[0].evidence;
  }
  if (!expect_fire && o.problem.empty()) o.problem = MissingFacts(**db, rule, hosts);
  if (o.problem.empty() && !diags.empty()) o.problem = "fixture has input errors: " + diags.all()[0].ToString();
  return o;
}

}  // namespace

std::vector<FixtureOutcome> RunRuleFixtures(const std::string& rules_dir) {
  std::vector<FixtureOutcome> out;
  auto files = ListFilesRecursive(rules_dir);
  if (!files.ok()) {
    out.push_back({"", rules_dir, false, 0, files.status().ToString()});
    return out;
  }
  for (const std::string& rel : *files) {
    if (!EndsWith(rel, ".yaml") || rel.find("/fires") != std::string::npos || rel.find("/quiet") != std::string::npos) {
      continue;
    }
    std::string path = rules_dir + "/" + rel;
    auto text = ReadWholeFile(path);
    if (!text.ok()) continue;
    auto rule = ParseRule(*text, path);
    if (!rule.ok()) {
      out.push_back({"", path, false, 0, rule.status().ToString()});
      continue;
    }
    if (rule->tables.empty()) out.push_back({rule->id, path, false, 0, "rule declares no tables"});
    std::string dir = path.substr(0, path.size() - 5);
    auto fires = FixtureDirs(dir, "fires");
    auto quiet = FixtureDirs(dir, "quiet");
    if (fires.empty()) out.push_back({rule->id, dir, true, 0, "no fires fixture"});
    if (quiet.empty()) out.push_back({rule->id, dir, false, 0, "no quiet fixture"});
    for (const auto& f : fires) out.push_back(RunOne(*rule, f, true));
    for (const auto& q : quiet) out.push_back(RunOne(*rule, q, false));
  }
  return out;
}

}  // namespace shipshape
