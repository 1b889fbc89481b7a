// Phases of a plan (a planner stage): which phase each task goes to, groups, order, effort.
#pragma once

#include "base/status.h"
#include "plan/plan_model.h"

namespace shipshape {

// Given linked instances (task_instances.h): puts each in the phase of its priority, pulls
// prerequisites forward into the earliest phase of a task that needs them, groups the instances of
// one catalog task per phase, orders groups topologically (ties: priority, first host, task id)
// and instances by host, numbers them, reorders plan->tasks into that order, and computes the
// effort and critical path of every phase and of the whole plan.
// Errors: a dependency cycle among the instances, named.
Status AssignPhases(Plan* plan);

}  // namespace shipshape
