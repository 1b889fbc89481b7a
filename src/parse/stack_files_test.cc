// Tests of the stack-folder readings of the Prometheus, cron, timer and stack-scripts parsers.
#include "parse/stack_files.h"

#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

using testing::FileLineMessages;

Snapshot MakeStack() { return testing::MakeStackSnapshot("changemaker"); }

constexpr const char* kPrometheusYml = R"(global:
  scrape_interval: 15s
rule_files:
  - /etc/prometheus/alerts.yml
alerting:
  alertmanagers:
    - static_configs:
        - targets: ['alertmanager:9093']
scrape_configs:
  - job_name: changemaker-api
    static_configs:
      - targets: ['api:4000']
  - job_name: redis
    static_configs:
      - targets: ['redis-exporter:9121']
)";

constexpr const char* kAlertsYml = R"(groups:
  - name: changemaker
    rules:
      - alert: APIDown
        expr: up{job="changemaker-api"} == 0
        for: 1m
        labels:
          severity: critical
      - alert: RedisMemoryHigh
        expr: redis_memory_used_bytes / redis_memory_max_bytes > 0.8
        for: 10m
        labels:
          severity: warning
)";

TEST(StackPrometheus, ConfigInSubfolderLoadsRuleFileNamedByItsContainerPath) {
  Snapshot s = MakeStack();
  s.PutFile("/configs/prometheus/prometheus.yml", kPrometheusYml);
  s.PutFile("/configs/prometheus/alerts.yml", kAlertsYml);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty()) << FileLineMessages(diags)[0];
  EXPECT_EQ(
      Query(*db, "SELECT job, target, target_host, target_port, file, line FROM prometheus_targets ORDER BY line"),
      (Rows{{"changemaker-api", "api:4000", "api", "4000", "/configs/prometheus/prometheus.yml", "12"},
            {"redis", "redis-exporter:9121", "redis-exporter", "9121", "/configs/prometheus/prometheus.yml", "15"}}));
  EXPECT_EQ(Query(*db, "SELECT pattern, matched, file, line FROM prometheus_rule_files"),
            (Rows{{"/etc/prometheus/alerts.yml", "1", "/configs/prometheus/prometheus.yml", "4"}}));
  EXPECT_EQ(Query(*db, "SELECT group_name, alert, duration, severity, file, line FROM prometheus_alerts ORDER BY line"),
            (Rows{{"changemaker", "APIDown", "1m", "critical", "/configs/prometheus/alerts.yml", "4"},
                  {"changemaker", "RedisMemoryHigh", "10m", "warning", "/configs/prometheus/alerts.yml", "9"}}));
}

TEST(StackPrometheus, RuleFileNoConfigLoadsIsStillRead) {
  Snapshot s = MakeStack();
  s.PutFile("/monitoring/rules/backup.yml",
            "groups:\n- name: backup\n  rules:\n  - alert: BackupStale\n"
            "    expr: time() - cm_backup_last_success_timestamp > 21600\n");
  s.PutFile("/docker-compose.yml", "services:\n  app:\n    image: nginx:1.27\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT alert, expr, duration, file, line FROM prometheus_alerts"),
            (Rows{{"BackupStale", "time() - cm_backup_last_success_timestamp > 21600", "",
                   "/monitoring/rules/backup.yml", "4"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM prometheus_targets"), (Rows{{"0"}}));
}

TEST(StackPrometheus, BrokenConfigIsReportedWithItsStackPath) {
  Snapshot s = MakeStack();
  s.PutFile("/prometheus.yml", "scrape_configs:\n  - job_name: [api\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].file, "/prometheus.yml");
  EXPECT_GE(diags.all()[0].line, 2);
}

TEST(StackPrometheus, HostSnapshotReadsOnlyEtcPrometheus) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/opt/app/configs/prometheus/alerts.yml", kAlertsYml);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM prometheus_alerts"), (Rows{{"0"}}));
}

constexpr const char* kBackupScript = R"(#!/bin/bash
# Backs up the V2 database, Listmonk and the uploads; uploads to S3 when S3_BUCKET is set.
set -euo pipefail
STAMP=$(date +%Y%m%d-%H%M%S)
mkdir -p backups
docker compose exec -T v2-postgres pg_dump -U changemaker changemaker_v2 > "backups/changemaker_v2-$STAMP.sql"
docker compose exec -T listmonk-db pg_dump -U listmonk listmonk > "backups/listmonk-$STAMP.sql"
tar czf "backups/uploads-$STAMP.tar.gz" uploads/
if [ -n "${S3_BUCKET:-}" ]; then
  aws s3 cp "backups/" "s3://$S3_BUCKET/" --recursive
fi
)";

