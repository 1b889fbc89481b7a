// A finding: one row returned by one rule's query.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "rules/rule.h"

namespace shipshape {

struct Finding {
  std::string id;  // register id, "P1-03", assigned by the planner
  std::string rule;
  std::string title;
  std::string category;
  Severity severity = Severity::kP3;
  std::string host;
  std::string subject;   // what the finding is about: "port 27017/tcp", "container v41-prod"
  std::string evidence;  // the facts that show it, never a secret value
  std::string impact;
  std::string file;  // empty when not tied to a file
  int line = 0;
  std::map<std::string, std::string> columns;  // every column the query returned, for task templates
};

}  // namespace shipshape
