// Cycle detection (depth-first, iterative) and Kahn's topological order with a tie-break.
#include "plan/task_dag.h"

#include <algorithm>
#include <set>

namespace shipshape {
namespace {

enum class Mark { kNew, kOnPath, kDone };

// Walks depth-first from `root`; returns the cycle when it meets a node still on the path.
std::vector<int> CycleFrom(const DepGraph& deps, int root, std::vector<Mark>& mark) {
  std::vector<std::pair<int, size_t>> stack{{root, 0}};  // node, next dependency to visit
  mark[root] = Mark::kOnPath;
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    if (next == deps[node].size()) {
      mark[node] = Mark::kDone;
      stack.pop_back();
      continue;
    }
    int dep = deps[node][next++];
    if (mark[dep] == Mark::kOnPath) {
      std::vector<int> cycle;
      auto from = std::find_if(stack.begin(), stack.end(), [&](const auto& e) { return e.first == dep; });
      for (auto it = from; it != stack.end(); ++it) cycle.push_back(it->first);
      cycle.push_back(dep);
      return cycle;
    }
    if (mark[dep] == Mark::kNew) {
      mark[dep] = Mark::kOnPath;
      stack.push_back({dep, 0});
    }
  }
  return {};
}

}  // namespace

std::vector<int> FindCycle(const DepGraph& deps) {
  std::vector<Mark> mark(deps.size(), Mark::kNew);
  for (size_t i = 0; i < deps.size(); ++i) {
    if (mark[i] != Mark::kNew) continue;
    std::vector<int> cycle = CycleFrom(deps, static_cast<int>(i), mark);
    if (!cycle.empty()) return cycle;
  }
  return {};
}

std::vector<int> TopologicalOrder(const DepGraph& deps, const std::function<bool(int, int)>& before) {
  const int n = static_cast<int>(deps.size());
  std::vector<int> waiting(n, 0);
  std::vector<std::vector<int>> dependants(n);
  for (int i = 0; i < n; ++i) {
    for (int d : deps[i]) {
      ++waiting[i];
      dependants[d].push_back(i);
    }
  }
  auto cmp = [&](int a, int b) { return before(a, b) || (!before(b, a) && a < b); };
  std::set<int, decltype(cmp)> ready(cmp);
  for (int i = 0; i < n; ++i) {
    if (waiting[i] == 0) ready.insert(i);
  }
  std::vector<int> order;
  while (!ready.empty()) {
    int node = *ready.begin();
    ready.erase(ready.begin());
    order.push_back(node);
    for (int d : dependants[node]) {
      if (--waiting[d] == 0) ready.insert(d);
    }
  }
  if (static_cast<int>(order.size()) != n) return {};
  return order;
}

}  // namespace shipshape
