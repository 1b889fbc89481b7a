// `audit --timings`: a summary of where an audit's wall time went, written to standard error.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace shipshape {

// "collect: N hosts, median X s, p90 Y s, max Z s (slowest: alias)" (nothing without remote
// hosts), then "analyse: S s" and "total: T s". Seconds with three decimals.
std::string TimingsSummary(const std::vector<std::pair<std::string, double>>& collect_seconds,
                           double collect_wall, double analyse_wall, double total_wall);

}  // namespace shipshape
