// The `backup_evidence` table: backup-tool invocations found in cron lines, scripts and systemd timers.
#include "parse/backup_evidence.h"

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"
#include "parse/shell_command.h"
#include "parse/stack_files.h"

namespace shipshape {
namespace {

const TableDef& kBackupEvidence = RegisterTable(
    {"backup_evidence",
     "Every backup-tool invocation found in a cron line, a collected shell script or a systemd timer "
     "(pg_dump, pg_dumpall, pg_basebackup, mongodump, mysqldump, mariadb-dump, redis-cli --rdb/BGSAVE, restic "
     "backup, borg create, rclone, aws s3 cp/sync, s3cmd, gsutil, azcopy, duplicity, rsync, scp to a host, "
     "rsnapshot, tar c…, …). Commented-out lines and tool names that are only arguments (echo pg_dump) are not "
     "invocations. One row per invocation (file, line, tool).",
     {Text("kind",
           "cron (written in a crontab line) | script (in a shell script: run by a job, in /etc/cron.daily "
           "and the like, or any collected *.sh) | timer (a systemd timer's service, or a timer whose name "
           "says backup/restic/borg/dump)"),
      Text("tool",
           "pg_dump, pg_dumpall, pg_basebackup, mongodump, mysqldump, mariadb-dump, redis-cli, restic, borg, "
           "borgmatic, rclone, 'aws s3', s3cmd, gsutil, azcopy, duplicity, rsync, scp, rsnapshot, tar, "
           "rdiff-backup, pgbackrest, wal-g, …; NULL for a timer known only by its name"),
      Int("offsite",
          "1 when the invocation sends the data off the host (remote restic/borg repository, bucket, "
          "host:path, a pipe into ssh or an upload tool), 0 when it stays local or the destination is "
          "not known; NULL for a timer known only by its name"),
      Text("detail", "the command line (at most 200 bytes), or for a timer known by name 'TIMER activates SERVICE'"),
      FileCol(), LineCol()}});

constexpr const char* kTimersFile = "cmd/systemctl-timers.out";

bool IsShellScript(std::string_view path, std::string_view text) {
  if (StartsWith(path, "/proc/")) return false;
  if (EndsWith(path, ".sh")) return true;
  return HasShellShebang(text);
}

bool NamesBackup(std::string_view unit) {
  // Debian's own daily copy of the dpkg status file into /var/backups backs up no data.
  if (StartsWith(unit, "dpkg-db-backup.")) return false;
  for (std::string_view word : {"backup", "restic", "borg", "dump"}) {
    if (ContainsIgnoreCase(unit, word)) return true;
  }
  return false;
}

void ReadEnvironment(std::string_view value, ShellEnv& env) {
  for (const SimpleCommand& cmd : SplitShellLine(value, {}).commands) {
    std::string name, v;
    for (const auto* list : {&cmd.assigns, &cmd.words}) {
      for (const std::string& w : *list) {
        if (SplitAssignment(w, &name, &v)) env[name] = v;
      }
    }
  }
}

// The ExecStart= lines of the unit file at `path`; returns how many invocations they hold.
size_t ScanUnitFile(const Snapshot& snap, const std::string& path, const std::string& text, const ScriptLookup& lookup,
                    EvidenceSink& evidence) {
  ShellEnv env;
  size_t found = 0;
  int n = 0;
  for (std::string_view raw : SplitLines(text)) {
    ++n;
    std::string_view line = Trim(raw);
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view key = Trim(line.substr(0, eq)), value = Trim(line.substr(eq + 1));
    if (key == "Environment") ReadEnvironment(value, env);
    if (key == "EnvironmentFile") {
      while (StartsWith(value, "-")) value.remove_prefix(1);
      if (const std::string* file = snap.File(ResolveStackPath(snap, value))) {
        for (std::string_view l : SplitLines(*file)) ReadEnvironment(l, env);
      }
    }
    if (key != "ExecStart" && key != "ExecStartPre" && key != "ExecStartPost") continue;
    while (!value.empty() && std::string_view("-@:+!").find(value[0]) != std::string_view::npos) {
      value.remove_prefix(1);
    }
    auto hits = ScanShell(value, path, n, env, lookup);
    for (BackupHit& h : hits) {
      if (!snap.File(h.file)) h.file = ResolveStackPath(snap, h.file);
    }
    evidence.Add(hits, "timer");
    found += hits.size();
  }
  return found;
}

// The ExecStart= lines of a collected service unit; returns how many invocations they hold (0 when
// the unit was not collected).
size_t ScanServiceUnit(const Snapshot& snap, const std::string& service, EvidenceSink& evidence) {
  for (std::string_view dir : {"/etc/systemd/system/", "/lib/systemd/system/", "/usr/lib/systemd/system/"}) {
    std::string path = std::string(dir) + service;
    const std::string* text = snap.File(path);
    if (!text) continue;
    return ScanUnitFile(
        snap, path, *text, [&snap](std::string_view p) { return snap.File(p); }, evidence);
  }
  return 0;
}

}  // namespace

void EvidenceSink::Add(const std::vector<BackupHit>& hits, std::string_view kind) {
  for (const BackupHit& h : hits) {
    std::string key = h.file + '\n' + std::to_string(h.line) + '\n' + h.tool;
    if (!seen_.insert(key).second) continue;
    out_.Add(kBackupEvidence, {V(h.depth == 0 ? kind : "script"), V(h.tool), VBool(h.offsite), V(h.detail), V(h.file),
                               V(static_cast<int64_t>(h.line))});
  }
}

void EvidenceSink::AddNamedTimer(std::string tool, std::string detail, int line) {
  out_.Add(kBackupEvidence, {V("timer"), tool.empty() ? VNull() : V(tool), VNull(), V(detail), V(kTimersFile),
                             V(static_cast<int64_t>(line))});
}

void ScanCollectedScripts(const Snapshot& snap, EvidenceSink& evidence) {
  ScriptLookup lookup = [&snap](std::string_view p) { return snap.File(p); };
  for (const auto& [path, text] : snap.files()) {
    if (IsShellScript(path, text)) evidence.Add(ScanShell(text, path, 1, {}, lookup), "script");
  }
}

void ScanStackTimers(const Snapshot& snap, EvidenceSink& evidence) {
  ScriptLookup lookup = [&snap](std::string_view p) { return snap.File(ResolveStackPath(snap, p)); };
  for (const auto& [key, text] : snap.files()) {
    if (!EndsWith(key, ".timer")) continue;
    int line = 0;
    std::string service = FindStackService(snap, key, TimerActivates(key, text, &line));
    if (!service.empty()) ScanUnitFile(snap, service, *snap.File(service), lookup, evidence);
  }
}

void ScanBackupTimers(const Snapshot& snap, EvidenceSink& evidence) {
  const std::string* text = snap.CommandOk("systemctl-timers");
  if (!text) return;
  int n = 0;
  for (std::string_view line : SplitLines(*text)) {
    ++n;
    auto words = SplitWhitespace(line);
    size_t t = 0;
    while (t < words.size() && !EndsWith(words[t], ".timer")) ++t;
    if (t == words.size()) continue;
    std::string timer(words[t]);
    std::string service = t + 1 < words.size() && EndsWith(words[t + 1], ".service")
                              ? std::string(words[t + 1])
                              : timer.substr(0, timer.size() - 6) + ".service";
    if (!NamesBackup(timer) && !NamesBackup(service)) continue;
    if (ScanServiceUnit(snap, service, evidence) > 0) continue;
    std::string names = timer + " " + service;
    std::string tool = ContainsIgnoreCase(names, "restic") ? "restic" : ContainsIgnoreCase(names, "borg") ? "borg" : "";
    evidence.AddNamedTimer(tool, timer + " activates " + service, n);
  }
}

}  // namespace shipshape
