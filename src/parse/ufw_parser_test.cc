// Tests of the ufw parser: recorded `ufw status verbose` outputs, the stored rules files, errors.
#include <gtest/gtest.h>

#include "fact_query.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

std::string Debian(const std::string& path) {
  return testing::ReadTestFile(testing::CorpusDir() + "/debian12" + path);
}

using testing::Messages;

// A production host after the seed plan's task 2.2: default deny, MongoDB only from three addresses.
constexpr const char* kActiveStatus =
    "Status: active\n"
    "Logging: on (low)\n"
    "Default: deny (incoming), allow (outgoing), disabled (routed)\n"
    "New profiles: skip\n"
    "\n"
    "To                         Action      From\n"
    "--                         ------      ----\n"
    "22/tcp                     ALLOW IN    Anywhere                   # SSH\n"
    "80/tcp                     ALLOW IN    Anywhere                   # HTTP\n"
    "443/tcp                    ALLOW IN    Anywhere                   # HTTPS\n"
    "27017                      ALLOW IN    145.239.133.104            # MongoDB bms-2\n"
    "27017                      ALLOW IN    54.36.123.110              # MongoDB bms-4\n"
    "27017                      ALLOW IN    127.0.0.1                  # MongoDB localhost\n"
    "9100                       ALLOW IN    217.154.82.162             # Prometheus node_exporter\n"
    "Anywhere on wg0            ALLOW IN    Anywhere\n"
    "51820/udp                  ALLOW IN    Anywhere\n"
    "6000:6007/tcp              DENY IN     10.8.0.0/24\n"
    "80,443/tcp (Nginx Full)    ALLOW IN    Anywhere\n"
    "22/tcp (v6)                ALLOW IN    Anywhere (v6)              # SSH\n"
    "Anywhere (v6) on wg0       ALLOW IN    Anywhere (v6)\n"
    "51820/udp (v6)             ALLOW IN    Anywhere (v6)\n"
    "\n"
    "25/tcp                     DENY OUT    Anywhere                   (log)\n"
    "\n"
    "Anywhere on eth1           ALLOW FWD   Anywhere on eth0\n";

