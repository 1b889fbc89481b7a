// Checks a merged catalog: every id it names exists, every task can be verified, no cycle.
#include "plan/catalog_check.h"

#include <algorithm>
#include <map>

#include "plan/task_dag.h"

namespace shipshape {
namespace {

int KeyLine(const CatalogTask& t, const std::string& key) {
  auto it = t.key_lines.find(key);
  return it == t.key_lines.end() ? t.line : it->second;
}

void CheckRuleIds(const CatalogTask& t, const std::set<std::string>& rule_ids, std::vector<Status>& errors) {
  for (const std::string& r : t.resolves) {
    if (!rule_ids.count(r)) {
      errors.push_back(
          Status::Invalid("task '" + t.id + "' resolves unknown rule '" + r + "'", t.source, KeyLine(t, "resolves")));
    }
  }
  for (const std::string& r : t.accept_rules) {
    bool reported = std::find(t.resolves.begin(), t.resolves.end(), r) != t.resolves.end();
    if (!rule_ids.count(r) && !reported) {
      errors.push_back(Status::Invalid("task '" + t.id + "' accepts on unknown rule '" + r + "'", t.source,
                                       KeyLine(t, "acceptance")));
    }
  }
  if (t.accept_rules.empty() && t.accept_sql.empty() && !t.human_action) {
    errors.push_back(Status::Invalid("task '" + t.id +
                                         "' has no way to verify it: no acceptance rules or sql, and "
                                         "not a human action",
                                     t.source, t.line));
  }
}

}  // namespace

std::vector<Status> CheckCatalog(const std::vector<CatalogTask>& tasks, const std::set<std::string>& rule_ids) {
  std::vector<Status> errors;
  std::map<std::string, int> index;
  for (size_t i = 0; i < tasks.size(); ++i) index[tasks[i].id] = static_cast<int>(i);
  DepGraph deps(tasks.size());
  for (size_t i = 0; i < tasks.size(); ++i) {
    const CatalogTask& t = tasks[i];
    CheckRuleIds(t, rule_ids, errors);
    for (const std::string& d : t.depends_on) {
      auto it = index.find(d);
      if (it == index.end()) {
        errors.push_back(Status::Invalid("task '" + t.id + "' depends on unknown task '" + d + "'", t.source,
                                         KeyLine(t, "depends_on")));
      } else {
        deps[i].push_back(it->second);
      }
    }
  }
  std::vector<int> cycle = FindCycle(deps);
  if (!cycle.empty()) {
    std::string names;
    for (int node : cycle) names += (names.empty() ? "" : " -> ") + tasks[node].id;
    const CatalogTask& first = tasks[cycle.front()];
    errors.push_back(Status::Invalid("dependency cycle: " + names, first.source, KeyLine(first, "depends_on")));
  }
  return errors;
}

std::vector<std::string> UnresolvedRules(const std::vector<CatalogTask>& tasks, const std::set<std::string>& rule_ids) {
  std::set<std::string> resolved;
  for (const CatalogTask& t : tasks) resolved.insert(t.resolves.begin(), t.resolves.end());
  std::vector<std::string> out;
  for (const std::string& r : rule_ids) {
    if (!resolved.count(r)) out.push_back(r);
  }
  return out;
}

}  // namespace shipshape
