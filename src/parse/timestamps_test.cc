// Tests of timestamp normalization.
#include "parse/timestamps.h"

#include <gtest/gtest.h>

namespace shipshape {
namespace {

TEST(Timestamps, NormalizesDockerForms) {
  struct Case {
    const char* in;
    const char* out;
  };
  for (const Case& c :
       {Case{"2025-06-23T08:11:28.275360263Z", "2025-06-23T08:11:28Z"},
        Case{"2026-06-29T15:38:12.001200309+08:00", "2026-06-29T07:38:12Z"},
        Case{"2021-03-01 10:00:00 +0000 UTC", "2021-03-01T10:00:00Z"},
        Case{"2023-06-28 04:42:50 -0400 EDT", "2023-06-28T08:42:50Z"},
        Case{"2024-02-29T23:30:00-01:00", "2024-03-01T00:30:00Z"}, Case{"1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"},
        Case{"2021-03-01 10:00:00 UTC", "2021-03-01T10:00:00Z"}}) {
    EXPECT_EQ(NormalizeTimestamp(c.in).value_or("nullopt"), c.out) << c.in;
  }
}

TEST(Timestamps, RejectsGarbageAndGoZeroTime) {
  for (const char* in : {"", "0001-01-01T00:00:00Z", "2021-13-01T00:00:00Z", "2021-03-01", "yesterday",
                         "2021-03-01T10:00:00Zjunk", "2021-03-01T10:00:00+25:00"}) {
    EXPECT_FALSE(NormalizeTimestamp(in).has_value()) << in;
  }
  EXPECT_EQ(ParseTimestamp("2026-06-14T10:00:00Z").value_or(0), 1781431200);
}

}  // namespace
}  // namespace shipshape
