// The planner: instances from findings, then phases (each stage in its own file).
#include "plan/planner.h"

#include "plan/plan_phases.h"
#include "plan/task_instances.h"

namespace shipshape {

Result<Plan> BuildPlan(Report report, const TaskCatalog& catalog) {
  Plan plan;
  plan.report = std::move(report);
  if (Status st = InstantiateTasks(catalog, &plan); !st.ok()) return st;
  if (Status st = AssignPhases(&plan); !st.ok()) return st;
  return plan;
}

}  // namespace shipshape
