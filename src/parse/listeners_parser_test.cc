// Tests of the ss parser (table `listeners`).
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

// ss -Htulpn (iproute2 6.1) on a Debian 12 host: WireGuard (a kernel socket, no process), chrony,
// dhclient bound to eth0, sshd, nginx (master and worker share the socket), PostgreSQL on loopback,
// and docker-proxy publishing a container port on both families.
constexpr const char* kSsDebian12 =
    "udp   UNCONN 0      0            0.0.0.0:51820      0.0.0.0:*\n"
    "udp   UNCONN 0      0          127.0.0.1:323        0.0.0.0:*    users:((\"chronyd\",pid=540,fd=5))\n"
    "udp   UNCONN 0      0       0.0.0.0%eth0:68         0.0.0.0:*    users:((\"dhclient\",pid=498,fd=7))\n"
    "udp   UNCONN 0      0               [::]:51820         [::]:*\n"
    "udp   UNCONN 0      0              [::1]:323           [::]:*    users:((\"chronyd\",pid=540,fd=6))\n"
    "tcp   LISTEN 0      128          0.0.0.0:22         0.0.0.0:*    users:((\"sshd\",pid=612,fd=3))\n"
    "tcp   LISTEN 0      511          0.0.0.0:80         0.0.0.0:*    "
    "users:((\"nginx\",pid=1001,fd=6),(\"nginx\",pid=1000,fd=6))\n"
    "tcp   LISTEN 0      244        127.0.0.1:5432       0.0.0.0:*    users:((\"postgres\",pid=801,fd=7))\n"
    "tcp   LISTEN 0      4096         0.0.0.0:8080       0.0.0.0:*    users:((\"docker-proxy\",pid=1234,fd=4))\n"
    "tcp   LISTEN 0      128             [::]:22            [::]:*    users:((\"sshd\",pid=612,fd=4))\n"
    "tcp   LISTEN 0      511             [::]:80            [::]:*    "
    "users:((\"nginx\",pid=1001,fd=7),(\"nginx\",pid=1000,fd=7))\n"
    "tcp   LISTEN 0      244            [::1]:5432          [::]:*    users:((\"postgres\",pid=801,fd=6))\n"
    "tcp   LISTEN 0      4096            [::]:8080          [::]:*    users:((\"docker-proxy\",pid=1240,fd=4))\n";

// ss -Htulpn (iproute2 5.5) on Ubuntu 20.04: systemd-resolved's stub on 127.0.0.53%lo, networkd's
// DHCP clients, Apache on a dual-stack wildcard ("*"), and a Java service on a v4-mapped loopback.
constexpr const char* kSsUbuntu2004 =
    "udp     UNCONN   0        0            127.0.0.53%lo:53            0.0.0.0:*      "
    "users:((\"systemd-resolve\",pid=605,fd=12))\n"
    "udp     UNCONN   0        0            10.0.0.5%eth0:68            0.0.0.0:*      "
    "users:((\"systemd-network\",pid=580,fd=19))\n"
    "udp     UNCONN   0        0   [fe80::5054:ff:fe12:3456]%eth0:546      [::]:*      "
    "users:((\"systemd-network\",pid=580,fd=21))\n"
    "tcp     LISTEN   0        4096         127.0.0.53%lo:53            0.0.0.0:*      "
    "users:((\"systemd-resolve\",pid=605,fd=13))\n"
    "tcp     LISTEN   0        128                0.0.0.0:22             0.0.0.0:*      "
    "users:((\"sshd\",pid=790,fd=3))\n"
    "tcp     LISTEN   0        511                      *:80                   *:*      "
    "users:((\"apache2\",pid=912,fd=4),(\"apache2\",pid=911,fd=4),(\"apache2\",pid=905,fd=4))\n"
    "tcp     LISTEN   0        50      [::ffff:127.0.0.1]:8080                 *:*      "
    "users:((\"java\",pid=1500,fd=40))\n"
    "tcp     LISTEN   0        511                      *:3001                 *:*      "
    "users:((\"node /srv/app/\",pid=1544,fd=21))\n"
    "tcp     LISTEN   0        128                   [::]:22                [::]:*      "
    "users:((\"sshd\",pid=790,fd=4))\n";

