// From findings to task instances and the dependency edges between them (a planner stage).
#pragma once

#include <vector>

#include "base/status.h"
#include "plan/plan_model.h"

namespace shipshape {

// Creates the instances of `plan->report`'s findings (per host, per finding or per fleet as each
// task says), links each to its prerequisites' instances (planner.h says which) and fills their
// titles, steps and priorities. Findings no task resolves go to plan->unplanned.
// Errors: a depends_on id the catalog lacks.
Status InstantiateTasks(const TaskCatalog& catalog, Plan* plan);

}  // namespace shipshape
