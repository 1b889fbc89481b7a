// Tests of finding backup-tool invocations in shell text (tool, off-site, file and line).
#include "parse/backup_detect.h"

#include <gtest/gtest.h>

#include <map>

namespace shipshape {
namespace {

// "tool offsite file:line" per hit, in order.
std::vector<std::string> Scan(std::string_view text, const ShellEnv& env = {},
                              const std::map<std::string, std::string, std::less<>>& files = {}) {
  ScriptLookup lookup = [&files](std::string_view path) -> const std::string* {
    auto it = files.find(path);
    return it == files.end() ? nullptr : &it->second;
  };
  std::vector<std::string> out;
  for (const BackupHit& h : ScanShell(text, "f", 1, env, lookup)) {
    out.push_back(h.tool + " " + std::to_string(h.offsite) + " " + h.file + ":" + std::to_string(h.line));
  }
  return out;
}

using Hits = std::vector<std::string>;

TEST(BackupDetect, LocalDumpsAreLocal) {
  EXPECT_EQ(Scan("pg_dump -U app appdb > /var/backups/db.sql\n"
                 "mysqldump --single-transaction --all-databases | gzip > /backup/all.sql.gz\n"
                 "/usr/bin/mongodump --archive=/backup/m.gz --gzip\n"
                 "tar -czf /backup/etc.tgz /etc\n"),
            (Hits{"pg_dump 0 f:1", "mysqldump 0 f:2", "mongodump 0 f:3", "tar 0 f:4"}));
}

TEST(BackupDetect, CommentsEchoesAndChecksAreNotInvocations) {
  EXPECT_EQ(Scan("# pg_dump appdb > /tmp/x\n"
                 "echo pg_dump appdb\n"
                 "echo \"restic backup\" | logger\n"
                 "command -v pg_dump >/dev/null || exit 1\n"
                 "which restic\n"
                 "tar -xzf /backup/etc.tgz -C /tmp\n"
                 "restic snapshots\n"
                 "redis-cli CONFIG GET save\n"),
            Hits{});
}

TEST(BackupDetect, ResticRepositoryDecidesOffsite) {
  EXPECT_EQ(Scan("restic backup /srv", {{"RESTIC_REPOSITORY", "s3:https://s3.amazonaws.com/acme-backups"}}),
            Hits{"restic 1 f:1"});
  EXPECT_EQ(Scan("restic -r /mnt/usb/restic backup /srv"), Hits{"restic 0 f:1"});
  EXPECT_EQ(Scan("RESTIC_REPOSITORY=b2:acme:host restic backup /srv --tag nightly"), Hits{"restic 1 f:1"});
  EXPECT_EQ(Scan("export RESTIC_REPOSITORY=sftp:backup@nas:/restic\nrestic backup /etc"), Hits{"restic 1 f:2"});
}

TEST(BackupDetect, BorgRepositoryDecidesOffsite) {
  EXPECT_EQ(Scan("borg create --stats ssh://u123@u123.your-storagebox.de:23/./borg::{now} /etc /srv"),
            Hits{"borg 1 f:1"});
  EXPECT_EQ(Scan("borg create -C lz4 /srv/borg::'{hostname}-{now}' /etc"), Hits{"borg 0 f:1"});
  EXPECT_EQ(Scan("borg create ::{now} /etc", {{"BORG_REPO", "backup@10.0.0.5:/srv/borg"}}), Hits{"borg 1 f:1"});
  EXPECT_EQ(Scan("borg prune --keep-daily 7 ssh://h/./borg"), Hits{});
}

TEST(BackupDetect, CopiesToAnotherHostAreOffsite) {
  EXPECT_EQ(Scan("rsync -az --delete -e 'ssh -p 2222' /var/backups/ backup@10.0.0.2:/srv/bms1/\n"
                 "rsync -a --exclude cache /srv/data /mnt/backup\n"
                 "scp -P 2222 /var/backups/db.sql.gz backup@nas:/backups/\n"
                 "rclone sync /var/backups wasabi:acme-backups/bms1\n"
                 "duplicity full /etc b2://keyid@bucket/etc\n"
                 "duplicity /etc file:///mnt/backup/etc\n"
                 "s3cmd put /var/backups/db.gz s3://acme/db.gz\n"),
            (Hits{"rsync 1 f:1", "rsync 0 f:2", "scp 1 f:3", "rclone 1 f:4", "duplicity 1 f:5", "duplicity 0 f:6",
                  "s3cmd 1 f:7"}));
}

TEST(BackupDetect, DownloadsAndRestoresAreNotBackups) {
  EXPECT_EQ(Scan("aws s3 cp s3://acme/db.gz /tmp/db.gz\n"
                 "rclone copy wasabi:acme/db.gz /tmp\n"
                 "scp backup@nas:/backups/db.gz /tmp/\n"
                 "duplicity restore b2://keyid@bucket/etc /tmp/etc\n"),
            Hits{});
}

TEST(BackupDetect, WrappersAreSeenThrough) {
  EXPECT_EQ(Scan("sudo -u postgres pg_dumpall | gzip > /var/backups/all.sql.gz\n"
                 "docker exec -u postgres db pg_dump appdb > /backup/app.sql\n"
                 "su - postgres -c \"pg_basebackup -D /backup/base -Ft -z\"\n"
                 "flock -n /run/lock/restic.lock nice -n 19 ionice -c3 /usr/bin/restic -r /backup backup /srv\n"
                 "docker compose -f /opt/app/compose.yml exec -T mongo mongodump --archive > /backup/m.archive\n"
                 "bash -c 'redis-cli --rdb /backup/dump.rdb'\n"
                 "timeout 2h env BORG_REPO=/srv/borg borg create ::x /etc\n"),
            (Hits{"pg_dumpall 0 f:1", "pg_dump 0 f:2", "pg_basebackup 0 f:3", "restic 0 f:4", "mongodump 0 f:5",
                  "redis-cli 0 f:6", "borg 0 f:7"}));
}

TEST(BackupDetect, PipeIntoSshOrABucketIsOffsite) {
  EXPECT_EQ(Scan("pg_dump appdb | gzip | ssh backup@10.0.0.2 'cat > /srv/db.gz'\n"
                 "mysqldump --all-databases | aws s3 cp - s3://acme/all.sql\n"
                 "pg_dump appdb > /tmp/x; ssh backup@h true\n"),
            (Hits{"pg_dump 1 f:1", "mysqldump 1 f:2", "aws s3 1 f:2", "pg_dump 0 f:3"}));
}

TEST(BackupDetect, HereDocumentBodiesAreData) {
  EXPECT_EQ(Scan("cat > /tmp/readme <<'EOF'\npg_dump appdb\nEOF\nrestic backup /srv\n"), Hits{"restic 0 f:4"});
}

TEST(BackupDetect, ScriptsRunOrSourcedAreFollowedOnce) {
  std::map<std::string, std::string, std::less<>> files = {
      {"/opt/ops/backup.sh", "#!/bin/sh\n. /etc/backup.env\n/opt/ops/upload.sh\n/opt/ops/backup.sh\n"},
      {"/etc/backup.env", "S3_PREFIX=s3://acme/bms1\n"},
      {"/opt/ops/upload.sh", "#!/bin/sh\n\naws s3 sync /var/backups \"$S3_PREFIX/\" --sse AES256\n"},
      {"/opt/ops/relative.sh", "pg_dumpall > /var/backups/all.sql\n"}};
  EXPECT_EQ(Scan("/opt/ops/backup.sh >> /var/log/backup.log 2>&1", {}, files), Hits{"aws s3 1 /opt/ops/upload.sh:3"});
  EXPECT_EQ(Scan("cd /opt/ops && ./relative.sh", {}, files), Hits{"pg_dumpall 0 /opt/ops/relative.sh:1"});
  EXPECT_EQ(Scan("/opt/ops/missing.sh"), Hits{});
}

TEST(BackupDetect, ContinuationLinesKeepTheirFirstLineNumber) {
  EXPECT_EQ(Scan("set -e\naws --endpoint-url https://s3.eu-central-2.wasabisys.com s3 sync \\\n"
                 "  /tmp/b/ s3://p24-infra/b/ --sse AES256\nrm -rf /tmp/b\n"),
            Hits{"aws s3 1 f:2"});
}

}  // namespace
}  // namespace shipshape
