// Tests of the APT configuration parser (table `apt_config`).
#include <gtest/gtest.h>

#include "fact_query.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

using testing::Messages;

std::string Corpus(const std::string& name) {
  return testing::ReadTestFile(testing::CorpusDir() + "/debian12/etc/apt/apt.conf.d/" + name);
}

TEST(AptConfigParser, ReadsDebianUnattendedUpgrades) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/apt/apt.conf.d/20auto-upgrades", Corpus("20auto-upgrades"));
  s.PutFile("/etc/apt/apt.conf.d/50unattended-upgrades", Corpus("50unattended-upgrades"));
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty()) << Messages(diags)[0];
  EXPECT_EQ(Query(*db, "SELECT key, value, file, line, list FROM apt_config WHERE list = 0 ORDER BY key"),
            (Rows{{"APT::Periodic::Unattended-Upgrade", "1", "/etc/apt/apt.conf.d/20auto-upgrades", "2", "0"},
                  {"APT::Periodic::Update-Package-Lists", "1", "/etc/apt/apt.conf.d/20auto-upgrades", "1", "0"}}));
  // Entries commented out with // (the -updates and backports origins, every blacklist entry) are not there.
  EXPECT_EQ(
      Query(*db, "SELECT key, value, line FROM apt_config WHERE list = 1 ORDER BY line"),
      (Rows{{"Unattended-Upgrade::Origins-Pattern", "origin=Debian,codename=${distro_codename},label=Debian", "31"},
            {"Unattended-Upgrade::Origins-Pattern", "origin=Debian,codename=${distro_codename},label=Debian-Security",
             "32"},
            {"Unattended-Upgrade::Origins-Pattern",
             "origin=Debian,codename=${distro_codename}-security,label=Debian-Security", "33"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'updates'"), Rows{{"ok"}});
}

TEST(AptConfigParser, LaterFileOverridesEarlierWhateverTheCase) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/apt/apt.conf.d/20auto-upgrades", Corpus("20auto-upgrades"));
  s.PutFile("/etc/apt/apt.conf.d/99local", "apt::periodic::unattended-upgrade \"0\";\n");
  s.PutFile("/etc/apt/apt.conf.d/99zz.dpkg-old", "APT::Periodic::Update-Package-Lists \"0\";\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db,
                  "SELECT key, value, file FROM apt_config WHERE key = 'APT::Periodic::Unattended-Upgrade' "
                  "COLLATE NOCASE"),
            (Rows{{"apt::periodic::unattended-upgrade", "0", "/etc/apt/apt.conf.d/99local"}}));
  EXPECT_EQ(Query(*db, "SELECT value FROM apt_config WHERE key = 'APT::Periodic::Update-Package-Lists'"), Rows{{"1"}});
}

TEST(AptConfigParser, NestedScopesCommentsAndClear) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/apt/apt.conf.d/10periodic",
            "APT {\n"
            "  Periodic {\n"
            "    Unattended-Upgrade \"1\"; # enabled\n"
            "    /* AutocleanInterval \"7\";\n"
            "       still a comment */ Verbose 2;\n"
            "  };\n"
            "};\n"
            "Unattended-Upgrade::Allowed-Origins { \"${distro_id}:${distro_codename}-security\"; "
            "\"${distro_id}:${distro_codename}\"; };\n"
            "Unattended-Upgrade::Mail:: \"root\";\n");
  s.PutFile("/etc/apt/apt.conf.d/90local",
            "#clear Unattended-Upgrade::Allowed-Origins;\n"
            "Unattended-Upgrade::Allowed-Origins:: \"${distro_id}ESM:${distro_codename}-infra-security\";\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty()) << Messages(diags)[0];
  EXPECT_EQ(Query(*db, "SELECT key, value, file, line, list FROM apt_config ORDER BY file, line"),
            (Rows{{"APT::Periodic::Unattended-Upgrade", "1", "/etc/apt/apt.conf.d/10periodic", "3", "0"},
                  {"APT::Periodic::Verbose", "2", "/etc/apt/apt.conf.d/10periodic", "5", "0"},
                  {"Unattended-Upgrade::Mail", "root", "/etc/apt/apt.conf.d/10periodic", "9", "1"},
                  {"Unattended-Upgrade::Allowed-Origins", "${distro_id}ESM:${distro_codename}-infra-security",
                   "/etc/apt/apt.conf.d/90local", "2", "1"}}));
}

TEST(AptConfigParser, UnterminatedStringIsReportedAndTheNextLinesAreRead) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/apt/apt.conf.d/20auto-upgrades",
            "APT::Periodic::Update-Package-Lists \"1\";\n"
            "APT::Periodic::Unattended-Upgrade \"1;\n"
            "APT::Periodic::AutocleanInterval \"7\";\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags), std::vector<std::string>{"h: /etc/apt/apt.conf.d/20auto-upgrades:2: unterminated string"});
  EXPECT_EQ(Query(*db, "SELECT key FROM apt_config ORDER BY line"),
            (Rows{{"APT::Periodic::Update-Package-Lists"}, {"APT::Periodic::AutocleanInterval"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'updates'"), Rows{{"error"}});
}

TEST(AptConfigParser, StructuralErrorsNameTheLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/apt/apt.conf.d/50bad",
            "APT::Periodic::Unattended-Upgrade \"1\"\n"
            "APT::Get::Assume-Yes \"true\";\n"
            "\"orphan\";\n"
            "};\n"
            "Unattended-Upgrade::Origins-Pattern {\n"
            "  \"origin=Debian\";\n");
  Diagnostics diags;
  testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags),
            (std::vector<std::string>{
                "h: /etc/apt/apt.conf.d/50bad:1: expected ';' after the value of APT::Periodic::Unattended-Upgrade",
                "h: /etc/apt/apt.conf.d/50bad:3: list entry outside a block",
                "h: /etc/apt/apt.conf.d/50bad:4: unexpected '}'",
                "h: /etc/apt/apt.conf.d/50bad:5: block is not closed with '};'"}));
}

}  // namespace
}  // namespace shipshape