TEST(StackScripts, BackupScriptNothingSchedulesIsUnscheduled) {
  Snapshot s = MakeStack();
  s.PutFile("/scripts/backup.sh", kBackupScript);
  s.PutFile("/scripts/pangolin-setup.sh", "#!/bin/bash\ncurl -fsS -X POST http://localhost:4000/api/pangolin/setup\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db,
                  "SELECT path, backup_tools, offsite, scheduled, scheduled_by, file, line FROM stack_scripts "
                  "ORDER BY path"),
            (Rows{{"/scripts/backup.sh", "pg_dump tar aws s3", "1", "0", "", "/scripts/backup.sh", "6"},
                  {"/scripts/pangolin-setup.sh", "", "0", "0", "", "/scripts/pangolin-setup.sh", "1"}}));
  EXPECT_EQ(Query(*db, "SELECT kind, tool, file, line FROM backup_evidence ORDER BY line"),
            (Rows{{"script", "pg_dump", "/scripts/backup.sh", "6"},
                  {"script", "pg_dump", "/scripts/backup.sh", "7"},
                  {"script", "tar", "/scripts/backup.sh", "8"},
                  {"script", "aws s3", "/scripts/backup.sh", "10"}}));
}

TEST(StackScripts, UserCrontabInTheFolderSchedulesTheScriptByItsServerPath) {
  Snapshot s = MakeStack();
  s.PutFile("/scripts/backup.sh", kBackupScript);
  s.PutFile("/deploy/changemaker.crontab",
            "# Backup every 6 hours\n"
            "0 */6 * * * cd /home/bunker-admin/changemaker.lite && ./scripts/backup.sh >> /var/log/cm-backup.log 2>&1\n"
            "0 3 * * * find /home/bunker-admin/changemaker.lite/backups -type f -mtime +7 -delete\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty()) << FileLineMessages(diags)[0];
  EXPECT_EQ(Query(*db, "SELECT path, scheduled, scheduled_by FROM stack_scripts"),
            (Rows{{"/scripts/backup.sh", "1", "/deploy/changemaker.crontab:2"}}));
  EXPECT_EQ(Query(*db, "SELECT user, schedule, origin, backup_tool, offsite, file, line FROM cron_jobs ORDER BY line"),
            (Rows{{"", "0 */6 * * *", "stack", "pg_dump,tar,aws s3", "1", "/deploy/changemaker.crontab", "2"},
                  {"", "0 3 * * *", "stack", "NULL", "NULL", "/deploy/changemaker.crontab", "3"}}));
  // The invocations the job reaches are recorded once, under the folder's path of the script.
  EXPECT_EQ(Query(*db, "SELECT DISTINCT file FROM backup_evidence"), (Rows{{"/scripts/backup.sh"}}));
}

TEST(StackScripts, CronDFileHasAUserFieldAndSchedulesThroughAWrapper) {
  Snapshot s = MakeStack();
  s.PutFile("/scripts/backup.sh", kBackupScript);
  s.PutFile("/scripts/nightly.sh", "#!/bin/sh\n# nightly jobs\n/opt/changemaker/scripts/backup.sh\n");
  s.PutFile("/cron.d/changemaker", "SHELL=/bin/sh\n30 2 * * * deploy /opt/changemaker/scripts/nightly.sh\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT path, backup_tools, scheduled, scheduled_by FROM stack_scripts ORDER BY path"),
            (Rows{{"/scripts/backup.sh", "pg_dump tar aws s3", "1", "/cron.d/changemaker:2"},
                  {"/scripts/nightly.sh", "", "1", "/cron.d/changemaker:2"}}));
  EXPECT_EQ(Query(*db, "SELECT user, command, backup_tool FROM cron_jobs"),
            (Rows{{"deploy", "/opt/changemaker/scripts/nightly.sh", "pg_dump,tar,aws s3"}}));
}

