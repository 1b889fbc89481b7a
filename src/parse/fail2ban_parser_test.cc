// Tests of the fail2ban parser: Debian's jail files, overrides, includes, status output, errors.
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

Snapshot DebianFail2ban() {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/fail2ban/jail.conf", Debian("/etc/fail2ban/jail.conf"));
  s.PutFile("/etc/fail2ban/jail.d/defaults-debian.conf", Debian("/etc/fail2ban/jail.d/defaults-debian.conf"));
  return s;
}

Rows Jail(FactDb& db, const std::string& jail) {
  return Query(db, "SELECT enabled, port, filter, maxretry, bantime, findtime, file, line, bantime_seconds "
                   "FROM fail2ban_jails WHERE jail = '" + jail + "'");
}

TEST(Fail2banParser, DebianDefaultsEnableOnlySshd) {
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({DebianFail2ban()}, &diags);
  EXPECT_TRUE(diags.empty()) << Messages(diags)[0];
  EXPECT_EQ(Jail(*db, "sshd"), (Rows{{"1", "ssh", "sshd[mode=normal]", "5", "10m", "10m",
                                      "/etc/fail2ban/jail.d/defaults-debian.conf", "2", "600"}}));
  EXPECT_EQ(Query(*db, "SELECT jail FROM fail2ban_jails WHERE enabled = 1"), (Rows{{"sshd"}}));
  EXPECT_EQ(Jail(*db, "apache-badbots"), (Rows{{"0", "http,https", "apache-badbots[mode=normal]", "1", "48h", "10m",
                                                "/etc/fail2ban/jail.conf", "308", "172800"}}));
  EXPECT_EQ(Query(*db, "SELECT bantime_seconds, findtime_seconds FROM fail2ban_jails WHERE jail = 'recidive'"),
            (Rows{{"604800", "86400"}}));
  EXPECT_EQ(Query(*db, "SELECT backend FROM fail2ban_jails WHERE jail = 'sshd'"), (Rows{{"%(sshd_backend)s"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM fail2ban_jails"), (Rows{{"91"}}));
  EXPECT_EQ(Query(*db, "SELECT state, source FROM coverage WHERE category = 'ssh'"),
            (Rows{{"ok", "/etc/fail2ban/jail.conf"}}));
}

TEST(Fail2banParser, LocalFilesOverrideInTheDocumentedOrder) {
  Snapshot s = DebianFail2ban();
  s.PutFile("/etc/fail2ban/jail.local",
            "[DEFAULT]\n"
            "bantime = 1h\n"
            "\n"
            "[sshd]\n"
            "maxretry = 3\n"
            "port = %(known/port)s,2222\n"
            "enabled = false\n");
  s.PutFile("/etc/fail2ban/jail.d/zz-site.local", "[sshd]\nenabled = yes\n");
  s.PutFile("/etc/fail2ban/jail.d/aa-site.conf", "[sshd]\nmaxretry = 9\nenabled = false\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Jail(*db, "sshd"), (Rows{{"1", "ssh,2222", "sshd[mode=normal]", "3", "1h", "10m",
                                      "/etc/fail2ban/jail.d/zz-site.local", "2", "3600"}}));
  EXPECT_EQ(Query(*db, "SELECT bantime FROM fail2ban_jails WHERE jail = 'apache-badbots'"), (Rows{{"48h"}}));
  EXPECT_EQ(Query(*db, "SELECT bantime FROM fail2ban_jails WHERE jail = 'nginx-http-auth'"), (Rows{{"1h"}}));
}

TEST(Fail2banParser, IncludedPathFilesResolveReferences) {
  Snapshot s = DebianFail2ban();
  s.PutFile("/etc/fail2ban/paths-debian.conf",
            "[INCLUDES]\nbefore = paths-common.conf\n\n[DEFAULT]\nsyslog_backend = systemd\n");
  s.PutFile("/etc/fail2ban/paths-common.conf",
            "[DEFAULT]\ndefault_backend = %(default/backend)s\nsshd_backend = %(default_backend)s\n"
            "syslog_backend = %(default_backend)s\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT jail, backend FROM fail2ban_jails WHERE jail IN ('sshd', 'drupal-auth') ORDER BY jail"),
            (Rows{{"drupal-auth", "systemd"}, {"sshd", "auto"}}));
}

TEST(Fail2banParser, ContinuationLinesAndInlineComments) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/fail2ban/jail.local",
            "[DEFAULT]\n"
            "maxretry = 4 ; stricter than the default\n"
            "[nginx-limit-req]\n"
            "enabled = true\n"
            "port    = http,\n"
            "          https\n"
            "# a comment between\n"
            "findtime: 1h30m\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT enabled, port, maxretry, findtime, findtime_seconds, filter, line FROM fail2ban_jails"),
            (Rows{{"1", "http,\nhttps", "4", "1h30m", "5400", "", "4"}}));
}

