// Tests of the systemctl list-units and list-timers parsers (tables `services`, `timers`).
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

std::vector<std::string> MessagesFor(const Diagnostics& diags, const std::string& file) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.all()) {
    if (d.file == file) out.push_back(d.ToString());
  }
  return out;
}

// systemd 252 on Debian 12 (--plain hides the bullet column): sshd, nginx, PostgreSQL 15, Docker,
// a failed fail2ban, and a unit another unit wants that is not installed.
constexpr const char* kUnitsDebian12 =
    "apparmor.service                       loaded    active   exited  Load AppArmor profiles\n"
    "apt-daily-upgrade.service              loaded    inactive dead    Daily apt upgrade and clean activities\n"
    "auditd.service                         not-found inactive dead    auditd.service\n"
    "containerd.service                     loaded    active   running containerd container runtime\n"
    "cron.service                           loaded    active   running Regular background program processing daemon\n"
    "docker.service                         loaded    active   running Docker Application Container Engine\n"
    "fail2ban.service                       loaded    failed   failed  Fail2Ban Service\n"
    "getty@tty1.service                     loaded    active   running Getty on tty1\n"
    "nginx.service                          loaded    active   running A high performance web server and a reverse "
    "proxy server\n"
    "postgresql.service                     loaded    active   exited  PostgreSQL RDBMS\n"
    "postgresql@15-main.service             loaded    active   running PostgreSQL Cluster 15-main\n"
    "prometheus-node-exporter.service       loaded    active   running Prometheus exporter for machine metrics\n"
    "ssh.service                            loaded    active   running OpenBSD Secure Shell server\n"
    "systemd-timesyncd.service              masked    inactive dead    systemd-timesyncd.service\n";

