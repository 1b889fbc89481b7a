// Accept checks of a plan evaluated against the fact database: pass, fail or unknown, with a reason.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "facts/fact_db.h"
#include "plan/plan_file.h"
#include "rules/finding.h"
#include "rules/rule.h"

namespace shipshape {

// kUnknown: the facts the check needs were not in the snapshot (not collected, not readable
// without root). An unknown check never counts as passed.
enum class CheckState { kPass, kFail, kUnknown };
std::string CheckStateName(CheckState s);  // "pass" | "fail" | "unknown"

struct CheckOutcome {
  CheckState state = CheckState::kUnknown;
  std::string reason;  // one line: "port 2222/tcp also listens on 0.0.0.0 (sshd)"
};

// Evaluates checks over one loaded fact database (every host of the status run in it). Rules are
// evaluated once each, on first use, over all hosts. Not thread-safe.
class AcceptChecker {
 public:
  AcceptChecker(FactDb& db, std::vector<Rule> rules);

  // Plan errors found before any check runs, at the check's file:line: a rule id that no loaded
  // rule has, SQL that does not prepare against the fact tables.
  Status Validate(const PlanFile& plan);

  CheckOutcome Evaluate(const AcceptCheck& check, const std::string& host);

 private:
  CheckOutcome RuleCheck(const AcceptCheck& c, const std::string& host);
  CheckOutcome SqlCheck(const AcceptCheck& c, const std::string& host);
  const std::vector<Finding>* FindingsOf(const std::string& rule_id, std::string* error);

  FactDb& db_;
  std::map<std::string, Rule> rules_;                     // by id
  std::map<std::string, std::vector<Finding>> findings_;  // by rule id, once evaluated
  std::map<std::string, std::string> rule_errors_;        // by rule id: why it could not run
};

// The checks on facts that need no rule engine (accept_fact_checks.cc).
CheckOutcome CheckPath(Database& db, const AcceptCheck& c, const std::string& host);
CheckOutcome CheckPort(Database& db, const AcceptCheck& c, const std::string& host);
CheckOutcome CheckService(Database& db, const AcceptCheck& c, const std::string& host);

// Whether `table` holds any row of `host`: a check over an empty table cannot tell "absent" from
// "not collected", so it is unknown rather than failed.
bool HostHasRows(Database& db, const std::string& table, const std::string& host);

}  // namespace shipshape
