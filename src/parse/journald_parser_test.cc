// Tests of the journald settings parser (table `journald_settings`).
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

// Debian 12's /etc/systemd/journald.conf (systemd 252), abridged: every setting commented out.
constexpr const char* kDebian12JournaldConf =
    "#  This file is part of systemd.\n"
    "#\n"
    "# Entries in this file show the compile time defaults. Local configuration\n"
    "# should be created by either modifying this file, or by creating \"drop-ins\" in\n"
    "# the journald.conf.d/ subdirectory. The latter is generally recommended.\n"
    "# Defaults can be restored by simply deleting this file and all drop-ins.\n"
    "#\n"
    "# Use 'systemd-analyze cat-config systemd/journald.conf' to display the full config.\n"
    "#\n"
    "# See journald.conf(5) for details.\n"
    "\n"
    "[Journal]\n"
    "#Storage=auto\n"
    "#Compress=yes\n"
    "#Seal=yes\n"
    "#SplitMode=uid\n"
    "#SyncIntervalSec=5m\n"
    "#RateLimitIntervalSec=30s\n"
    "#RateLimitBurst=10000\n"
    "#SystemMaxUse=\n"
    "#SystemKeepFree=\n"
    "#SystemMaxFileSize=\n"
    "#SystemMaxFiles=100\n"
    "#MaxRetentionSec=\n"
    "#ForwardToSyslog=yes\n";

TEST(JournaldParser, DebianDefaultSetsNothingAndIsRead) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/systemd/journald.conf", kDebian12JournaldConf);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM journald_settings"), Rows{{"0"}});
  EXPECT_EQ(Query(*db, "SELECT source, state FROM coverage WHERE category = 'logging'"),
            (Rows{{"/etc/systemd/journald.conf", "ok"}}));
}

TEST(JournaldParser, DropInsOverrideTheMainFileInLexicalOrder) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/systemd/journald.conf", std::string(kDebian12JournaldConf) + "SystemMaxUse=1G\nStorage=volatile\n");
  s.PutFile("/etc/systemd/journald.conf.d/50-persistent.conf",
            "[Journal]\nStorage=persistent\nMaxRetentionSec=1month\n");
  s.PutFile("/etc/systemd/journald.conf.d/90-retention.conf",
            "[Journal]\n; keep three months\nMaxRetentionSec=3month\n");
  s.PutFile("/etc/systemd/journald.conf.d/README", "Storage=none\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT key, value, file, line FROM journald_settings ORDER BY key"),
            (Rows{{"MaxRetentionSec", "3month", "/etc/systemd/journald.conf.d/90-retention.conf", "3"},
                  {"Storage", "persistent", "/etc/systemd/journald.conf.d/50-persistent.conf", "2"},
                  {"SystemMaxUse", "1G", "/etc/systemd/journald.conf", "26"}}));
}

TEST(JournaldParser, MalformedLinesAreReported) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/systemd/journald.conf", "Storage=persistent\n[Journal]\nSystemMaxUse 1G\n[Other\nCompress=no\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  std::vector<std::string> messages;
  for (const Diagnostic& d : diags.all()) messages.push_back(d.ToString());
  EXPECT_EQ(messages, (std::vector<std::string>{"h: /etc/systemd/journald.conf:1: setting outside a section",
                                                "h: /etc/systemd/journald.conf:3: expected KEY=value",
                                                "h: /etc/systemd/journald.conf:4: malformed section header"}));
  EXPECT_EQ(Query(*db, "SELECT DISTINCT state FROM coverage WHERE category = 'logging'"), Rows{{"error"}});
}

}  // namespace
}  // namespace shipshape
