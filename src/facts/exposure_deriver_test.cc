// Tests of the derived exposure table: bind address, ufw, netfilter and Docker-published ports.
#include <gtest/gtest.h>

#include "fact_query.h"
#include "facts/exposure_firewall.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

const char* kSs =
    "tcp   LISTEN 0      128          0.0.0.0:22        0.0.0.0:*    users:((\"sshd\",pid=612,fd=3))\n"
    "tcp   LISTEN 0      4096         0.0.0.0:27017     0.0.0.0:*    users:((\"mongod\",pid=901,fd=11))\n"
    "tcp   LISTEN 0      511        127.0.0.1:6379      0.0.0.0:*    users:((\"redis-server\",pid=90,fd=6))\n"
    "tcp   LISTEN 0      4096        10.8.0.1:5432      0.0.0.0:*    users:((\"postgres\",pid=77,fd=5))\n"
    "tcp   LISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*    users:((\"docker-proxy\",pid=2231,fd=4))\n";

const char* kInspect = R"([{"Id":"abc","Name":"/web","Config":{"Image":"nginx:1.25","Env":[],"Labels":{}},
  "Image":"sha256:1","State":{"Status":"running","Running":true},
  "HostConfig":{"PortBindings":{"80/tcp":[{"HostIp":"","HostPort":"8080"}]},"RestartPolicy":{"Name":"always"}},
  "NetworkSettings":{"Ports":{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"}]},"Networks":{}},"Mounts":[]}])";

Rows Exposure(Snapshot s) {
  auto db = testing::LoadFactsOrDie({std::move(s)});
  return Query(*db, "SELECT port, reachable, firewall FROM exposure ORDER BY port");
}

Snapshot Base() {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("ss-listen", kSs, 0);
  s.PutCommand("docker-inspect", kInspect, 0);
  return s;
}

TEST(Exposure, UfwDefaultDenyAllowsOnlyListedPortsAndDockerBypassesIt) {
  Snapshot s = Base();
  s.PutCommand("ufw-status",
               "Status: active\nLogging: on (low)\nDefault: deny (incoming), allow (outgoing), disabled (routed)\n"
               "New profiles: skip\n\nTo                         Action      From\n--                         ------      ----\n"
               "22/tcp                     ALLOW IN    Anywhere\n"
               "27017                      ALLOW IN    145.239.133.104\n", 0);
  // 5432 listens on a private address, but ufw denies it by default: nothing outside the host reaches it.
  EXPECT_EQ(Exposure(s), (Rows{{"22", "yes", "ufw"}, {"5432", "no", "ufw"}, {"6379", "no", "none"},
                               {"8080", "yes", "docker"}, {"27017", "private", "ufw"}}));
}

TEST(Exposure, InactiveUfwAndAcceptPolicyLeaveEverythingOpen) {
  Snapshot s = Base();
  s.PutCommand("ufw-status", "Status: inactive\n", 0);
  s.PutCommand("iptables-save", "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
                                "-A INPUT -p tcp -m tcp --dport 27017 -j DROP\nCOMMIT\n", 0);
  EXPECT_EQ(Exposure(s), (Rows{{"22", "yes", "none"}, {"5432", "private", "none"}, {"6379", "no", "none"},
                               {"8080", "yes", "docker"}, {"27017", "no", "iptables"}}));
}

TEST(Exposure, UnreadableFirewallIsUnknownNeverSafe) {
  Snapshot s = Base();
  s.PutCommand("ufw-status", "ERROR: You need to be root to run this script\n", 1);
  s.PutCommand("iptables-save", "", 1);
  auto rows = Exposure(s);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"22", "unknown", "unknown"}));
  EXPECT_EQ(rows[4], (std::vector<std::string>{"27017", "unknown", "unknown"}));
}

TEST(Exposure, SourceLimitedAcceptRestrictsNothingUnderAcceptPolicy) {
  Snapshot s = Base();
  s.PutCommand("ufw-status", "Status: inactive\n", 0);
  // Policy accept: the rule for 185.12.34.56 admits nobody the policy would not admit anyway.
  // 5432 is accepted from the VPN, then dropped for everyone else: private.
  s.PutCommand("iptables-save", "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
                                "-A INPUT -s 185.12.34.56/32 -p tcp -m tcp --dport 22 -j ACCEPT\n"
                                "-A INPUT -s 10.8.0.0/24 -p tcp -m tcp --dport 5432 -j ACCEPT\n"
                                "-A INPUT -p tcp -m tcp --dport 5432 -j DROP\nCOMMIT\n", 0);
  auto rows = Exposure(s);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"22", "yes", "none"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"5432", "private", "iptables"}));
}

TEST(Exposure, SourceLimitedUfwAllowRestrictsNothingUnderDefaultAllow) {
  Snapshot s = Base();
  s.PutCommand("ufw-status",
               "Status: active\nLogging: on (low)\nDefault: allow (incoming), allow (outgoing), disabled (routed)\n"
               "New profiles: skip\n\nTo                         Action      From\n--                         ------      ----\n"
               "27017                      ALLOW IN    145.239.133.104\n", 0);
  EXPECT_EQ(Exposure(s).back(), (std::vector<std::string>{"27017", "yes", "ufw"}));
}

TEST(Exposure, SeedBms1PortainerIsReachable) {
  auto snap = LoadSnapshot(testing::FixturesDir() + "/seed-fleet/bms-1");
  ASSERT_TRUE(snap.ok());
  auto db = testing::LoadFactsOrDie({std::move(snap).value()});
  EXPECT_EQ(Query(*db, "SELECT reachable, container FROM exposure WHERE port = 49154 AND address = '0.0.0.0'"),
            (Rows{{"yes", "portainer-pinbox24"}}));
  EXPECT_EQ(Query(*db, "SELECT reachable FROM exposure WHERE port = 5432"), (Rows{{"no"}}));
}

TEST(PortSpec, CoversListsAndRanges) {
  EXPECT_TRUE(PortSpecCovers("22", 22));
  EXPECT_TRUE(PortSpecCovers("80,443", 443));
  EXPECT_TRUE(PortSpecCovers("6000:6007", 6005));
  EXPECT_TRUE(PortSpecCovers("{ 80, 443 }", 80));
  EXPECT_TRUE(PortSpecCovers("", 1234));
  EXPECT_FALSE(PortSpecCovers("6000:6007", 6008));
  EXPECT_FALSE(PortSpecCovers("22", 2222));
}

}  // namespace
}  // namespace shipshape
