// Tests of the accounts parser (tables `users`, `group_members`, `sudoers`).
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

// A Debian 12 server: base-passwd's accounts, systemd's, sshd, postgres and one admin.
constexpr const char* kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "bin:x:2:2:bin:/bin:/usr/sbin/nologin\n"
    "sys:x:3:3:sys:/dev:/usr/sbin/nologin\n"
    "sync:x:4:65534:sync:/bin:/bin/sync\n"
    "games:x:5:60:games:/usr/games:/usr/sbin/nologin\n"
    "man:x:6:12:man:/var/cache/man:/usr/sbin/nologin\n"
    "lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin\n"
    "mail:x:8:8:mail:/var/mail:/usr/sbin/nologin\n"
    "news:x:9:9:news:/var/spool/news:/usr/sbin/nologin\n"
    "uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin\n"
    "proxy:x:13:13:proxy:/bin:/usr/sbin/nologin\n"
    "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n"
    "backup:x:34:34:backup:/var/backups:/usr/sbin/nologin\n"
    "list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin\n"
    "irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin\n"
    "_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\n"
    "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
    "systemd-network:x:998:998:systemd Network Management:/:/usr/sbin/nologin\n"
    "messagebus:x:100:107::/nonexistent:/usr/sbin/nologin\n"
    "sshd:x:101:65534::/run/sshd:/usr/sbin/nologin\n"
    "postgres:x:102:110:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash\n"
    "admin:x:1000:1000:Admin,,,:/home/admin:/bin/bash\n"
    "deploy:x:1001:1001::/home/deploy:/bin/bash\n";

constexpr const char* kGroup =
    "root:x:0:\n"
    "adm:x:4:admin\n"
    "sudo:x:27:admin\n"
    "www-data:x:33:\n"
    "docker:x:999:admin,deploy\n"
    "admin:x:1000:\n";

// /etc/sudoers as shipped by Debian 12's sudo package (1.9.13p3).
constexpr const char* kDebianSudoers = R"(#
# This file MUST be edited with the 'visudo' command as root.
#
# Please consider adding local content in /etc/sudoers.d/ instead of
# directly modifying this file.
#
# See the man page for details on how to write a sudoers file.
#
Defaults	env_reset
Defaults	mail_badpass
Defaults	secure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

# This fixes CVE-2005-4890 and possibly breaks some versions of kdesu
# (#1011624, https://bugs.kde.org/show_bug.cgi?id=452532)
Defaults	use_pty

# This preserves proxy settings from user environments of root
# equivalent users (group sudo)
#Defaults:%sudo env_keep += "http_proxy https_proxy ftp_proxy all_proxy no_proxy"

# This allows running arbitrary commands, but so does ALL, and it means
# different sudoers have their choice of editor respected.
#Defaults:%sudo env_keep += "EDITOR"

# Completely harmless preservation of a user preference.
#Defaults:%sudo env_keep += "GREP_COLOR"

# While you shouldn't normally run git as root, you need to with etckeeper
#Defaults:%sudo env_keep += "GIT_AUTHOR_* GIT_COMMITTER_*"

# Per-user preferences; root won't have sensible values for them.
#Defaults:%sudo env_keep += "EMAIL DEBEMAIL DEBFULLNAME"

# "sudo scp" or "sudo rsync" should be able to use your SSH agent.
#Defaults:%sudo env_keep += "SSH_AGENT_PID SSH_AUTH_SOCK"

# Ditto for GPG agent
#Defaults:%sudo env_keep += "GPG_AGENT_INFO"

# Host alias specification

# User alias specification

# Cmnd alias specification

# User privilege specification
root	ALL=(ALL:ALL) ALL

# Allow members of group sudo to execute any command
%sudo	ALL=(ALL:ALL) ALL

# See sudoers(5) for more information on "@include" directives:

@includedir /etc/sudoers.d
)";

