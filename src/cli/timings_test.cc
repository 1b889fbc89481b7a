// audit --timings: the summary's median, p90 and slowest host.
#include "cli/timings.h"

#include <gtest/gtest.h>

namespace shipshape {
namespace {

TEST(TimingsSummary, MedianOfAnEvenCountIsTheMeanOfTheMiddleTwo) {
  std::string s = TimingsSummary({{"a", 4.0}, {"b", 1.0}, {"c", 2.0}, {"d", 9.5}}, 10.0, 0.25, 10.25);
  EXPECT_EQ(s,
            "timings: collect 4 hosts in 10.000 s, per host median 3.000 s, p90 9.500 s, max 9.500 s (d)\n"
            "timings: analyse (read snapshot files, facts, rules, report) 0.250 s\n"
            "timings: total 10.250 s\n");
}

TEST(TimingsSummary, WithoutRemoteHostsOnlyResolveAnalyseAndTotal) {
  EXPECT_EQ(TimingsSummary({}, 0.5, 1.0, 1.5),
            "timings: resolve targets 0.500 s\n"
            "timings: analyse (read snapshot files, facts, rules, report) 1.000 s\n"
            "timings: total 1.500 s\n");
}

}  // namespace
}  // namespace shipshape
