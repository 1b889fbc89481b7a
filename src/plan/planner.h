// The planner: findings → task instances → phases, ordered by their dependencies.
#pragma once

#include "base/status.h"
#include "plan/plan_model.h"
#include "plan/task_catalog.h"

namespace shipshape {

// Builds the plan of `report` from `catalog` (which must outlive the plan). Phase N holds the
// tasks resolving PN findings (the highest priority wins) and every prerequisite a task of phase N
// needs that would come later. A prerequisite is the same host's instance of a depends_on task;
// when that task resolves rules but has no instance there, nothing on the host needs doing and the
// dependency is met; a task that resolves no rule (a maintenance window) is added on demand.
// Errors: a dependency cycle, or a depends_on id the catalog lacks.
Result<Plan> BuildPlan(Report report, const TaskCatalog& catalog);

}  // namespace shipshape