// What teams add in /etc/sudoers.d/ (Debian's README there is all comments).
constexpr const char* kDeploy =
    "# CI deploys\n"
    "Cmnd_Alias SERVICES = /bin/systemctl restart app, \\\n"
    "                      /bin/systemctl status app\n"
    "deploy ALL=(ALL) NOPASSWD: /usr/bin/docker, \\\n"
    "    /bin/systemctl\n"
    "deploy ALL=(root) SERVICES\n";

constexpr const char* kOps =
    "User_Alias OPS = alice, bob\n"
    "Cmnd_Alias EVERYTHING = ALL\n"
    "OPS, ci ALL = (ALL) NOPASSWD: EVERYTHING\n";

Snapshot DebianHost() {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/passwd", kPasswd);
  s.PutFile("/etc/group", kGroup);
  s.PutFile("/etc/sudoers", kDebianSudoers);
  s.PutFile("/etc/sudoers.d/README", "#\n# Files in this directory are read by sudo.\n#\n");
  s.PutFile("/etc/sudoers.d/deploy", kDeploy);
  s.PutFile("/etc/sudoers.d/90-ops", kOps);
  return s;
}

TEST(AccountsParser, ReadsPasswdWithLoginShells) {
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({DebianHost()}, &diags);
  EXPECT_TRUE(diags.empty()) << diags.all()[0].ToString();
  EXPECT_EQ(Query(*db, "SELECT name, uid, gid, home, shell, line FROM users WHERE can_login = 1 ORDER BY uid"),
            (Rows{{"root", "0", "0", "/root", "/bin/bash", "1"},
                  {"postgres", "102", "110", "/var/lib/postgresql", "/bin/bash", "22"},
                  {"admin", "1000", "1000", "/home/admin", "/bin/bash", "23"},
                  {"deploy", "1001", "1001", "/home/deploy", "/bin/bash", "24"}}));
  EXPECT_EQ(Query(*db, "SELECT can_login FROM users WHERE name = 'sync'"), Rows{{"0"}});
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM users"), Rows{{"24"}});
}

TEST(AccountsParser, EmptyPasswordFieldIsFlagged) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nguest::1002:1002::/home/guest:/bin/sh\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT name FROM users WHERE empty_password = 1"), Rows{{"guest"}});
}

TEST(AccountsParser, ReadsOneRowPerGroupMember) {
  auto db = testing::LoadFactsOrDie({DebianHost()});
  EXPECT_EQ(Query(*db, "SELECT group_name, gid, user, line FROM group_members ORDER BY line, user"),
            (Rows{{"adm", "4", "admin", "2"},
                  {"sudo", "27", "admin", "3"},
                  {"docker", "999", "admin", "5"},
                  {"docker", "999", "deploy", "5"}}));
}

TEST(AccountsParser, ReadsDebianDefaultSudoers) {
  auto db = testing::LoadFactsOrDie({DebianHost()});
  EXPECT_EQ(Query(*db,
                  "SELECT principal, hosts, runas, commands, nopasswd, all_commands, line, kind FROM sudoers "
                  "WHERE file = '/etc/sudoers' ORDER BY line"),
            (Rows{{"root", "ALL", "ALL:ALL", "ALL", "0", "1", "47", "rule"},
                  {"%sudo", "ALL", "ALL:ALL", "ALL", "0", "1", "50", "rule"},
                  {"NULL", "NULL", "NULL", "/etc/sudoers.d", "0", "0", "54", "includedir"}}));
}

TEST(AccountsParser, FollowsIncludeDirWithContinuationsAndAliases) {
  auto db = testing::LoadFactsOrDie({DebianHost()});
  EXPECT_EQ(
      Query(*db,
            "SELECT principal, runas, commands, nopasswd, all_commands, line, kind FROM sudoers "
            "WHERE file = '/etc/sudoers.d/deploy' ORDER BY line"),
      (Rows{{"SERVICES", "NULL", "/bin/systemctl restart app, /bin/systemctl status app", "0", "0", "2", "Cmnd_Alias"},
            {"deploy", "ALL", "/usr/bin/docker, /bin/systemctl", "1", "0", "4", "rule"},
            {"deploy", "root", "SERVICES", "0", "0", "6", "rule"}}));
}

