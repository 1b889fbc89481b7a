// Tests of the rsyslog forwarding parser (table `rsyslog_forwards`).
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

// Debian 12's /etc/rsyslog.conf, exactly as the package rsyslog 8.2302.0-1+deb12u2 installs it (the
// shared corpus has no copy): local files only, nothing forwarded.
constexpr const char* kDebian12RsyslogConf =
    "# /etc/rsyslog.conf configuration file for rsyslog\n"
    "#\n"
    "# For more information install rsyslog-doc and see\n"
    "# /usr/share/doc/rsyslog-doc/html/configuration/index.html\n"
    "\n"
    "\n"
    "#################\n"
    "#### MODULES ####\n"
    "#################\n"
    "\n"
    "module(load=\"imuxsock\") # provides support for local system logging\n"
    "module(load=\"imklog\")   # provides kernel logging support\n"
    "#module(load=\"immark\")  # provides --MARK-- message capability\n"
    "\n"
    "# provides UDP syslog reception\n"
    "#module(load=\"imudp\")\n"
    "#input(type=\"imudp\" port=\"514\")\n"
    "\n"
    "# provides TCP syslog reception\n"
    "#module(load=\"imtcp\")\n"
    "#input(type=\"imtcp\" port=\"514\")\n"
    "\n"
    "\n"
    "###########################\n"
    "#### GLOBAL DIRECTIVES ####\n"
    "###########################\n"
    "\n"
    "#\n"
    "# Set the default permissions for all log files.\n"
    "#\n"
    "$FileOwner root\n"
    "$FileGroup adm\n"
    "$FileCreateMode 0640\n"
    "$DirCreateMode 0755\n"
    "$Umask 0022\n"
    "\n"
    "#\n"
    "# Where to place spool and state files\n"
    "#\n"
    "$WorkDirectory /var/spool/rsyslog\n"
    "\n"
    "#\n"
    "# Include all config files in /etc/rsyslog.d/\n"
    "#\n"
    "$IncludeConfig /etc/rsyslog.d/*.conf\n"
    "\n"
    "\n"
    "###############\n"
    "#### RULES ####\n"
    "###############\n"
    "\n"
    "#\n"
    "# Log anything besides private authentication messages to a single log file\n"
    "#\n"
    "*.*;auth,authpriv.none\t\t-/var/log/syslog\n"
    "\n"
    "#\n"
    "# Log commonly used facilities to their own log file\n"
    "#\n"
    "auth,authpriv.*\t\t\t/var/log/auth.log\n"
    "cron.*\t\t\t\t-/var/log/cron.log\n"
    "kern.*\t\t\t\t-/var/log/kern.log\n"
    "mail.*\t\t\t\t-/var/log/mail.log\n"
    "user.*\t\t\t\t-/var/log/user.log\n"
    "\n"
    "#\n"
    "# Emergencies are sent to everybody logged in.\n"
    "#\n"
    "*.emerg\t\t\t\t:omusrmsg:*\n";

constexpr const char* kForwardSql = "SELECT target, proto, port, file, line FROM rsyslog_forwards ORDER BY file, line, target";

TEST(RsyslogParser, DebianDefaultForwardsNothingAndIsRead) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/rsyslog.conf", kDebian12RsyslogConf);
  s.PutFile("/etc/rsyslog.d/20-ufw.conf",
            "# Log kernel generated UFW log messages to file\n:msg,contains,\"[UFW \" /var/log/ufw.log\n\n#& stop\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM rsyslog_forwards"), Rows{{"0"}});
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM diagnostics WHERE file LIKE '%rsyslog%'"), Rows{{"0"}});
  EXPECT_EQ(Query(*db, "SELECT source, state FROM coverage WHERE source = '/etc/rsyslog.conf'"),
            (Rows{{"/etc/rsyslog.conf", "ok"}}));
}

