// Pieces of the plan file reader shared by its files (not a public interface).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/yaml.h"
#include "plan/plan_file.h"

namespace shipshape::plan_reader {

// The file being read, for error messages.
struct Source {
  std::string file;
  Status Error(const std::string& message, int line) const { return Status::Invalid(message, file, line); }
};

// Every key of `map` must be in `known`; else "unknown key 'k' in WHAT" at the key's line.
Status CheckKeys(const Source& src, const YamlNode& map, const std::set<std::string>& known, const std::string& what);
// A list of non-empty scalars (a missing or null node is an empty list; a lone scalar is an error).
Status ScalarList(const Source& src, const YamlNode& node, const std::string& what, std::vector<std::string>* out);
// "true"/"false" (also yes/no, on/off).
Status Bool(const Source& src, const YamlNode& node, const std::string& what, bool* out);

// Reads the `accept:` list of task `task_id`.
Status ReadAcceptList(const Source& src, const YamlNode& node, const std::string& task_id,
                      std::vector<AcceptCheck>* out);
// Ids unique, dependencies known and acyclic, task hosts inside the plan's hosts.
Status CheckPlanGraph(const PlanFile& plan);

}  // namespace shipshape::plan_reader