TEST(AccountsParser, CommandAliasOfAllGrantsAllCommandsToEachPrincipal) {
  auto db = testing::LoadFactsOrDie({DebianHost()});
  EXPECT_EQ(Query(*db,
                  "SELECT principal, commands, nopasswd FROM sudoers WHERE all_commands = 1 AND nopasswd = 1 "
                  "ORDER BY principal"),
            (Rows{{"OPS", "EVERYTHING", "1"}, {"ci", "EVERYTHING", "1"}}));
  EXPECT_EQ(Query(*db, "SELECT commands FROM sudoers WHERE kind = 'User_Alias'"), Rows{{"alice, bob"}});
}

TEST(AccountsParser, IncludeDirSkipsNamesWithDotOrTilde) {
  Snapshot s = DebianHost();
  s.PutFile("/etc/sudoers.d/deploy~", "deploy ALL=(ALL) NOPASSWD: ALL\n");
  s.PutFile("/etc/sudoers.d/old.conf", "guest ALL=(ALL) NOPASSWD: ALL\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM sudoers WHERE file LIKE '%~' OR file LIKE '%.conf'"), Rows{{"0"}});
  ASSERT_EQ(diags.all().size(), 2u);
  EXPECT_EQ(diags.all()[0].ToString(),
            "h: /etc/sudoers.d/deploy~: ignored by sudo: the name contains '.' or ends in '~'");
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE category = 'ssh'"), Rows{{"0"}});
}

TEST(AccountsParser, WithoutIncludeDirTheDropInsAreNotRead) {
  Snapshot s = DebianHost();
  s.PutFile("/etc/sudoers", "root ALL=(ALL:ALL) ALL\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT DISTINCT file FROM sudoers"), Rows{{"/etc/sudoers"}});
}

TEST(AccountsParser, RelativeIncludeIsReadBesideTheIncludingFile) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/sudoers", "#include sudoers.local\n");
  s.PutFile("/etc/sudoers.local", "backup ALL = NOPASSWD: /usr/bin/rsync\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT kind, principal, runas, commands, nopasswd, file FROM sudoers ORDER BY rowid"),
            (Rows{{"include", "NULL", "NULL", "sudoers.local", "0", "/etc/sudoers"},
                  {"rule", "backup", "NULL", "/usr/bin/rsync", "1", "/etc/sudoers.local"}}));
}

TEST(AccountsParser, MalformedLinesAreReportedWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nbroken:x:1000\nweird:x:abc:0::/:/bin/sh\n");
  s.PutFile("/etc/group", "sudo:x:27:admin\ndocker:x:999\n");
  s.PutFile("/etc/sudoers", "root ALL=(ALL:ALL) ALL\nadmin ALL\n\nops ALL=(ALL\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  std::vector<std::string> got;
  for (const Diagnostic& d : diags.all()) got.push_back(d.ToString());
  EXPECT_EQ(got, (std::vector<std::string>{
                     "h: /etc/passwd:2: expected 7 colon-separated fields (name:password:uid:gid:gecos:home:shell)",
                     "h: /etc/passwd:3: uid or gid is not a number",
                     "h: /etc/group:2: expected 4 colon-separated fields (name:password:gid:members)",
                     "h: /etc/sudoers:2: expected 'USER HOST = COMMANDS'",
                     "h: /etc/sudoers:4: unclosed ( in Runas specification"}));
  EXPECT_EQ(Query(*db, "SELECT principal FROM sudoers"), Rows{{"root"}});
  EXPECT_EQ(Query(*db, "SELECT DISTINCT state FROM coverage WHERE category = 'ssh'"), Rows{{"error"}});
}

}  // namespace
}  // namespace shipshape