TEST(ListenersParser, ReadsDebian12Sockets) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("ss-listen", kSsDebian12, 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  for (const Diagnostic& d : diags.all()) EXPECT_NE(d.file, "cmd/ss-listen.out") << d.ToString();
  EXPECT_EQ(Query(*db,
                  "SELECT proto, address, port, process, pid, scope, interface, file, line FROM listeners "
                  "WHERE port IN (22, 5432, 51820, 68) ORDER BY line"),
            (Rows{{"udp", "0.0.0.0", "51820", "", "NULL", "any", "", "cmd/ss-listen.out", "1"},
                  {"udp", "0.0.0.0", "68", "dhclient", "498", "any", "eth0", "cmd/ss-listen.out", "3"},
                  {"udp", "::", "51820", "", "NULL", "any", "", "cmd/ss-listen.out", "4"},
                  {"tcp", "0.0.0.0", "22", "sshd", "612", "any", "", "cmd/ss-listen.out", "6"},
                  {"tcp", "127.0.0.1", "5432", "postgres", "801", "loopback", "", "cmd/ss-listen.out", "8"},
                  {"tcp", "::", "22", "sshd", "612", "any", "", "cmd/ss-listen.out", "10"},
                  {"tcp", "::1", "5432", "postgres", "801", "loopback", "", "cmd/ss-listen.out", "12"}}));
  EXPECT_EQ(Query(*db, "SELECT process, pid FROM listeners WHERE port = 80 ORDER BY line"),
            (Rows{{"nginx", "1001"}, {"nginx", "1001"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM listeners WHERE scope = 'any' AND process = 'docker-proxy'"), Rows{{"2"}});
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE source = 'cmd/ss-listen.out'"), Rows{{"ok"}});
}

TEST(ListenersParser, NormalizesUbuntu2004Addresses) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("ss-listen", kSsUbuntu2004, 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  for (const Diagnostic& d : diags.all()) EXPECT_NE(d.file, "cmd/ss-listen.out") << d.ToString();
  EXPECT_EQ(Query(*db, "SELECT proto, address, port, process, pid, scope, interface FROM listeners ORDER BY line"),
            (Rows{{"udp", "127.0.0.53", "53", "systemd-resolve", "605", "loopback", "lo"},
                  {"udp", "10.0.0.5", "68", "systemd-network", "580", "specific", "eth0"},
                  {"udp", "fe80::5054:ff:fe12:3456", "546", "systemd-network", "580", "specific", "eth0"},
                  {"tcp", "127.0.0.53", "53", "systemd-resolve", "605", "loopback", "lo"},
                  {"tcp", "0.0.0.0", "22", "sshd", "790", "any", ""},
                  {"tcp", "0.0.0.0", "80", "apache2", "912", "any", ""},
                  {"tcp", "127.0.0.1", "8080", "java", "1500", "loopback", ""},
                  {"tcp", "0.0.0.0", "3001", "node /srv/app/", "1544", "any", ""},
                  {"tcp", "::", "22", "sshd", "790", "any", ""}}));
}

TEST(ListenersParser, UnprivilegedRunHasNoOwners) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("ss-listen",
               "udp   UNCONN 0      0      127.0.0.53%lo:53        0.0.0.0:*          \n"
               "tcp   LISTEN 0      128          0.0.0.0:22        0.0.0.0:*          \n"
               "tcp   LISTEN 0      4096         0.0.0.0:27017     0.0.0.0:*          \n",
               0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT address, port, process, pid, scope FROM listeners WHERE port = 27017"),
            (Rows{{"0.0.0.0", "27017", "", "NULL", "any"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM listeners"), Rows{{"3"}});
}

TEST(ListenersParser, MalformedLinesAreReportedWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("ss-listen",
               "tcp   LISTEN 0      128          0.0.0.0:22         0.0.0.0:*    users:((\"sshd\",pid=612,fd=3))\n"
               "tcp   LISTEN 0      128\n"
               "raw   UNCONN 0      0            0.0.0.0:255        0.0.0.0:*\n"
               "tcp   LISTEN 0      128     localhost:22         0.0.0.0:*\n"
               "tcp   LISTEN 0      128          0.0.0.0:99999      0.0.0.0:*\n"
               "tcp   LISTEN 0      128          0.0.0.0:25         0.0.0.0:*    users:(sshd)\n",
               0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 5u);
  EXPECT_EQ(diags.all()[0].ToString(),
            "h: cmd/ss-listen.out:2: expected Netid State Recv-Q Send-Q Local:Port Peer:Port [Process]");
  EXPECT_EQ(diags.all()[1].ToString(), "h: cmd/ss-listen.out:3: Netid is neither tcp nor udp");
  EXPECT_EQ(diags.all()[2].ToString(), "h: cmd/ss-listen.out:4: local address is not ADDRESS:PORT");
  EXPECT_EQ(diags.all()[3].ToString(), "h: cmd/ss-listen.out:5: local address is not ADDRESS:PORT");
  EXPECT_EQ(diags.all()[4].ToString(),
            "h: cmd/ss-listen.out:6: process column is not users:((\"NAME\",pid=PID,fd=FD),…)");
  EXPECT_EQ(Query(*db, "SELECT port FROM listeners"), Rows{{"22"}});
  EXPECT_EQ(Query(*db, "SELECT DISTINCT category, state FROM coverage WHERE source = 'cmd/ss-listen.out'"),
            (Rows{{"firewall", "error"}}));
}

}  // namespace
}  // namespace shipshape
