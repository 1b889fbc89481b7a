// Tests of the sshd parser: sshd -T, sshd_config semantics (first value wins, Include, Match), errors.
#include <gtest/gtest.h>

#include "fact_query.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

std::string DebianConfig() {
  return testing::ReadTestFile(testing::CorpusDir() + "/debian12/etc/ssh/sshd_config");
}

std::string DebianSshdT() { return testing::ReadTestFile(testing::CorpusDir() + "/debian12/cmd/sshd-T.out"); }

Rows Setting(FactDb& db, const std::string& key) {
  return Query(db, "SELECT value, source, file, line FROM sshd_settings WHERE key = '" + key + "' ORDER BY rowid");
}

using testing::Messages;

TEST(SshdParser, DebianDefaultConfigGivesSettingsAndDefaults) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/ssh/sshd_config", DebianConfig());
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty()) << Messages(diags)[0];
  EXPECT_EQ(Setting(*db, "kbdinteractiveauthentication"), (Rows{{"no", "sshd_config", "/etc/ssh/sshd_config", "62"}}));
  EXPECT_EQ(Setting(*db, "x11forwarding"), (Rows{{"yes", "sshd_config", "/etc/ssh/sshd_config", "90"}}));
  EXPECT_EQ(Setting(*db, "usepam"), (Rows{{"yes", "sshd_config", "/etc/ssh/sshd_config", "85"}}));
  EXPECT_EQ(Setting(*db, "passwordauthentication"), (Rows{{"yes", "default", "", "0"}}));
  EXPECT_EQ(Setting(*db, "permitrootlogin"), (Rows{{"prohibit-password", "default", "", "0"}}));
  EXPECT_EQ(Setting(*db, "acceptenv"), (Rows{{"LANG", "sshd_config", "/etc/ssh/sshd_config", "112"},
                                           {"LC_*", "sshd_config", "/etc/ssh/sshd_config", "112"}}));
  EXPECT_EQ(Setting(*db, "subsystem"),
            (Rows{{"sftp /usr/lib/openssh/sftp-server", "sshd_config", "/etc/ssh/sshd_config", "115"}}));
  EXPECT_EQ(Setting(*db, "port"), (Rows{{"22", "default", "", "0"}}));
  EXPECT_EQ(Query(*db, "SELECT value FROM sshd_settings WHERE key = 'listenaddress' ORDER BY value"),
            (Rows{{"0.0.0.0:22"}, {"[::]:22"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM sshd_match"), (Rows{{"0"}}));
  EXPECT_EQ(Query(*db, "SELECT state, source FROM coverage WHERE category = 'ssh'"),
            (Rows{{"ok", "/etc/ssh/sshd_config"}}));
}

TEST(SshdParser, SshdTIsAuthoritativeOverSshdConfig) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/ssh/sshd_config", DebianConfig() + "Match User backup\n  PasswordAuthentication no\n");
  s.PutCommand("sshd-T", DebianSshdT(), 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Setting(*db, "permitrootlogin"), (Rows{{"prohibit-password", "sshd -T", "cmd/sshd-T.out", "15"}}));
  EXPECT_EQ(Setting(*db, "passwordauthentication"), (Rows{{"yes", "sshd -T", "cmd/sshd-T.out", "30"}}));
  EXPECT_EQ(Setting(*db, "listenaddress"), (Rows{{"[::]:22", "sshd -T", "cmd/sshd-T.out", "3"},
                                               {"0.0.0.0:22", "sshd -T", "cmd/sshd-T.out", "4"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM sshd_settings WHERE source != 'sshd -T'"), (Rows{{"0"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM sshd_settings"), (Rows{{"93"}}));
  EXPECT_EQ(Query(*db, "SELECT criteria, key, value, line FROM sshd_match"),
            (Rows{{"User backup", "passwordauthentication", "no", "124"}}));
  EXPECT_EQ(Query(*db, "SELECT state, source FROM coverage WHERE category = 'ssh'"),
            (Rows{{"ok", "cmd/sshd-T.out"}}));
}

TEST(SshdParser, IncludeAtTheTopOverridesLaterLines) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/ssh/sshd_config", DebianConfig() + "PasswordAuthentication yes\n");
  s.PutFile("/etc/ssh/sshd_config.d/50-cloud-init.conf", "PasswordAuthentication no\n");
  s.PutFile("/etc/ssh/sshd_config.d/README", "not a .conf file\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Setting(*db, "passwordauthentication"),
            (Rows{{"no", "sshd_config", "/etc/ssh/sshd_config.d/50-cloud-init.conf", "1"}}));
}

TEST(SshdParser, IncludedFilesAreReadInLexicalOrderAndRelativeToEtcSsh) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/ssh/sshd_config", "Include sshd_config.d/*.conf\n");
  s.PutFile("/etc/ssh/sshd_config.d/20-late.conf", "PermitRootLogin yes\nMaxAuthTries 10\n");
  s.PutFile("/etc/ssh/sshd_config.d/10-early.conf", "permitrootlogin NO\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Setting(*db, "permitrootlogin"), (Rows{{"no", "sshd_config", "/etc/ssh/sshd_config.d/10-early.conf", "1"}}));
  EXPECT_EQ(Setting(*db, "maxauthtries"), (Rows{{"10", "sshd_config", "/etc/ssh/sshd_config.d/20-late.conf", "2"}}));
}

TEST(SshdParser, MatchBlockOverridesOnlyMatchingConnections) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/ssh/sshd_config",
            "PasswordAuthentication no\n"
            "Match User anoncvs\n"
            "  X11Forwarding no\n"
            "  AllowTcpForwarding no\n"
            "Match Address 10.0.0.0/8 Group admins\n"
            "  PasswordAuthentication yes\n"
            "Match all\n"
            "X11Forwarding yes\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Setting(*db, "passwordauthentication"), (Rows{{"no", "sshd_config", "/etc/ssh/sshd_config", "1"}}));
  EXPECT_EQ(Setting(*db, "x11forwarding"), (Rows{{"yes", "sshd_config", "/etc/ssh/sshd_config", "8"}}));
  EXPECT_EQ(Setting(*db, "allowtcpforwarding"), (Rows{{"yes", "default", "", "0"}}));
  EXPECT_EQ(Query(*db, "SELECT criteria, key, value, line FROM sshd_match ORDER BY line"),
            (Rows{{"User anoncvs", "x11forwarding", "no", "3"},
                  {"User anoncvs", "allowtcpforwarding", "no", "4"},
                  {"Address 10.0.0.0/8 Group admins", "passwordauthentication", "yes", "6"}}));
}

TEST(SshdParser, IncludeInsideMatchIsConditionalAndItsMatchEndsWithTheFile) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/ssh/sshd_config",
            "Match Group sftp\n"
            "Include /etc/ssh/sftp.conf\n"
            "ForceCommand internal-sftp\n");
  s.PutFile("/etc/ssh/sftp.conf", "ChrootDirectory /srv/%u\nMatch User bob\nPermitTTY yes\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT criteria, key, value, file, line FROM sshd_match ORDER BY rowid"),
            (Rows{{"Group sftp", "chrootdirectory", "/srv/%u", "/etc/ssh/sftp.conf", "1"},
                  {"Group sftp User bob", "permittty", "yes", "/etc/ssh/sftp.conf", "3"},
                  {"Group sftp", "forcecommand", "internal-sftp", "/etc/ssh/sshd_config", "3"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM sshd_settings WHERE source = 'sshd_config'"), (Rows{{"0"}}));
}

TEST(SshdParser, MatchInsideATopLevelIncludeEndsWithThatFile) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nX11Forwarding yes\n");
  s.PutFile("/etc/ssh/sshd_config.d/a.conf", "Match User git\nX11Forwarding no\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Setting(*db, "x11forwarding"), (Rows{{"yes", "sshd_config", "/etc/ssh/sshd_config", "2"}}));
  EXPECT_EQ(Query(*db, "SELECT criteria, key FROM sshd_match"), (Rows{{"User git", "x11forwarding"}}));
}

TEST(SshdParser, KeywordsAreCaseInsensitiveAcceptEqualsAndAliases) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/ssh/sshd_config",
            "CHALLENGERESPONSEAUTHENTICATION yes\n"
            "kbdinteractiveauthentication no\n"
            "LoginGraceTime=1m30s\n"
            "PermitRootLogin = without-password # old spelling\n"
            "AllowTcpForwarding all\n"
            "AllowUsers alice \"bob\"\n"
            "AllowUsers carol\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Setting(*db, "kbdinteractiveauthentication"), (Rows{{"yes", "sshd_config", "/etc/ssh/sshd_config", "1"}}));
  EXPECT_EQ(Setting(*db, "logingracetime"), (Rows{{"90", "sshd_config", "/etc/ssh/sshd_config", "3"}}));
  EXPECT_EQ(Setting(*db, "permitrootlogin"), (Rows{{"prohibit-password", "sshd_config", "/etc/ssh/sshd_config", "4"}}));
  EXPECT_EQ(Setting(*db, "allowtcpforwarding"), (Rows{{"yes", "sshd_config", "/etc/ssh/sshd_config", "5"}}));
  EXPECT_EQ(Query(*db, "SELECT value, line FROM sshd_settings WHERE key = 'allowusers' ORDER BY rowid"),
            (Rows{{"alice", "6"}, {"bob", "6"}, {"carol", "7"}}));
}

TEST(SshdParser, PortsAndListenAddressesExpandLikeSshdT) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/ssh/sshd_config",
            "Port 22\nPort 2222\nListenAddress 10.0.0.5\nListenAddress [::1]:2200\nListenAddress fe80::1\n"
            "MaxStartups 10:30:60\nMaxStartups 3\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT value, line FROM sshd_settings WHERE key = 'port' ORDER BY rowid"),
            (Rows{{"22", "1"}, {"2222", "2"}}));
  EXPECT_EQ(Query(*db, "SELECT value, line FROM sshd_settings WHERE key = 'listenaddress' ORDER BY rowid"),
            (Rows{{"10.0.0.5:22", "3"},
                  {"10.0.0.5:2222", "3"},
                  {"[::1]:2200", "4"},
                  {"[fe80::1]:22", "5"},
                  {"[fe80::1]:2222", "5"}}));
  EXPECT_EQ(Setting(*db, "maxstartups"), (Rows{{"3:30:3", "sshd_config", "/etc/ssh/sshd_config", "7"}}));
}

TEST(SshdParser, AddressFamilyInetLimitsTheDefaultListenAddress) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/ssh/sshd_config", "AddressFamily inet\nPort 2022\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Setting(*db, "listenaddress"), (Rows{{"0.0.0.0:2022", "default", "", "0"}}));
}

TEST(SshdParser, MalformedLinesAreReportedWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/ssh/sshd_config",
            "PermitRootLogin no\n"
            "PermitRotLogin yes\n"
            "PasswordAuthentication\n"
            "PasswordAuthentication maybe\n"
            "Match User bob\n"
            "Port 2222\n"
            "Match Colour blue\n"
            "Match User\n"
            "Banner \"/etc/issue\n"
            "MaxAuthTries 3 4\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags), (std::vector<std::string>{
                                 "h: /etc/ssh/sshd_config:2: unknown keyword",
                                 "h: /etc/ssh/sshd_config:3: passwordauthentication has no value",
                                 "h: /etc/ssh/sshd_config:4: invalid value for passwordauthentication",
                                 "h: /etc/ssh/sshd_config:6: port is not allowed inside a Match block",
                                 "h: /etc/ssh/sshd_config:7: unsupported Match criterion",
                                 "h: /etc/ssh/sshd_config:8: Match user needs a value",
                                 "h: /etc/ssh/sshd_config:9: banner: unterminated quote",
                                 "h: /etc/ssh/sshd_config:10: maxauthtries takes exactly one value",
                             }));
  EXPECT_EQ(Setting(*db, "permitrootlogin"), (Rows{{"no", "sshd_config", "/etc/ssh/sshd_config", "1"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE category = 'ssh' AND state = 'error'"), (Rows{{"8"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE category = 'ssh' AND state = 'ok'"), (Rows{{"0"}}));
}

TEST(SshdParser, IncludeLoopIsStoppedWithAnError) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: /etc/ssh/sshd_config:1: Include nested too deeply");
}

TEST(SshdParser, SshdTCutShortIsAnError) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("sshd-T", "port 22\npermitrootlogin yes\npasswordauthent", 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags), (std::vector<std::string>{"h: cmd/sshd-T.out:3: output ends in the middle of a line "
                                                       "(cut short?)"}));
  EXPECT_EQ(Setting(*db, "permitrootlogin"), (Rows{{"yes", "sshd -T", "cmd/sshd-T.out", "2"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE category = 'ssh' AND state = 'error'"), (Rows{{"1"}}));
}

TEST(SshdParser, SshdTGarbageLineIsAnError) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("sshd-T", "port 22\nPort: 22\nx11forwarding\n", 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags), (std::vector<std::string>{"h: cmd/sshd-T.out:2: expected 'keyword value'",
                                                       "h: cmd/sshd-T.out:3: expected 'keyword value'"}));
}

TEST(SshdParser, FailedSshdTFallsBackToSshdConfig) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("sshd-T", "", 255);
  s.PutFile("/etc/ssh/sshd_config", "PermitRootLogin no\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags), (std::vector<std::string>{"h: cmd/sshd-T.out: sshd -T exited with status 255 without "
                                                       "settings; computed them from sshd_config"}));
  EXPECT_EQ(Setting(*db, "permitrootlogin"), (Rows{{"no", "sshd_config", "/etc/ssh/sshd_config", "1"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'ssh'"), (Rows{{"ok"}}));
}

TEST(SshdParser, FailedSshdTWithoutConfigIsACoverageError) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("sshd-T", "", 255);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT state, detail FROM coverage WHERE category = 'ssh'"),
            (Rows{{"error", "sshd -T exited with status 255 and sshd_config was not collected"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM sshd_settings"), (Rows{{"0"}}));
}

TEST(SshdParser, NothingCollectedWritesNothing) {
  Snapshot s = testing::MakeSnapshot();
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE category = 'ssh'"), (Rows{{"0"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM sshd_settings"), (Rows{{"0"}}));
}

}  // namespace
}  // namespace shipshape
