// Rule evaluation: prepare, step, turn rows into findings.
#include "rules/rule_engine.h"

#include <set>
#include <tuple>

namespace shipshape {

Result<std::vector<Finding>> EvaluateRule(FactDb& db, const Rule& rule) {
  auto stmt = db.db().Prepare(rule.query);
  if (!stmt.ok()) return Status::Invalid("rule " + rule.id + ": " + stmt.status().message(), rule.source, rule.query_line);
  Statement& s = **stmt;
  std::map<std::string, int> col;
  for (int i = 0; i < s.ColumnCount(); ++i) col[s.ColumnName(i)] = i;
  for (const char* required : {"host", "subject", "evidence"}) {
    if (!col.count(required)) {
      return Status::Invalid("rule " + rule.id + ": query must return a '" + required + "' column", rule.source,
                             rule.query_line);
    }
  }
  std::vector<Finding> out;
  std::set<std::tuple<std::string, std::string, std::string>> seen;  // host, subject, file
  Status st;
  while (s.Step(&st)) {
    Finding f;
    f.rule = rule.id;
    f.title = rule.title;
    f.category = rule.category;
    f.severity = rule.severity;
    f.impact = rule.impact;
    f.host = s.ColumnText(col["host"]);
    f.subject = s.ColumnText(col["subject"]);
    f.evidence = s.ColumnText(col["evidence"]);
    if (col.count("file")) f.file = s.ColumnText(col["file"]);
    if (col.count("line")) f.line = static_cast<int>(s.ColumnInt(col["line"]));
    if (col.count("severity") && !s.ColumnIsNull(col["severity"])) {
      Severity override_sev;
      if (ParseSeverity(s.ColumnText(col["severity"]), &override_sev)) f.severity = override_sev;
    }
    for (const auto& [name, index] : col) f.columns[name] = s.ColumnText(index);
    if (!seen.insert({f.host, f.subject, f.file}).second) continue;
    out.push_back(std::move(f));
  }
  if (!st.ok()) return Status::Invalid("rule " + rule.id + ": " + st.message(), rule.source, rule.query_line);
  return out;
}

std::vector<Finding> EvaluateRules(FactDb& db, const std::vector<Rule>& rules, std::vector<Status>* errors) {
  std::vector<Finding> all;
  for (const Rule& r : rules) {
    auto found = EvaluateRule(db, r);
    if (!found.ok()) {
      if (errors) errors->push_back(found.status());
      continue;
    }
    for (Finding& f : *found) all.push_back(std::move(f));
  }
  return all;
}

}  // namespace shipshape
