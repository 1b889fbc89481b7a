// Tests of the sudoers grammar: one logical line at a time.
#include "parse/sudoers_grammar.h"

#include <gtest/gtest.h>

#include "base/strings.h"

namespace shipshape {
namespace {

// A rule rendered as "principals | hosts | (runas) [NOPASSWD] commands ; …" for compact expectations.
std::string Render(const SudoersEntry& e) {
  if (e.kind == SudoersKind::kInvalid) return "invalid: " + e.error;
  if (e.kind == SudoersKind::kNothing) return "nothing";
  if (e.kind == SudoersKind::kInclude) return "include " + e.path;
  if (e.kind == SudoersKind::kIncludeDir) return "includedir " + e.path;
  if (e.kind == SudoersKind::kAlias) {
    std::string out = e.alias_type;
    for (const auto& [name, def] : e.aliases) out += " " + name + "=[" + def + "]";
    return out;
  }
  std::string out = Join(e.principals, ",") + " | " + e.hosts + " |";
  for (const SudoersCommands& g : e.groups) {
    out += " (" + g.runas.value_or("-") + ")" + (g.nopasswd ? " NOPASSWD " : " ") + Join(g.commands, ",") + ";";
  }
  return out;
}

struct Case {
  const char* line;
  const char* want;
};

TEST(SudoersGrammar, LineForms) {
  const Case kCases[] = {
      {"root\tALL=(ALL:ALL) ALL", "root | ALL | (ALL:ALL) ALL;"},
      {"%sudo   ALL=(ALL:ALL) ALL", "%sudo | ALL | (ALL:ALL) ALL;"},
      {"deploy ALL=(ALL) NOPASSWD: /usr/bin/docker, /bin/systemctl",
       "deploy | ALL | (ALL) NOPASSWD /usr/bin/docker,/bin/systemctl;"},
      {"admin ALL=(ALL) NOPASSWD:ALL", "admin | ALL | (ALL) NOPASSWD ALL;"},
      {"alice, bob web1, web2 = (root) /bin/ls, (operator) /bin/cat",
       "alice,bob | web1, web2 | (root) /bin/ls; (operator) /bin/cat;"},
      {"ci ALL = NOPASSWD: /bin/a, PASSWD: /bin/b", "ci | ALL | (-) NOPASSWD /bin/a; (-) /bin/b;"},
      {"ops ALL = (ALL) CWD=/srv NOEXEC: NOPASSWD: /usr/bin/less", "ops | ALL | (ALL) NOPASSWD /usr/bin/less;"},
      {"#1000 ALL=(#0) /usr/bin/id", "#1000 | ALL | (#0) /usr/bin/id;"},
      {"%#27 ALL=(ALL) ALL  # group by gid", "%#27 | ALL | (ALL) ALL;"},
      {"backup ALL = (root) /usr/bin/tar -czf /b.tgz /etc\\, /srv",
       "backup | ALL | (root) /usr/bin/tar -czf /b.tgz /etc\\, /srv;"},
      {"web ALL = (www-data, backup : adm) /usr/bin/rsync", "web | ALL | (www-data, backup : adm) /usr/bin/rsync;"},
      {"Defaults\tenv_reset", "nothing"},
      {"Defaults:%sudo env_keep += \"EDITOR\"", "nothing"},
      {"Defaults!/usr/bin/sudoreplay !log_output", "nothing"},
      {"# User privilege specification", "nothing"},
      {"#Defaults:%sudo env_keep += \"GREP_COLOR\"", "nothing"},
      {"@includedir /etc/sudoers.d", "includedir /etc/sudoers.d"},
      {"#includedir /etc/sudoers.d", "includedir /etc/sudoers.d"},
      {"@include \"/etc/sudoers.local\"", "include /etc/sudoers.local"},
      {"User_Alias ADMINS = alice,bob", "User_Alias ADMINS=[alice, bob]"},
      {"Cmnd_Alias SHUT = /sbin/halt, /sbin/reboot : KILL = /bin/kill",
       "Cmnd_Alias SHUT=[/sbin/halt, /sbin/reboot] KILL=[/bin/kill]"},
      {"admin ALL", "invalid: expected 'USER HOST = COMMANDS'"},
      {"admin = ALL", "invalid: expected 'USER HOST = COMMANDS'"},
      {"admin ALL = (ALL", "invalid: unclosed ( in Runas specification"},
      {"admin ALL = (ALL) NOPASSWD:", "invalid: missing command after '=' or ','"},
      {"admin ALL = /bin/ls,", "invalid: missing command after '=' or ','"},
      {"Host_Alias lower = web1", "invalid: expected NAME = definition after Host_Alias"},
      {"@includedir", "invalid: expected a path after @includedir"},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(Render(ParseSudoersLine(c.line)), c.want) << c.line;
  }
}

TEST(SudoersGrammar, BackslashJoinsLinesAndKeepsTheFirstLineNumber) {
  auto lines = SudoersLogicalLines("# a comment ending in \\\nroot ALL=(ALL) \\\n  ALL\n%sudo ALL=(ALL) ALL\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].line, 1);
  EXPECT_EQ(lines[1].line, 2);
  EXPECT_EQ(lines[1].text, "root ALL=(ALL)   ALL");
  EXPECT_EQ(lines[2].line, 4);
}

TEST(SudoersGrammar, IncludeDirSkipsDottedAndBackupNames) {
  EXPECT_TRUE(SudoersIncludeDirReads("90-cloud-init-users"));
  EXPECT_TRUE(SudoersIncludeDirReads("README"));
  EXPECT_FALSE(SudoersIncludeDirReads("deploy.conf"));
  EXPECT_FALSE(SudoersIncludeDirReads("deploy~"));
  EXPECT_FALSE(SudoersIncludeDirReads(""));
}

}  // namespace
}  // namespace shipshape