constexpr const char* kStatus =
    "Status\n"
    "|- Number of jail:\t2\n"
    "`- Jail list:\tnginx-http-auth, sshd\n"
    "Status for the jail: nginx-http-auth\n"
    "|- Filter\n"
    "|  |- Currently failed:\t0\n"
    "|  |- Total failed:\t0\n"
    "|  `- File list:\t/var/log/nginx/error.log\n"
    "`- Actions\n"
    "   |- Currently banned:\t0\n"
    "   |- Total banned:\t0\n"
    "   `- Banned IP list:\t\n"
    "Status for the jail: sshd\n"
    "|- Filter\n"
    "|  |- Currently failed:\t2\n"
    "|  |- Total failed:\t1431\n"
    "|  `- Journal matches:\t_SYSTEMD_UNIT=sshd.service + _COMM=sshd\n"
    "`- Actions\n"
    "   |- Currently banned:\t6\n"
    "   |- Total banned:\t117\n"
    "   `- Banned IP list:\t81.68.216.38 49.232.172.163 42.192.75.240 112.16.211.200 42.192.84.251 "
    "162.243.99.164\n";

TEST(Fail2banParser, StatusGivesCountersAndNoAddresses) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("fail2ban-status", kStatus, 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty()) << Messages(diags)[0];
  EXPECT_EQ(Query(*db, "SELECT jail, currently_failed, total_failed, currently_banned, total_banned, file, line "
                       "FROM fail2ban_status ORDER BY line"),
            (Rows{{"", "NULL", "NULL", "NULL", "NULL", "cmd/fail2ban-status.out", "1"},
                  {"nginx-http-auth", "0", "0", "0", "0", "cmd/fail2ban-status.out", "4"},
                  {"sshd", "2", "1431", "6", "117", "cmd/fail2ban-status.out", "13"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM fail2ban_status WHERE jail LIKE '%81.68%'"), (Rows{{"0"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'ssh'"), (Rows{{"ok"}}));
}

TEST(Fail2banParser, ServerNotRunningOnAPrivilegedRunIsNoServerRow) {
  Snapshot s = testing::MakeSnapshot();  // privileged
  s.PutCommand("fail2ban-status", "", 255);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM fail2ban_status"), (Rows{{"0"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE category = 'ssh'"), (Rows{{"0"}}));
}

TEST(Fail2banParser, StatusRefusedWithoutRootIsACoverageError) {
  Snapshot s = testing::MakeSnapshot();
  s.meta().privileged = false;
  s.PutCommand("fail2ban-status", "", 255);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT state, detail FROM coverage WHERE category = 'ssh'"),
            (Rows{{"error", "fail2ban-client exited with status 255 (not root?)"}}));
}

TEST(Fail2banParser, MalformedJailLinesAreReported) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/fail2ban/jail.local",
            "enabled = true\n"
            "[sshd]\n"
            "enabled = maybe\n"
            "maxretry = lots\n"
            "just some words\n"
            "maxretry = 3\n"
            "[]\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags), (std::vector<std::string>{
                                 "h: /etc/fail2ban/jail.local:1: line before any [section]",
                                 "h: /etc/fail2ban/jail.local:5: expected 'key = value'",
                                 "h: /etc/fail2ban/jail.local:6: duplicate key maxretry in its section",
                                 "h: /etc/fail2ban/jail.local:7: malformed [section] header",
                                 "h: /etc/fail2ban/jail.local:3: enabled must be true or false",
                                 "h: /etc/fail2ban/jail.local:4: maxretry must be a number",
                             }));
  EXPECT_EQ(Query(*db, "SELECT enabled, maxretry FROM fail2ban_jails"), (Rows{{"0", "NULL"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE category = 'ssh' AND state = 'ok'"), (Rows{{"0"}}));
}

TEST(Fail2banParser, MalformedStatusLinesAreReported) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("fail2ban-status",
               "Status\n"
               "|- Number of jail:\t1\n"
               "Status for the jail: sshd\n"
               "|  |- Currently failed:\tmany\n"
               "Sorry, something went wrong\n",
               0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags), (std::vector<std::string>{"h: cmd/fail2ban-status.out:4: expected a number",
                                                       "h: cmd/fail2ban-status.out:5: unrecognized line"}));
  EXPECT_EQ(Query(*db, "SELECT jail, currently_failed FROM fail2ban_status ORDER BY line"),
            (Rows{{"", "NULL"}, {"sshd", "NULL"}}));
}

}  // namespace
}  // namespace shipshape
