// Tests of the IP address classification (ip_scope.h).
#include "parse/ip_scope.h"

#include <gtest/gtest.h>

namespace shipshape {
namespace {

struct ScopeCase {
  const char* addr;
  const char* scope;
  const char* canonical;
  int family;
};

TEST(IpScope, ClassifiesAddressesAsToolsPrintThem) {
  const ScopeCase kCases[] = {
      {"127.0.0.1", "loopback", "127.0.0.1", 4},
      {"127.0.0.53%lo", "loopback", "127.0.0.53", 4},
      {"127.255.0.9", "loopback", "127.255.0.9", 4},
      {"::1", "loopback", "::1", 6},
      {"[::1]", "loopback", "::1", 6},
      {"0:0:0:0:0:0:0:1", "loopback", "::1", 6},
      {"::ffff:127.0.0.1", "loopback", "127.0.0.1", 4},
      {"[::ffff:127.0.0.1]", "loopback", "127.0.0.1", 4},
      {"0.0.0.0", "any", "0.0.0.0", 4},
      {"0.0.0.0%eth0", "any", "0.0.0.0", 4},
      {"::", "any", "::", 6},
      {"[::]", "any", "::", 6},
      {"10.0.0.5", "private", "10.0.0.5", 4},
      {"172.16.0.1", "private", "172.16.0.1", 4},
      {"172.31.255.254", "private", "172.31.255.254", 4},
      {"172.32.0.1", "public", "172.32.0.1", 4},
      {"172.15.255.255", "public", "172.15.255.255", 4},
      {"192.168.1.10", "private", "192.168.1.10", 4},
      {"192.169.0.1", "public", "192.169.0.1", 4},
      {"100.64.0.1", "private", "100.64.0.1", 4},
      {"100.127.255.255", "private", "100.127.255.255", 4},
      {"100.128.0.1", "public", "100.128.0.1", 4},
      {"100.63.255.255", "public", "100.63.255.255", 4},
      {"169.254.169.254", "link-local", "169.254.169.254", 4},
      {"94.23.26.113", "public", "94.23.26.113", 4},
      {"::ffff:10.1.2.3", "private", "10.1.2.3", 4},
      {"fc00::1", "private", "fc00::1", 6},
      {"fd7a:115c:a1e0::1", "private", "fd7a:115c:a1e0::1", 6},
      {"fe80::ec4:7aff:fe1a:2b3c", "link-local", "fe80::ec4:7aff:fe1a:2b3c", 6},
      {"[fe80::1]%eth0", "link-local", "fe80::1", 6},
      {"febf::1", "link-local", "febf::1", 6},
      {"fec0::1", "public", "fec0::1", 6},
      {"2001:41D0:2:A371::1", "public", "2001:41d0:2:a371::1", 6},
  };
  for (const ScopeCase& c : kCases) {
    SCOPED_TRACE(c.addr);
    EXPECT_EQ(IpScope(c.addr), c.scope);
    EXPECT_EQ(CanonicalIp(c.addr), c.canonical);
    EXPECT_EQ(IpFamily(c.addr), c.family);
  }
}

TEST(IpScope, RejectsWhatIsNotAnAddress) {
  for (const char* bad : {"", "*", "localhost", "10.0.0", "10.0.0.256", "1.2.3.4/24", "::g", "[::1", "[::1]x",
                          "01.2.3.4", "1.2.3.4.5", "garbage {{{"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(IpScope(bad), "");
    EXPECT_EQ(CanonicalIp(bad), "");
    EXPECT_EQ(IpFamily(bad), 0);
    EXPECT_FALSE(IsLoopback(bad));
  }
}

TEST(IpScope, LoopbackAndAnyPredicates) {
  EXPECT_TRUE(IsLoopback("127.0.0.53%lo"));
  EXPECT_TRUE(IsLoopback("[::1]"));
  EXPECT_TRUE(IsLoopback("::ffff:127.0.0.1"));
  EXPECT_FALSE(IsLoopback("128.0.0.1"));
  EXPECT_FALSE(IsLoopback("::2"));
  EXPECT_FALSE(IsLoopback("0.0.0.0"));
  EXPECT_TRUE(IsAnyAddress("0.0.0.0"));
  EXPECT_TRUE(IsAnyAddress("[::]"));
  EXPECT_TRUE(IsAnyAddress("*"));
  EXPECT_TRUE(IsAnyAddress("0.0.0.0%eth0"));
  EXPECT_FALSE(IsAnyAddress("::1"));
  EXPECT_FALSE(IsAnyAddress("10.0.0.1"));
  EXPECT_FALSE(IsAnyAddress("garbage"));
}

}  // namespace
}  // namespace shipshape
