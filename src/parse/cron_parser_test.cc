// Tests of the cron parser and its backup detection (tables `cron_jobs`, `backup_evidence`).
#include <gtest/gtest.h>

#include "fact_query.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

using testing::Messages;

// The backup script of the bms-1 plan (seed document), as it would be installed.
constexpr const char* kSeedBackupScript = R"(#!/bin/bash
set -euo pipefail
BACKUP_DATE=$(date +%Y-%m-%d)
BACKUP_DIR="/tmp/bms1-backup-${BACKUP_DATE}"
S3_PREFIX="s3://p24-infra/bms-1-backups/${BACKUP_DATE}"

mkdir -p "$BACKUP_DIR"

# 1. PostgreSQL dump
sudo -u postgres pg_dumpall | gzip > "${BACKUP_DIR}/postgres-all.sql.gz"

# 2. Redis dump (BGSAVE, then copy RDB)
redis-cli BGSAVE
sleep 5
cp /var/lib/redis/dump.rdb "${BACKUP_DIR}/redis-dump.rdb"

# 5. Upload to Wasabi
aws --endpoint-url https://s3.eu-central-2.wasabisys.com s3 sync \
  "${BACKUP_DIR}/" "${S3_PREFIX}/" --sse AES256

rm -rf "${BACKUP_DIR}"
echo "Backup complete: ${S3_PREFIX}"
)";

TEST(CronParser, ReadsDebianSystemCrontab) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/crontab", testing::ReadTestFile(testing::CorpusDir() + "/debian12/etc/crontab"));
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty()) << Messages(diags)[0];
  EXPECT_EQ(
      Query(*db, "SELECT user, schedule, command, origin, backup_tool, offsite, line FROM cron_jobs ORDER BY line"),
      (Rows{{"root", "17 * * * *", "cd / && run-parts --report /etc/cron.hourly", "crontab", "NULL", "NULL", "18"},
            {"root", "25 6 * * *", "test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }",
             "crontab", "NULL", "NULL", "19"},
            {"root", "47 6 * * 7", "test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.weekly; }",
             "crontab", "NULL", "NULL", "20"},
            {"root", "52 6 1 * *", "test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.monthly; }",
             "crontab", "NULL", "NULL", "21"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'backup'"), Rows{{"ok"}});
}

TEST(CronParser, SeedBackupJobRunsAScriptThatUploadsToS3) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("crontab-root",
               "# m h dom mon dow command\n"
               "0 1 * * * /opt/p24-infra/scripts/backup-bms1.sh >> /var/log/bms1-backup.log 2>&1\n",
               0);
  s.PutFile("/opt/p24-infra/scripts/backup-bms1.sh", kSeedBackupScript);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT user, schedule, origin, backup_tool, offsite, file, line FROM cron_jobs"),
            (Rows{{"root", "0 1 * * *", "user", "pg_dumpall,redis-cli,aws s3", "1", "cmd/crontab-root.out", "2"}}));
  EXPECT_EQ(Query(*db, "SELECT kind, tool, offsite, file, line FROM backup_evidence ORDER BY line"),
            (Rows{{"script", "pg_dumpall", "0", "/opt/p24-infra/scripts/backup-bms1.sh", "10"},
                  {"script", "redis-cli", "0", "/opt/p24-infra/scripts/backup-bms1.sh", "13"},
                  {"script", "aws s3", "1", "/opt/p24-infra/scripts/backup-bms1.sh", "18"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE source = 'cmd/crontab-root.out'"), Rows{{"ok"}});
}

TEST(CronParser, LocalDumpIsNotOffsite) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/cron.d/pgdump",
            "MAILTO=ops@example.com\n"
            "30 2 * * * postgres pg_dump -Fc appdb > /var/backups/db.sql\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT user, origin, backup_tool, offsite FROM cron_jobs"),
            (Rows{{"postgres", "cron.d", "pg_dump", "0"}}));
  EXPECT_EQ(Query(*db, "SELECT kind, tool, offsite, detail, file, line FROM backup_evidence"),
            (Rows{{"cron", "pg_dump", "0", "pg_dump -Fc appdb > /var/backups/db.sql", "/etc/cron.d/pgdump", "2"}}));
}

TEST(CronParser, ResticWithAnS3RepositoryInTheCrontabEnvironmentIsOffsite) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/cron.d/restic",
            "RESTIC_REPOSITORY = s3:https://s3.eu-central-1.amazonaws.com/acme-backups\n"
            "RESTIC_PASSWORD_FILE=/root/.restic-pass\n"
            "@daily root restic backup --one-file-system /etc /srv && restic forget --keep-daily 7 --prune\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT user, schedule, backup_tool, offsite, line FROM cron_jobs"),
            (Rows{{"root", "@daily", "restic", "1", "3"}}));
}