TEST(SystemdUnitsParser, ReadsDebian12Services) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("systemctl-units", kUnitsDebian12, 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(MessagesFor(diags, "cmd/systemctl-units.out").empty());
  EXPECT_EQ(
      Query(*db,
            "SELECT unit, load, active, sub, description, file, line FROM services "
            "WHERE unit IN ('nginx.service', 'fail2ban.service', 'auditd.service') ORDER BY line"),
      (Rows{{"auditd.service", "not-found", "inactive", "dead", "auditd.service", "cmd/systemctl-units.out", "3"},
            {"fail2ban.service", "loaded", "failed", "failed", "Fail2Ban Service", "cmd/systemctl-units.out", "7"},
            {"nginx.service", "loaded", "active", "running", "A high performance web server and a reverse proxy server",
             "cmd/systemctl-units.out", "9"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM services"), Rows{{"14"}});
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE source = 'cmd/systemctl-units.out'"), Rows{{"ok"}});
}

// systemd 246-era output keeps the glyph column: two spaces, or a bullet before failed and
// not-found units; under LC_ALL=C the bullet is an asterisk.
TEST(SystemdUnitsParser, SkipsTheFailedUnitBullet) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("systemctl-units",
               "  cron.service         loaded    active   running Regular background program processing daemon\n"
               "\xe2\x97\x8f snapd.service        loaded    failed   failed  Snap Daemon\n"
               "* apport.service       not-found inactive dead    apport.service\n"
               "  ssh.service          loaded    active   running OpenBSD Secure Shell server\n",
               0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(MessagesFor(diags, "cmd/systemctl-units.out").empty());
  EXPECT_EQ(Query(*db, "SELECT unit, load, active, sub, description FROM services ORDER BY line"),
            (Rows{{"cron.service", "loaded", "active", "running", "Regular background program processing daemon"},
                  {"snapd.service", "loaded", "failed", "failed", "Snap Daemon"},
                  {"apport.service", "not-found", "inactive", "dead", "apport.service"},
                  {"ssh.service", "loaded", "active", "running", "OpenBSD Secure Shell server"}}));
}

TEST(SystemdUnitsParser, MalformedLinesAreReportedWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("systemctl-units",
               "ssh.service loaded active running OpenBSD Secure Shell server\n"
               "nginx.service loaded\n"
               "nginx loaded active running nginx\n"
               "nginx.service enabled active running nginx\n"
               "\n"
               "nginx.service loaded running active nginx\n",
               0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(MessagesFor(diags, "cmd/systemctl-units.out"),
            (std::vector<std::string>{"h: cmd/systemctl-units.out:2: expected UNIT LOAD ACTIVE SUB DESCRIPTION",
                                      "h: cmd/systemctl-units.out:3: unit name does not end in .service",
                                      "h: cmd/systemctl-units.out:4: unknown LOAD state",
                                      "h: cmd/systemctl-units.out:6: unknown ACTIVE state"}));
  EXPECT_EQ(Query(*db, "SELECT unit FROM services"), Rows{{"ssh.service"}});
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE category = 'monitoring' AND state = 'error'"), Rows{{"4"}});
}

TEST(SystemdUnitsParser, SystemctlWithoutSystemdIsACoverageError) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("systemctl-units", "", 1);  // a container: "System has not been booted with systemd"
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT category, state, detail FROM coverage WHERE source = 'cmd/systemctl-units.out'"),
            (Rows{{"monitoring", "error", "systemctl-units exited with status 1"}}));
}

// systemd 252 on Debian 12 at 10:00 UTC: LEFT and PASSED right-aligned, "-" for what is unset.
constexpr const char* kTimersDebian12 =
    "Sun 2026-06-14 12:05:11 UTC       2h 5min left Sat 2026-06-13 12:05:11 UTC      21h ago "
    "systemd-tmpfiles-clean.timer systemd-tmpfiles-clean.service\n"
    "Sun 2026-06-14 15:44:51 UTC      5h 44min left Sun 2026-06-14 06:21:07 UTC 3h 38min ago "
    "apt-daily.timer              apt-daily.service\n"
    "Mon 2026-06-15 00:00:00 UTC           13h left Sun 2026-06-14 00:00:00 UTC      10h ago "
    "dpkg-db-backup.timer         dpkg-db-backup.service\n"
    "Mon 2026-06-15 00:00:00 UTC           13h left Sun 2026-06-14 00:00:00 UTC      10h ago "
    "logrotate.timer              logrotate.service\n"
    "Mon 2026-06-15 02:30:00 UTC           16h left Sun 2026-06-14 02:30:04 UTC       7h ago "
    "pg-backup.timer              pg-backup.service\n"
    "Mon 2026-06-15 06:34:18 UTC           20h left Sun 2026-06-14 06:12:01 UTC 3h 47min ago "
    "apt-daily-upgrade.timer      apt-daily-upgrade.service\n"
    "Sun 2026-06-21 03:10:25 UTC        6 days left Sun 2026-06-14 03:10:58 UTC       6h ago "
    "e2scrub_all.timer            e2scrub_all.service\n"
    "Mon 2026-06-22 00:42:13 UTC 1 week 0 days left Mon 2026-06-08 00:42:13 UTC   6 days ago "
    "fstrim.timer                 fstrim.service\n"
    "-                                            - Sun 2026-06-14 09:00:03 UTC    59min ago "
    "borg-backup.timer            borg-backup.service\n"
    "-                                            - -                                      - "
    "restic-backup.timer          restic-backup.service\n";

TEST(SystemdTimersParser, ReadsDebian12Timers) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("systemctl-timers", kTimersDebian12, 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(MessagesFor(diags, "cmd/systemctl-timers.out").empty());
  EXPECT_EQ(
      Query(*db,
            "SELECT unit, activates, next, last, next_epoch, last_epoch, line FROM timers "
            "WHERE unit LIKE '%backup%' ORDER BY line"),
      (Rows{{"dpkg-db-backup.timer", "dpkg-db-backup.service", "2026-06-15 00:00:00 UTC", "2026-06-14 00:00:00 UTC",
             "1781481600", "1781395200", "3"},
            {"pg-backup.timer", "pg-backup.service", "2026-06-15 02:30:00 UTC", "2026-06-14 02:30:04 UTC", "1781490600",
             "1781404204", "5"},
            {"borg-backup.timer", "borg-backup.service", "NULL", "2026-06-14 09:00:03 UTC", "NULL", "1781427603", "9"},
            {"restic-backup.timer", "restic-backup.service", "NULL", "NULL", "NULL", "NULL", "10"}}));
  EXPECT_EQ(Query(*db, "SELECT next, last FROM timers WHERE unit = 'fstrim.timer'"),
            (Rows{{"2026-06-22 00:42:13 UTC", "2026-06-08 00:42:13 UTC"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*), min(file) FROM timers"), (Rows{{"10", "cmd/systemctl-timers.out"}}));
  // Timers alone never make a category ok.
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE source = 'cmd/systemctl-timers.out'"), Rows{{"0"}});
}

// systemd 245 on Ubuntu 20.04 prints "n/a" where 252 prints "-", and left-aligns every column.
TEST(SystemdTimersParser, ReadsUbuntu2004NotApplicableTimes) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("systemctl-timers",
               "Sun 2026-06-14 10:39:00 UTC 38min left    Sun 2026-06-14 10:09:01 UTC 51s ago      "
               "phpsessionclean.timer        phpsessionclean.service\n"
               "Sun 2026-06-14 20:43:40 UTC 10h left      Sun 2026-06-14 08:11:13 UTC 1h 48min ago "
               "motd-news.timer              motd-news.service\n"
               "n/a                         n/a           n/a                         n/a          "
               "snapd.snap-repair.timer      snapd.snap-repair.service\n"
               "n/a                         n/a           Sun 2026-06-14 06:12:01 UTC 3h 47min ago "
               "ua-timer.timer               ua-timer.service\n",
               0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(MessagesFor(diags, "cmd/systemctl-timers.out").empty());
  EXPECT_EQ(
      Query(*db, "SELECT unit, activates, next, last FROM timers ORDER BY line"),
      (Rows{{"phpsessionclean.timer", "phpsessionclean.service", "2026-06-14 10:39:00 UTC", "2026-06-14 10:09:01 UTC"},
            {"motd-news.timer", "motd-news.service", "2026-06-14 20:43:40 UTC", "2026-06-14 08:11:13 UTC"},
            {"snapd.snap-repair.timer", "snapd.snap-repair.service", "NULL", "NULL"},
            {"ua-timer.timer", "ua-timer.service", "NULL", "2026-06-14 06:12:01 UTC"}}));
}

TEST(SystemdTimersParser, LocalZonesKeepTheTextAndConvertOnlyUnambiguousOffsets) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("systemctl-timers",
               "Mon 2026-06-15 00:00:00 CEST 7h left Sun 2026-06-14 00:00:00 CEST 17h ago logrotate.timer "
               "logrotate.service\n"
               "Mon 2026-06-15 08:00:00 +08 13h left Sun 2026-06-14 08:00:00 +08 10h ago man-db.timer man-db.service\n",
               0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT unit, next, next_epoch, last_epoch FROM timers ORDER BY line"),
            (Rows{{"logrotate.timer", "2026-06-15 00:00:00 CEST", "NULL", "NULL"},
                  {"man-db.timer", "2026-06-15 08:00:00 +08", "1781481600", "1781395200"}}));
}

TEST(SystemdTimersParser, MalformedLinesMakeBackupUnknown) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("systemctl-timers",
               "Mon 2026-06-15 00:00:00 UTC 13h left Sun 2026-06-14 00:00:00 UTC 10h ago logrotate.timer "
               "logrotate.service\n"
               "logrotate.timer logrotate.service\n"
               "Mon 2026-06-15 00:00:00 UTC 13h left logrotate.timer logrotate.service\n"
               "Mon 2026-13-45 00:00:00 UTC 13h left - - man-db.timer man-db.service\n"
               "- - - - backup.service backup.service\n",
               0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(MessagesFor(diags, "cmd/systemctl-timers.out"),
            (std::vector<std::string>{"h: cmd/systemctl-timers.out:2: expected NEXT LEFT LAST PASSED UNIT ACTIVATES",
                                      "h: cmd/systemctl-timers.out:3: malformed LAST or PASSED column",
                                      "h: cmd/systemctl-timers.out:4: malformed NEXT or LEFT column",
                                      "h: cmd/systemctl-timers.out:5: expected the timer unit before ACTIVATES"}));
  EXPECT_EQ(Query(*db, "SELECT unit FROM timers"), Rows{{"logrotate.timer"}});
  EXPECT_EQ(Query(*db, "SELECT DISTINCT category, state FROM coverage WHERE source = 'cmd/systemctl-timers.out'"),
            (Rows{{"backup", "error"}}));
}

}  // namespace
}  // namespace shipshape
