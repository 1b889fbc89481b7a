// Longest chain by effort over a DAG, by dynamic programming in topological order.
#include "plan/critical_path.h"

#include <algorithm>

namespace shipshape {

CriticalPath LongestChain(const DepGraph& deps, const std::vector<int>& minutes) {
  const int n = static_cast<int>(deps.size());
  std::vector<int> order = TopologicalOrder(deps, [](int a, int b) { return a < b; });
  std::vector<int> best(n, 0), via(n, -1);  // best chain ending at i, and its previous node
  for (int node : order) {
    best[node] = minutes[node];
    for (int d : deps[node]) {
      if (best[d] + minutes[node] > best[node] || (best[d] + minutes[node] == best[node] && via[node] > d)) {
        best[node] = best[d] + minutes[node];
        via[node] = d;
      }
    }
  }
  CriticalPath path;
  int end = -1;
  for (int i = 0; i < n; ++i) {
    if (end < 0 || best[i] > best[end]) end = i;
  }
  if (end < 0) return path;
  path.minutes = best[end];
  for (int node = end; node >= 0; node = via[node]) path.nodes.push_back(node);
  std::reverse(path.nodes.begin(), path.nodes.end());
  return path;
}

}  // namespace shipshape
