// A rule: metadata and one SQL query over the fact tables; each returned row is a finding.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"

namespace shipshape {

enum class Severity { kP1 = 1, kP2 = 2, kP3 = 3, kP4 = 4 };

std::string SeverityName(Severity s);  // "P1"
bool ParseSeverity(const std::string& text, Severity* out);

struct Rule {
  std::string id;        // "SSH-ROOT-LOGIN"
  std::string title;     // one line
  std::string category;  // a scorecard category id (see plan/categories.h)
  Severity severity = Severity::kP3;
  std::string impact;       // what happens if it is left alone
  std::string description;  // why it matters and what the query looks for
  std::string remediation;  // what to do, briefly
  std::vector<std::string> tables;  // fact tables the query reads (for docs and coverage checks)
  std::string query;
  std::string source;  // where the rule was read from (embedded path or file)
  int query_line = 0;  // line of `query:` in the source, for SQL error messages
};

// Parses one rule file. Errors name the file and the line.
Result<Rule> ParseRule(std::string_view yaml_text, const std::string& source);

// The rules compiled into the binary, plus those of `extra_dirs` (a user's own; same id replaces).
// Broken rule files are reported in `errors` and skipped.
std::vector<Rule> LoadRules(const std::vector<std::string>& extra_dirs, std::vector<Status>* errors);

}  // namespace shipshape
