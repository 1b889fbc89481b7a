// A generated plan: phases of task instances built from the findings and the task catalog.
#pragma once

#include <string>
#include <vector>

#include "plan/critical_path.h"
#include "plan/report.h"
#include "plan/task_catalog.h"

namespace shipshape {

// One catalog task applied to one host (or one finding, or the fleet).
struct PlannedTask {
  const CatalogTask* task = nullptr;  // points into the catalog the plan was built from
  std::vector<std::string> hosts;     // one host, or every host of a fleet task
  std::vector<int> findings;          // indices into Report::findings that it resolves (may be empty)
  Severity priority = Severity::kP4;  // highest priority of its findings; of its phase when it has none
  int phase = 4;                      // 1..4
  std::vector<int> deps;              // indices into Plan::tasks of its prerequisites
  bool pulled = false;                // moved to an earlier phase (or added) because a later task needs it
  std::string number;                 // "1.2.1": phase, group, place in the group
  std::string title;                  // templated
  std::vector<std::string> steps;     // templated
};

// The instances of one catalog task inside one phase: "Task 1.2" in the Markdown, a group in the
// plan file.
struct PhaseGroup {
  std::string number;  // "1.2"
  std::string title;   // the catalog title for all its hosts and findings
  const CatalogTask* task = nullptr;
  std::vector<int> tasks;  // indices into Plan::tasks, by host
};

struct PlanPhase {
  int number = 1;  // = the priority it eliminates
  std::string title, goal;
  std::vector<PhaseGroup> groups;  // in a topological order
  int effort_minutes = 0;          // summed over its tasks
  CriticalPath critical_path;      // inside the phase (nodes index Plan::tasks)
};

struct Plan {
  Report report;
  std::vector<PlannedTask> tasks;  // in plan order: phase, then group, then host
  std::vector<PlanPhase> phases;   // only phases with tasks, in order
  CriticalPath critical_path;      // over the whole DAG (nodes index Plan::tasks)
  int total_minutes = 0;
  std::vector<int> unplanned;  // findings no catalog task resolves (indices into report.findings)
};

}  // namespace shipshape