TEST(UfwParser, ActiveStatusGivesPoliciesAndRules) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("ufw-status", kActiveStatus, 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty()) << Messages(diags)[0];
  EXPECT_EQ(Query(*db, "SELECT * FROM ufw_status"),
            (Rows{{"h", "1", "deny", "allow", "disabled", "low", "cmd/ufw-status.out", "1"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM ufw_rules"), (Rows{{"16"}}));
  EXPECT_EQ(Query(*db, "SELECT action, direction, port, proto, from_addr, to_addr, comment, line FROM ufw_rules "
                       "WHERE port = '27017' ORDER BY line"),
            (Rows{{"allow", "in", "27017", "", "145.239.133.104", "any", "MongoDB bms-2", "11"},
                  {"allow", "in", "27017", "", "54.36.123.110", "any", "MongoDB bms-4", "12"},
                  {"allow", "in", "27017", "", "127.0.0.1", "any", "MongoDB localhost", "13"}}));
  EXPECT_EQ(Query(*db, "SELECT port, proto, from_addr, interface, v6 FROM ufw_rules WHERE interface != '' "
                       "ORDER BY line"),
            (Rows{{"", "", "any", "wg0", "0"}, {"", "", "any", "wg0", "1"}, {"", "", "any", "eth1", "0"}}));
  EXPECT_EQ(Query(*db, "SELECT action, direction, port, proto, from_addr, v6, comment FROM ufw_rules WHERE line = 19"),
            (Rows{{"allow", "in", "22", "tcp", "any", "1", "SSH"}}));
  EXPECT_EQ(Query(*db, "SELECT action, direction, port, from_addr FROM ufw_rules WHERE line = 17"),
            (Rows{{"deny", "in", "6000:6007", "10.8.0.0/24"}}));
  EXPECT_EQ(Query(*db, "SELECT port, proto, app FROM ufw_rules WHERE line = 18"), (Rows{{"80,443", "tcp", "Nginx Full"}}));
  EXPECT_EQ(Query(*db, "SELECT action, direction, port, proto FROM ufw_rules WHERE line = 23"),
            (Rows{{"deny", "out", "25", "tcp"}}));
  EXPECT_EQ(Query(*db, "SELECT direction FROM ufw_rules WHERE line = 25"), (Rows{{"fwd"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'firewall'"), (Rows{{"ok"}}));
}

// An Ubuntu 20.04 host where ufw is installed but was never enabled (bms-1 in the seed plan).
TEST(UfwParser, InactiveStatusTakesPoliciesFromTheDebianFiles) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("ufw-status", "Status: inactive\n", 0);
  s.PutFile("/etc/ufw/ufw.conf", Debian("/etc/ufw/ufw.conf"));
  s.PutFile("/etc/default/ufw", Debian("/etc/default/ufw"));
  s.PutFile("/etc/ufw/user.rules", Debian("/etc/ufw/user.rules"));
  s.PutFile("/etc/ufw/user6.rules", Debian("/etc/ufw/user6.rules"));
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty()) << Messages(diags)[0];
  EXPECT_EQ(Query(*db, "SELECT active, default_incoming, default_outgoing, default_routed, logging, file, line "
                       "FROM ufw_status"),
            (Rows{{"0", "deny", "allow", "deny", "low", "cmd/ufw-status.out", "1"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM ufw_rules"), (Rows{{"0"}}));
  EXPECT_EQ(Query(*db, "SELECT state, source FROM coverage WHERE category = 'firewall'"),
            (Rows{{"ok", "cmd/ufw-status.out"}}));
}

TEST(UfwParser, WithoutStatusTheDebianConfigSaysDisabled) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/ufw/ufw.conf", Debian("/etc/ufw/ufw.conf"));
  s.PutFile("/etc/default/ufw", Debian("/etc/default/ufw"));
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT active, default_incoming, default_outgoing, default_routed, logging, file, line "
                       "FROM ufw_status"),
            (Rows{{"0", "deny", "allow", "deny", "low", "/etc/ufw/ufw.conf", "6"}}));
  EXPECT_EQ(Query(*db, "SELECT state, source FROM coverage WHERE category = 'firewall'"),
            (Rows{{"ok", "/etc/ufw/ufw.conf"}}));
}

TEST(UfwParser, NotRootIsACoverageError) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("ufw-status", "ERROR: You need to be root to run this script\n", 1);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT state, detail FROM coverage WHERE category = 'firewall'"),
            (Rows{{"error", "ufw status exited with status 1"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM ufw_status"), (Rows{{"0"}}));
}

TEST(UfwParser, StoredTuplesAreTheRulesWhenStatusDidNotRun) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/ufw/ufw.conf", "ENABLED=yes\nLOGLEVEL=medium\n");
  s.PutFile("/etc/ufw/user.rules",
            "*filter\n"
            ":ufw-user-input - [0:0]\n"
            "### RULES ###\n"
            "\n"
            "### tuple ### allow tcp 22 0.0.0.0/0 any 0.0.0.0/0 in comment=535348\n"
            "-A ufw-user-input -p tcp --dport 22 -j ACCEPT\n"
            "\n"
            "### tuple ### allow any 27017 0.0.0.0/0 any 145.239.133.104 in comment=4d6f6e676f444220626d732d32\n"
            "-A ufw-user-input -p tcp --dport 27017 -s 145.239.133.104 -j ACCEPT\n"
            "### tuple ### limit tcp 2222 0.0.0.0/0 any 0.0.0.0/0 in_eth0\n"
            "### tuple ### route:allow_log any any 0.0.0.0/0 any 10.8.0.0/24 in_wg0!out_eth0\n"
            "### tuple ### allow tcp 80,443 0.0.0.0/0 any 0.0.0.0/0 Nginx%20Full - in\n"
            "### END RULES ###\n"
            "COMMIT\n");
  s.PutFile("/etc/ufw/user6.rules", "*filter\n### tuple ### deny udp 53 ::/0 any ::/0 out\nCOMMIT\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty()) << Messages(diags)[0];
  EXPECT_EQ(Query(*db, "SELECT active, logging, file, line FROM ufw_status"),
            (Rows{{"1", "medium", "/etc/ufw/ufw.conf", "1"}}));
  EXPECT_EQ(Query(*db, "SELECT action, direction, port, proto, from_addr, to_addr, interface, v6, comment, app, "
                       "file, line FROM ufw_rules ORDER BY file, line"),
            (Rows{{"allow", "in", "22", "tcp", "any", "any", "", "0", "SSH", "", "/etc/ufw/user.rules", "5"},
                  {"allow", "in", "27017", "", "145.239.133.104", "any", "", "0", "MongoDB bms-2", "",
                   "/etc/ufw/user.rules", "8"},
                  {"limit", "in", "2222", "tcp", "any", "any", "eth0", "0", "", "", "/etc/ufw/user.rules", "10"},
                  {"allow", "fwd", "", "", "10.8.0.0/24", "any", "wg0", "0", "", "", "/etc/ufw/user.rules", "11"},
                  {"allow", "in", "80,443", "tcp", "any", "any", "", "0", "", "Nginx Full", "/etc/ufw/user.rules",
                   "12"},
                  {"deny", "out", "53", "udp", "any", "any", "", "1", "", "", "/etc/ufw/user6.rules", "2"}}));
}

TEST(UfwParser, MalformedStatusLinesAreReported) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("ufw-status",
               "Status: active\n"
               "Default: deny (incoming), allow (sideways)\n"
               "To                         Action      From\n"
               "--                         ------      ----\n"
               "22/tcp                     PERMIT IN   Anywhere\n"
               "22/tcp {{                  ALLOW IN    Anywhere\n",
               0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags), (std::vector<std::string>{
                                 "h: cmd/ufw-status.out:2: unrecognized Default: line",
                                 "h: cmd/ufw-status.out:5: expected 'To Action From' columns",
                                 "h: cmd/ufw-status.out:6: unrecognized address or port in a rule",
                             }));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE category = 'firewall' AND state = 'error'"),
            (Rows{{"3"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE category = 'firewall' AND state = 'ok'"), (Rows{{"0"}}));
}

TEST(UfwParser, MalformedFilesAreReported) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/ufw/ufw.conf", "ENABLED=yes\nLOGLEVEL low\n");
  s.PutFile("/etc/ufw/user.rules", "*filter\n### tuple ### allow tcp 22\n-A ufw-user-input -j ACCEPT\nbogus\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags), (std::vector<std::string>{
                                 "h: /etc/ufw/ufw.conf:2: expected KEY=value",
                                 "h: /etc/ufw/user.rules:2: malformed ### tuple ### line",
                                 "h: /etc/ufw/user.rules:4: unrecognized line",
                                 "h: /etc/ufw/user.rules:4: no COMMIT line (file cut short?)",
                             }));
  EXPECT_EQ(Query(*db, "SELECT active FROM ufw_status"), (Rows{{"1"}}));
}

}  // namespace
}  // namespace shipshape
