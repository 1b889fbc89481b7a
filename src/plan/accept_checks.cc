// The accept checker: dispatch by kind, `rule:` checks through the rule engine, `sql:` checks.
#include "plan/accept_checks.h"

#include <cctype>

#include "base/strings.h"
#include "facts/schema.h"
#include "plan/stack_paths.h"
#include "rules/rule_engine.h"

namespace shipshape {
namespace {

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Whether `word` occurs in `text` as a whole identifier (case-insensitive).
bool MentionsWord(const std::string& text, const std::string& word) {
  const std::string lower = ToLower(text);
  for (size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
    bool left = at == 0 || !IsWordChar(lower[at - 1]);
    bool right = at + word.size() >= lower.size() || !IsWordChar(lower[at + word.size()]);
    if (left && right) return true;
  }
  return false;
}

// The first per-host fact table the query reads that holds nothing of `host`, or "".
std::string EmptyTableOf(Database& db, const std::string& sql, const std::string& host) {
  for (const TableDef* t : AllTables()) {
    if (t->per_host && MentionsWord(sql, t->name) && !HostHasRows(db, t->name, host)) return t->name;
  }
  return "";
}

bool Privileged(Database& db, const std::string& host) {
  auto stmt = db.Prepare("SELECT privileged FROM hosts WHERE host = ? LIMIT 1");
  if (!stmt.ok()) return false;
  (*stmt)->BindText(1, host);
  Status st;
  return (*stmt)->Step(&st) && (*stmt)->ColumnInt(0) == 1;
}

// How the rule's category was read on the host: "" when read; else why it is unknown.
std::string CoverageGap(Database& db, const std::string& category, const std::string& host) {
  auto stmt = db.Prepare("SELECT state, source, detail FROM coverage WHERE host = ? AND category = ?");
  if (!stmt.ok()) return "coverage not available";
  (*stmt)->BindText(1, host);
  (*stmt)->BindText(2, category);
  bool ok = false, absent = false;
  std::string error;
  Status st;
  while ((*stmt)->Step(&st)) {
    std::string state = (*stmt)->ColumnText(0);
    if (state == "ok") ok = true;
    if (state == "absent") absent = true;
    if (state == "error" && error.empty()) error = (*stmt)->ColumnText(1) + ": " + (*stmt)->ColumnText(2);
  }
  if (!error.empty()) return "the " + category + " facts could not be read (" + error + ")";
  if (ok || absent) return "";
  return "no " + category + " facts in the snapshot";
}

// The query on one line, cut at 100 characters, to say which check failed.
std::string ShortSql(const std::string& sql) {
  std::string one;
  for (std::string_view w : SplitWhitespace(sql)) one += (one.empty() ? "" : " ") + std::string(w);
  return one.size() > 100 ? one.substr(0, 97) + "..." : one;
}

}  // namespace

std::string CheckStateName(CheckState s) {
  switch (s) {
    case CheckState::kPass:
      return "pass";
    case CheckState::kFail:
      return "fail";
    default:
      return "unknown";
  }
}

bool HostHasRows(Database& db, const std::string& table, const std::string& host) {
  auto stmt = db.Prepare("SELECT 1 FROM " + table + " WHERE host = ? LIMIT 1");
  if (!stmt.ok()) return false;
  (*stmt)->BindText(1, host);
  Status st;
  return (*stmt)->Step(&st);
}

AcceptChecker::AcceptChecker(FactDb& db, std::vector<Rule> rules) : db_(db) {
  for (Rule& r : rules) rules_[r.id] = std::move(r);
}

Status AcceptChecker::Validate(const PlanFile& plan) {
  for (const PlanTask* t : plan.Tasks()) {
    for (const AcceptCheck& c : t->accept) {
      if (c.kind == AcceptCheck::Kind::kRule && !rules_.count(c.rule)) {
        return Status::Invalid("task " + t->id + ": unknown rule " + c.rule + " (see `shipshape rules list`)",
                               plan.file, c.line);
      }
      if (c.kind != AcceptCheck::Kind::kSql) continue;
      auto stmt = db_.db().Prepare(c.sql);
      if (!stmt.ok()) return Status::Invalid("task " + t->id + ": " + stmt.status().message(), plan.file, c.line);
    }
  }
  return Status::Ok();
}

CheckOutcome AcceptChecker::Evaluate(const AcceptCheck& c, const std::string& host) {
  switch (c.kind) {
    case AcceptCheck::Kind::kRule:
      return RuleCheck(c, host);
    case AcceptCheck::Kind::kSql:
      return SqlCheck(c, host);
    case AcceptCheck::Kind::kPath:
      return CheckPath(db_.db(), c, host);
    case AcceptCheck::Kind::kPort:
      return CheckPort(db_.db(), c, host);
    case AcceptCheck::Kind::kService:
      return CheckService(db_.db(), c, host);
  }
  return {CheckState::kUnknown, "unknown check"};
}

const std::vector<Finding>* AcceptChecker::FindingsOf(const std::string& rule_id, std::string* error) {
  if (auto it = findings_.find(rule_id); it != findings_.end()) return &it->second;
  if (auto it = rule_errors_.find(rule_id); it != rule_errors_.end()) {
    *error = it->second;
    return nullptr;
  }
  auto rule = rules_.find(rule_id);
  auto found = rule == rules_.end() ? Result<std::vector<Finding>>(Status::NotFound("no rule " + rule_id))
                                    : EvaluateRule(db_, rule->second);
  if (found.ok()) (void)MakeStackFindingsRelative(db_, &*found, nullptr);  // reasons name files as audit does
  if (!found.ok()) {
    *error = rule_errors_[rule_id] = found.status().message();
    return nullptr;
  }
  return &(findings_[rule_id] = std::move(*found));
}

CheckOutcome AcceptChecker::RuleCheck(const AcceptCheck& c, const std::string& host) {
  std::string error;
  const std::vector<Finding>* findings = FindingsOf(c.rule, &error);
  if (!findings) return {CheckState::kUnknown, "rule " + c.rule + " could not be evaluated: " + error};
  int count = 0;
  const Finding* first = nullptr;
  for (const Finding& f : *findings) {
    if (f.host != host) continue;
    if (!first) first = &f;
    ++count;
  }
  if (first) {
    std::string more = count > 1 ? " (and " + std::to_string(count - 1) + " more)" : "";
    return {CheckState::kFail, c.rule + ": " + first->subject + ": " + first->evidence + more};
  }
  std::string gap = CoverageGap(db_.db(), rules_.at(c.rule).category, host);
  if (!gap.empty()) return {CheckState::kUnknown, c.rule + " gives no finding, but " + gap};
  return {CheckState::kPass, c.rule + " gives no finding"};
}

CheckOutcome AcceptChecker::SqlCheck(const AcceptCheck& c, const std::string& host) {
  auto stmt = db_.db().Prepare(c.sql);
  if (!stmt.ok()) return {CheckState::kUnknown, "sql: " + stmt.status().message()};
  if (c.sql.find(":host") != std::string::npos) (*stmt)->BindText(1, host);
  Status st;
  bool row = (*stmt)->Step(&st);
  if (!st.ok()) return {CheckState::kUnknown, "sql: " + st.message()};
  if (row) return {CheckState::kPass, "the query returns a row"};
  // As root the collector reads everything: an empty table is a real "none". Without root, a
  // table with nothing of the host may just not have been readable.
  std::string empty = Privileged(db_.db(), host) ? "" : EmptyTableOf(db_.db(), c.sql, host);
  if (!empty.empty())
    return {CheckState::kUnknown, "no " + empty + " facts of " + host + " (not collected or not readable)"};
  return {CheckState::kFail, "no row from: " + ShortSql(c.sql)};
}

}  // namespace shipshape
