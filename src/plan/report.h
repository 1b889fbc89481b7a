// The audit result that every renderer reads: hosts with their scorecard, the register, errors.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/status.h"
#include "facts/fact_db.h"
#include "rules/finding.h"

namespace shipshape {

enum class Grade { kCritical, kPoor, kFair, kGood, kUnknown, kNotApplicable };
std::string GradeName(Grade g);  // "Critical", …, "Unknown", "N/A"

struct HostReport {
  std::string host;
  std::string os;  // PRETTY_NAME, or "" when unknown
  std::string collected_at;
  std::string method;  // local | ssh | fixture | stack (snapshot meta.method)
  bool privileged = false;
  int score = 0;  // 1 (critical) … 5 (good)
  std::string primary_concern;
  std::map<std::string, Grade> categories;  // by category id
  std::map<std::string, std::string> category_notes;  // why (first findings, or why Unknown)
};

struct Report {
  std::string generated_at;  // RFC 3339 UTC, from the audit clock
  std::vector<HostReport> hosts;
  std::vector<Finding> findings;  // the register, sorted P1..P4, ids assigned
  std::vector<Diagnostic> errors;
};

// Sorts findings into the register (severity, host, rule, subject) and assigns ids "P1-01".
void BuildRegister(std::vector<Finding>* findings);
// Grades every host and category from findings and the coverage table.
Result<std::vector<HostReport>> BuildScorecard(FactDb& db, const std::vector<Finding>& findings);

}  // namespace shipshape
