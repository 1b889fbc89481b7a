// Tests of the ip -br addr parser (table `addresses`).
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

// ip -br addr (iproute2 6.1) on a Debian 12 host: a public and a private NIC, Docker's bridges and
// a veth, WireGuard, Tailscale (CGNAT and ULA), and a NIC without addresses. ip pads the columns
// and ends each line with a space.
constexpr const char* kIpAddr =
    "lo               UNKNOWN        127.0.0.1/8 ::1/128 \n"
    "eth0             UP             203.0.113.10/24 2001:db8:1234::10/64 fe80::216:3eff:fe12:3456/64 \n"
    "eth1             UP             10.0.1.5/24 fe80::216:3eff:fe12:3457/64 \n"
    "eth2             DOWN           \n"
    "docker0          DOWN           172.17.0.1/16 \n"
    "br-3f2a1c9d8e7b  UP             172.18.0.1/16 fe80::42:acff:fe11:1/64 \n"
    "veth1a2b3c4@if7  UP             fe80::a0b1:c2ff:fed3:e4f5/64 \n"
    "wg0              UNKNOWN        10.8.0.1/24 \n"
    "tailscale0       UNKNOWN        100.101.102.103/32 fd7a:115c:a1e0::1/128 \n";

TEST(AddressesParser, ReadsDebian12Interfaces) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("ip-addr", kIpAddr, 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  for (const Diagnostic& d : diags.all()) EXPECT_NE(d.file, "cmd/ip-addr.out") << d.ToString();
  EXPECT_EQ(Query(*db,
                  "SELECT interface, state, address, prefix, family, scope, file, line FROM addresses "
                  "WHERE interface IN ('lo', 'eth0') ORDER BY line, family"),
            (Rows{{"lo", "UNKNOWN", "127.0.0.1", "8", "4", "loopback", "cmd/ip-addr.out", "1"},
                  {"lo", "UNKNOWN", "::1", "128", "6", "loopback", "cmd/ip-addr.out", "1"},
                  {"eth0", "UP", "203.0.113.10", "24", "4", "public", "cmd/ip-addr.out", "2"},
                  {"eth0", "UP", "2001:db8:1234::10", "64", "6", "public", "cmd/ip-addr.out", "2"},
                  {"eth0", "UP", "fe80::216:3eff:fe12:3456", "64", "6", "link-local", "cmd/ip-addr.out", "2"}}));
  EXPECT_EQ(Query(*db,
                  "SELECT interface, address, scope FROM addresses WHERE family = 4 AND scope = 'private' "
                  "ORDER BY line"),
            (Rows{{"eth1", "10.0.1.5", "private"},
                  {"docker0", "172.17.0.1", "private"},
                  {"br-3f2a1c9d8e7b", "172.18.0.1", "private"},
                  {"wg0", "10.8.0.1", "private"},
                  {"tailscale0", "100.101.102.103", "private"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM addresses WHERE interface = 'eth2'"), Rows{{"0"}});
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM addresses"), Rows{{"14"}});
}

TEST(AddressesParser, ContainerInterfaceLosesItsPeerSuffix) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("ip-addr", "lo UNKNOWN 127.0.0.1/8 ::1/128\neth0@if5 UP 10.0.0.5/24 fe80::1/64\n", 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT interface, address, prefix, scope FROM addresses WHERE line = 2 ORDER BY family"),
            (Rows{{"eth0", "10.0.0.5", "24", "private"}, {"eth0", "fe80::1", "64", "link-local"}}));
  // Addresses alone never make the firewall category ok.
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE source = 'cmd/ip-addr.out'"), Rows{{"0"}});
}

TEST(AddressesParser, MalformedLinesAreReportedAndAddNoRow) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("ip-addr",
               "lo               UNKNOWN        127.0.0.1/8 ::1/128 \n"
               "eth0\n"
               "eth1             UPPISH         10.0.1.5/24 \n"
               "eth2             UP             10.0.2.5/24 10.0.2.6 \n"
               "eth3             UP             10.0.3.5/33 \n"
               "eth4             UP             10.0.4.500/24 \n",
               0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 5u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: cmd/ip-addr.out:2: expected INTERFACE STATE [ADDRESS/PREFIX …]");
  EXPECT_EQ(diags.all()[1].ToString(), "h: cmd/ip-addr.out:3: unknown interface state");
  EXPECT_EQ(diags.all()[2].ToString(), "h: cmd/ip-addr.out:4: expected ADDRESS/PREFIX");
  EXPECT_EQ(diags.all()[3].ToString(), "h: cmd/ip-addr.out:5: prefix length is out of range");
  EXPECT_EQ(diags.all()[4].ToString(), "h: cmd/ip-addr.out:6: expected ADDRESS/PREFIX");
  EXPECT_EQ(Query(*db, "SELECT interface, address FROM addresses ORDER BY family"),
            (Rows{{"lo", "127.0.0.1"}, {"lo", "::1"}}));
  EXPECT_EQ(Query(*db, "SELECT DISTINCT category, state FROM coverage WHERE source = 'cmd/ip-addr.out'"),
            (Rows{{"firewall", "error"}}));
}

}  // namespace
}  // namespace shipshape
