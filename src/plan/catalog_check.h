// Validation of a merged task catalog: rule ids, dependencies, cycles.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "plan/task_catalog.h"

namespace shipshape {

// Errors (file:line: message) for: a rule id in resolves or acceptance that no rule has, a
// depends_on id that no task has, a task with no way to verify it (no acceptance and not a human
// action), and a dependency cycle (named: "a -> b -> a").
std::vector<Status> CheckCatalog(const std::vector<CatalogTask>& tasks, const std::set<std::string>& rule_ids);

// The rule ids no task resolves, sorted.
std::vector<std::string> UnresolvedRules(const std::vector<CatalogTask>& tasks, const std::set<std::string>& rule_ids);

}  // namespace shipshape