TEST(StackScripts, CommentedCrontabLineDoesNotSchedule) {
  Snapshot s = MakeStack();
  s.PutFile("/scripts/backup.sh", kBackupScript);
  s.PutFile("/crontab", "# 0 */6 * * * /opt/app/scripts/backup.sh\n@daily docker system prune -f\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT scheduled FROM stack_scripts"), (Rows{{"0"}}));
  EXPECT_EQ(Query(*db, "SELECT user, schedule, command FROM cron_jobs"),
            (Rows{{"", "@daily", "docker system prune -f"}}));
}

TEST(StackTimers, TimerUnitActivatesTheServiceThatRunsTheScript) {
  Snapshot s = MakeStack();
  s.PutFile("/scripts/backup.sh", kBackupScript);
  s.PutFile("/systemd/cm-backup.timer",
            "[Unit]\nDescription=Changemaker backup every 6 hours\n\n[Timer]\nOnCalendar=*-*-* 00/6:00:00\n"
            "Persistent=true\n\n[Install]\nWantedBy=timers.target\n");
  s.PutFile("/systemd/cm-backup.service",
            "[Unit]\nDescription=Changemaker backup\n\n[Service]\nType=oneshot\n"
            "WorkingDirectory=/srv/changemaker\nExecStart=/srv/changemaker/scripts/backup.sh\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty()) << FileLineMessages(diags)[0];
  EXPECT_EQ(Query(*db, "SELECT unit, activates, next, last, file, line FROM timers"),
            (Rows{{"cm-backup.timer", "cm-backup.service", "NULL", "NULL", "/systemd/cm-backup.timer", "4"}}));
  EXPECT_EQ(Query(*db, "SELECT scheduled, scheduled_by FROM stack_scripts"),
            (Rows{{"1", "/systemd/cm-backup.service:7"}}));
  EXPECT_EQ(Query(*db, "SELECT DISTINCT file FROM backup_evidence"), (Rows{{"/scripts/backup.sh"}}));
}

TEST(StackTimers, TimerWithoutTimerSectionIsMalformed) {
  Snapshot s = MakeStack();
  s.PutFile("/backup.timer", "[Unit]\nDescription=x\nOnCalendar daily\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(FileLineMessages(diags),
            (std::vector<std::string>{"/backup.timer:3: expected [Section] or Key=Value",
                                      "/backup.timer:1: a timer unit must have a [Timer] section"}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM timers"), (Rows{{"0"}}));
}

TEST(StackFiles, RecognisesCrontabsAndResolvesServerPaths) {
  EXPECT_TRUE(IsStackCrontab("/crontab"));
  EXPECT_TRUE(IsStackCrontab("/ops/backup.cron"));
  EXPECT_TRUE(IsStackCrontab("/cron.d/changemaker"));
  EXPECT_FALSE(IsStackCrontab("/cron.d/changemaker.dpkg-old"));
  EXPECT_FALSE(IsStackCrontab("/docs/crontab.md"));
  EXPECT_FALSE(CrontabHasUserField("/crontab", "0 1 * * * cd /opt/app && ./backup.sh\n"));
  EXPECT_TRUE(CrontabHasUserField("/crontab", "0 1 * * * root /opt/app/backup.sh\n"));
  Snapshot s = MakeStack();
  s.PutFile("/scripts/backup.sh", "#!/bin/sh\n");
  EXPECT_EQ(ResolveStackPath(s, "/home/u/app/scripts/backup.sh"), "/scripts/backup.sh");
  EXPECT_EQ(ResolveStackPath(s, "/usr/local/bin/backup.sh"), "");
  Snapshot host = testing::MakeSnapshot();
  host.PutFile("/scripts/backup.sh", "#!/bin/sh\n");
  EXPECT_EQ(ResolveStackPath(host, "/home/u/app/scripts/backup.sh"), "");
}

}  // namespace
}  // namespace shipshape
