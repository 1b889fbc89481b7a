// Evaluation of rules over the fact database.
#pragma once

#include <vector>

#include "base/status.h"
#include "facts/fact_db.h"
#include "rules/finding.h"
#include "rules/rule.h"

namespace shipshape {

// Runs each rule's query once over all hosts. A query that fails (bad SQL, missing column) is
// reported in `errors` with the rule's file and line and the other rules still run.
// Required result columns: host, subject, evidence. Optional: file, line, severity.
std::vector<Finding> EvaluateRules(FactDb& db, const std::vector<Rule>& rules, std::vector<Status>* errors);

// Runs one rule (used by `rules test`).
Result<std::vector<Finding>> EvaluateRule(FactDb& db, const Rule& rule);

}  // namespace shipshape
