// The critical path of a dependency graph: the chain of prerequisites with the largest total effort.
#pragma once

#include <vector>

#include "plan/task_dag.h"

namespace shipshape {

struct CriticalPath {
  std::vector<int> nodes;  // first prerequisite first; empty for an empty graph
  int minutes = 0;         // the sum of the efforts along it
};

// `minutes[i]` is node i's effort. The graph must be acyclic (FindCycle). Ties go to the chain that
// ends at the lowest-numbered node, so the answer is stable.
CriticalPath LongestChain(const DepGraph& deps, const std::vector<int>& minutes);

}  // namespace shipshape
