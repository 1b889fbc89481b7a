// Tests of Ansible host pattern expansion and ports.
#include "fleet/host_pattern.h"

#include <gtest/gtest.h>

namespace shipshape {
namespace {

using V = std::vector<std::string>;

TEST(HostPattern, ExpandsRangesAndReadsPorts) {
  struct Case {
    const char* in;
    V names;
    int port;
  } cases[] = {
      {"web[1:3]", {"web1", "web2", "web3"}, 0},
      {"web[08:10].example.com:2222", {"web08.example.com", "web09.example.com", "web10.example.com"}, 2222},
      {"[x:z]-db", {"x-db", "y-db", "z-db"}, 0},
      {"r[1:2]c[a:b]", {"r1ca", "r1cb", "r2ca", "r2cb"}, 0},
      {"[:2]", {"0", "1", "2"}, 0},
      {"fe80::1", {"fe80::1"}, 0},
      {"[2001:db8::5]:22", {"2001:db8::5"}, 22},
      {"plain[1]", {"plain[1]"}, 0},
  };
  for (const Case& c : cases) {
    Result<HostPattern> r = ExpandHostPattern(c.in);
    ASSERT_TRUE(r.ok()) << c.in << ": " << r.status().message();
    EXPECT_EQ(r->names, c.names) << c.in;
    EXPECT_EQ(r->port, c.port) << c.in;
  }
}

TEST(HostPattern, RefusesBadRanges) {
  EXPECT_EQ(ExpandHostPattern("w[a:5]").status().message(), "host range must be numbers or single letters");
  EXPECT_EQ(ExpandHostPattern("w[1:]").status().message(), "host range must specify an end value");
  EXPECT_EQ(ExpandHostPattern("w[1:5:0]").status().message(), "host range step must be a positive number");
  EXPECT_EQ(ExpandHostPattern("w[c:a]").status().message(), "host range must have begin <= end");
  EXPECT_EQ(ExpandHostPattern("a[0:999]b[0:999]").status().message(), "host range expands to too many hosts");
  EXPECT_EQ(ExpandHostPattern(":22").status().message(), "empty host name");
}

}  // namespace
}  // namespace shipshape