TEST(CronParser, CommentedOutOrEchoedToolsAreNoBackup) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("crontab-deploy",
               "#0 3 * * * pg_dump appdb | aws s3 cp - s3://acme/db.sql\n"
               "0 3 * * * echo pg_dump is disabled > /tmp/note\n"
               "*/5 * * * * /usr/bin/curl -fsS https://hc-ping.com/abc # restic backup\n",
               0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT user, schedule, backup_tool, offsite FROM cron_jobs ORDER BY line"),
            (Rows{{"deploy", "0 3 * * *", "NULL", "NULL"}, {"deploy", "*/5 * * * *", "NULL", "NULL"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM backup_evidence"), Rows{{"0"}});
}

TEST(CronParser, RunPartsScriptsAreDailyJobs) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/cron.daily/borg-backup",
            "#!/bin/sh\nexport BORG_REPO=ssh://u123@u123.your-storagebox.de:23/./bms1\n"
            "borg create --stats ::'{hostname}-{now}' /etc /srv\n");
  s.PutFile("/etc/cron.daily/.placeholder", "# DO NOT EDIT OR REMOVE\n");
  s.PutFile("/etc/cron.daily/old.dpkg-old", "borg create /x::y /etc\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT user, schedule, command, origin, backup_tool, offsite FROM cron_jobs"),
            (Rows{{"root", "@daily", "/etc/cron.daily/borg-backup", "cron.daily", "borg", "1"}}));
  EXPECT_EQ(Query(*db, "SELECT kind, tool, offsite, file, line FROM backup_evidence"),
            (Rows{{"script", "borg", "1", "/etc/cron.daily/borg-backup", "3"}}));
}

TEST(CronParser, UserWithoutCrontabIsAnAnswerAndAFailedCommandIsNot) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("crontab-alice", "", 1);
  s.PutCommand("crontab-bob", "", 2);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT source, state, detail FROM coverage WHERE category = 'backup' ORDER BY source"),
            (Rows{{"cmd/crontab-alice.out", "ok", "no crontab"},
                  {"cmd/crontab-bob.out", "error", "crontab -l exited with status 2"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM cron_jobs"), Rows{{"0"}});
}

TEST(CronParser, MalformedLinesAreReportedAndTheRestIsRead) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/crontab",
            "SHELL=/bin/sh\n"
            "0 4 * * * root /usr/local/bin/nightly.sh\n"
            "15 3 *\n"
            "0 25 * * * root /bin/true\n"
            "@sometimes root /bin/true\n"
            "0 5 * * mon-fri root tar -czf /var/backups/etc.tgz /etc\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags),
            (std::vector<std::string>{
                "h: /etc/crontab:3: expected 5 time fields (or an @keyword), a user and a command",
                "h: /etc/crontab:4: malformed hour field", "h: /etc/crontab:5: unknown @ schedule keyword"}));
  EXPECT_EQ(Query(*db, "SELECT line, backup_tool FROM cron_jobs ORDER BY line"), (Rows{{"2", "NULL"}, {"6", "tar"}}));
  EXPECT_EQ(Query(*db, "SELECT DISTINCT state FROM coverage WHERE category = 'backup'"), Rows{{"error"}});
}

TEST(CronParser, UserCrontabLineNeedsACommand) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("crontab-app", "0 1 * * *\n", 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags), std::vector<std::string>{
                                 "h: cmd/crontab-app.out:1: expected 5 time fields (or an @keyword) and a command"});
}

TEST(CronParser, BackupTimersAreEvidence) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("systemctl-timers",
               "Mon 2026-06-15 00:00:00 UTC 13h left Sun 2026-06-14 00:00:00 UTC 10h ago "
               "dpkg-db-backup.timer dpkg-db-backup.service\n"
               "Mon 2026-06-15 02:30:00 UTC 16h left Sun 2026-06-14 02:30:04 UTC 7h ago "
               "pg-backup.timer pg-backup.service\n"
               "- - Sun 2026-06-14 09:00:03 UTC 59min ago restic-backup.timer restic-backup.service\n",
               0);
  s.PutFile("/etc/systemd/system/restic-backup.service",
            "[Service]\nType=oneshot\nEnvironment=RESTIC_REPOSITORY=b2:acme-backups:bms1\n"
            "ExecStart=/usr/bin/restic backup /srv\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(
      Query(*db, "SELECT kind, tool, offsite, detail, file, line FROM backup_evidence ORDER BY file"),
      (Rows{
          {"timer", "restic", "1", "/usr/bin/restic backup /srv", "/etc/systemd/system/restic-backup.service", "4"},
          {"timer", "NULL", "NULL", "pg-backup.timer activates pg-backup.service", "cmd/systemctl-timers.out", "2"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM timers"), Rows{{"3"}});  // the timers table is the other parser's
}

}  // namespace
}  // namespace shipshape