TEST(RsyslogParser, LegacyForwardingActions) {
  Snapshot s = testing::MakeSnapshot();
  std::string conf = kDebian12RsyslogConf;
  conf +=
      "*.* @@logs.example.com:6514\n"                               // 70
      "authpriv.*\t@10.0.0.5\n"                                     // 71
      "*.*;auth.none @(z9)[2001:db8::1]:1514;RSYSLOG_ForwardFormat\n"  // 72
      "# *.* @@commented.example:514\n"                             // 73
      "mail.* :omrelp:relay.example:2514\n"                         // 74
      "if $programname == 'sshd' then @@auth.example\n"             // 75
      "kern.=debug;\\\n"                                             // 76, continued on 77
      "\tdaemon.none @continued.example:5514\n";
  s.PutFile("/etc/rsyslog.conf", conf);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, kForwardSql), (Rows{{"logs.example.com", "tcp", "6514", "/etc/rsyslog.conf", "70"},
                                           {"10.0.0.5", "udp", "514", "/etc/rsyslog.conf", "71"},
                                           {"2001:db8::1", "udp", "1514", "/etc/rsyslog.conf", "72"},
                                           {"relay.example", "relp", "2514", "/etc/rsyslog.conf", "74"},
                                           {"auth.example", "tcp", "514", "/etc/rsyslog.conf", "75"},
                                           {"continued.example", "udp", "5514", "/etc/rsyslog.conf", "76"}}));
}

TEST(RsyslogParser, ActionObjectsOnOneOrSeveralLines) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/rsyslog.conf", kDebian12RsyslogConf);
  s.PutFile("/etc/rsyslog.d/60-remote.conf",
            "*.* action(type=\"omfwd\" target=\"loghost.example\" port=\"10514\" protocol=\"tcp\")\n"
            "ruleset(name=\"remote\") {\n"
            "  action(type=\"omfile\" file=\"/var/log/remote.log\")\n"
            "  action(type=\"omfwd\"   # the central collector\n"
            "         Target=\"10.1.2.3\"\n"
            "         StreamDriver=\"gtls\" StreamDriverMode=\"1\")\n"
            "}\n"
            "/* action(type=\"omfwd\" target=\"in-a-comment.example\")\n"
            "   still a comment */\n"
            "if prifilt(\"auth.*\") then action(type=\"omrelp\" target=[\"r1.example\", \"r2.example\"] port=\"2514\")\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, kForwardSql), (Rows{{"loghost.example", "tcp", "10514", "/etc/rsyslog.d/60-remote.conf", "1"},
                                           {"10.1.2.3", "udp", "514", "/etc/rsyslog.d/60-remote.conf", "4"},
                                           {"r1.example", "relp", "2514", "/etc/rsyslog.d/60-remote.conf", "10"},
                                           {"r2.example", "relp", "2514", "/etc/rsyslog.d/60-remote.conf", "10"}}));
}

TEST(RsyslogParser, MalformedLinesAreReportedAndReadingGoesOn) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/rsyslog.conf",
            "module(load=\"imuxsock\")\n"
            "this is not rsyslog\n"
            "*.*\n"
            "*.* @@:514\n"
            "*.* @@ok.example:tls\n"
            "*.* action(type=\"omfwd\" port=\"514\")\n"
            "*.* action(type=\"omfwd\" target=\"after.example\")\n"
            "*.* action(type=\"omfwd\" target=\"x\"\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  std::vector<std::string> got;
  for (const Diagnostic& d : diags.all()) got.push_back(d.ToString());
  EXPECT_EQ(got, (std::vector<std::string>{
                     "h: /etc/rsyslog.conf:2: expected a selector and an action, a $directive or a RainerScript statement",
                     "h: /etc/rsyslog.conf:3: selector without an action",
                     "h: /etc/rsyslog.conf:4: forwarding action without a target",
                     "h: /etc/rsyslog.conf:5: forwarding action: port is not a number",
                     "h: /etc/rsyslog.conf:6: omfwd action without target",
                     "h: /etc/rsyslog.conf:8: unterminated action("}));
  EXPECT_EQ(Query(*db, "SELECT target FROM rsyslog_forwards"), Rows{{"after.example"}});
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE source = '/etc/rsyslog.conf' AND state = 'ok'"),
            Rows{{"0"}});
}

}  // namespace
}  // namespace shipshape
