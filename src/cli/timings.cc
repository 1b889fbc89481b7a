// The `audit --timings` summary.
#include "cli/timings.h"

#include <algorithm>
#include <cstdio>

namespace shipshape {
namespace {

std::string Seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f s", s);
  return buf;
}

// The value at quantile q (0..1) of sorted values, nearest rank; the median of an even count is
// the mean of the two middle values.
double Quantile(const std::vector<double>& sorted, double q) {
  if (q == 0.5 && sorted.size() % 2 == 0) {
    return (sorted[sorted.size() / 2 - 1] + sorted[sorted.size() / 2]) / 2;
  }
  size_t rank = static_cast<size_t>(q * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(rank, sorted.size() - 1)];
}

}  // namespace

std::string TimingsSummary(const std::vector<std::pair<std::string, double>>& collect_seconds,
                           double collect_wall, double analyse_wall, double total_wall) {
  std::string out;
  if (!collect_seconds.empty()) {
    std::vector<double> sorted;
    for (const auto& [alias, s] : collect_seconds) sorted.push_back(s);
    std::sort(sorted.begin(), sorted.end());
    auto slowest = std::max_element(collect_seconds.begin(), collect_seconds.end(),
                                    [](const auto& a, const auto& b) { return a.second < b.second; });
    out += "timings: collect " + std::to_string(sorted.size()) + " hosts in " + Seconds(collect_wall) +
           ", per host median " + Seconds(Quantile(sorted, 0.5)) + ", p90 " + Seconds(Quantile(sorted, 0.9)) +
           ", max " + Seconds(sorted.back()) + " (" + slowest->first + ")\n";
  } else {
    out += "timings: resolve targets " + Seconds(collect_wall) + "\n";
  }
  out += "timings: analyse (read snapshot files, facts, rules, report) " + Seconds(analyse_wall) + "\n";
  out += "timings: total " + Seconds(total_wall) + "\n";
  return out;
}

}  // namespace shipshape
