// A dependency graph over numbered nodes: cycle detection and a stable topological order.
#pragma once

#include <functional>
#include <vector>

namespace shipshape {

// deps[i] lists the nodes node i depends on (its prerequisites), each < deps.size().
using DepGraph = std::vector<std::vector<int>>;

// A cycle as the nodes along it, first node repeated at the end ("a b c a"), or empty when the
// graph is acyclic. Finds the cycle reachable first from the lowest-numbered node.
std::vector<int> FindCycle(const DepGraph& deps);

// Every node after its prerequisites; among the nodes ready at a time, the one `before` orders
// first. Empty when the graph has a cycle (call FindCycle first to name it).
std::vector<int> TopologicalOrder(const DepGraph& deps, const std::function<bool(int, int)>& before);

}  // namespace shipshape
