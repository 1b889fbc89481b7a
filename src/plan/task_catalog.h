// The task catalog: what an administrator does to resolve each rule's findings (catalog/*.yaml).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace shipshape {

enum class TaskRisk { kLow, kMedium, kHigh };
enum class TaskScope { kHost, kFinding, kFleet };  // `per:` one instance per host, per finding, one for all
std::string TaskRiskName(TaskRisk r);              // "low" | "medium" | "high"

struct CatalogTask {
  std::string id;                     // [a-z0-9-]+
  std::string title;                  // templated like steps
  std::vector<std::string> resolves;  // rule ids; empty for a pure prerequisite (pulled in on demand)
  int effort_minutes = 0;             // per instance
  std::string effort;                 // as written: "4h"
  TaskRisk risk = TaskRisk::kLow;
  std::string risk_note;  // what can go wrong; may be empty
  std::string rollback;
  std::vector<std::string> steps;         // templated: {host} {subject} {evidence} {file} {line} {rule}, any column
  std::vector<std::string> accept_rules;  // default: resolves
  std::string accept_sql;                 // optional; :host is bound to each host
  std::vector<std::string> accept_notes;  // acceptance.notes: criteria a person checks (Markdown only)
  std::vector<std::string> depends_on;    // task ids
  bool human_action = false;
  TaskScope per = TaskScope::kHost;
  std::string source;                    // file it was read from
  int line = 0;                          // line of its `- id:`
  std::map<std::string, int> key_lines;  // line of each key, for messages ("depends_on" → 14)
};

// Parses one catalog file (`tasks:` list). Every malformed task is an error with file:line in
// `errors`; the well-formed tasks are returned.
std::vector<CatalogTask> ParseCatalogFile(std::string_view yaml_text, const std::string& source,
                                          std::vector<Status>* errors);

struct TaskCatalog {
  std::vector<CatalogTask> tasks;  // sorted by id
  const CatalogTask* Find(const std::string& id) const;
};

// Where catalog files come from, lowest precedence first. A task of a later layer with the same id
// replaces the earlier one; the same id twice within one layer is an error.
struct CatalogSources {
  bool embedded = true;           // catalog/*.yaml compiled into the binary
  std::vector<std::string> dirs;  // user folders (--catalog, $XDG_CONFIG_HOME/shipshape/catalog)
  // In-memory files for tests: {source name, text}; one layer after the folders.
  std::vector<std::pair<std::string, std::string>> texts;
};

// The folders a user's catalog is read from: $XDG_CONFIG_HOME/shipshape/catalog when it exists,
// then `cli_dir` when given.
std::vector<std::string> UserCatalogDirs(const std::string& cli_dir);

// Loads and merges every layer, then validates against `rule_ids` (catalog_check.h). Each error
// is "file:line: message"; a plan must not be built from a catalog with errors.
struct CatalogLoad {
  TaskCatalog catalog;
  std::vector<Status> errors;
};
CatalogLoad LoadTaskCatalog(const CatalogSources& sources, const std::vector<std::string>& rule_ids);

}  // namespace shipshape
