// Parser for cron jobs (/etc/crontab, /etc/cron.d, user crontabs, /etc/cron.daily and the like) and
// the backups they run: tables `cron_jobs` and `backup_evidence`.
#include <algorithm>
#include <array>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/backup_evidence.h"
#include "parse/line_command.h"
#include "parse/parse_util.h"
#include "parse/shell_command.h"
#include "parse/stack_files.h"

namespace shipshape {
namespace {

constexpr std::string_view kCategory = "backup";

const TableDef& kCronJobs = RegisterTable(
    {"cron_jobs",
     "Scheduled jobs: lines of /etc/crontab, /etc/cron.d/* and users' crontabs (crontab -l), and the scripts "
     "run-parts starts from /etc/cron.hourly, daily, weekly and monthly; with the backup tools each job runs, "
     "itself or through the scripts it runs when they were collected (see backup_evidence). One row per job.",
     {Text("user",
           "user the job runs as: the user field of /etc/crontab and /etc/cron.d lines, the crontab's "
           "owner for user crontabs, root for /etc/cron.daily and the like"),
      Text("schedule",
           "the five time fields as written, joined by single spaces ('0 1 * * *'), or @reboot, "
           "@hourly, @daily, @weekly, @monthly, @yearly, @annually, @midnight; '@daily' and the like "
           "for scripts of /etc/cron.daily and the like"),
      Text("command", "the command as written (cron's % newlines included); the script's path for run-parts scripts"),
      Text("origin",
           "crontab (/etc/crontab) | cron.d | user (crontab -l -u USER) | cron.hourly | cron.daily | "
           "cron.weekly | cron.monthly | stack (a crontab file of a stack folder: crontab, *.cron, *.crontab, "
           "cron.d/*; user '' when it has no user field)"),
      Text("backup_tool",
           "the backup tools the job runs, comma-separated in order of appearance "
           "('pg_dumpall,redis-cli,aws s3'); names as in backup_evidence.tool; NULL when none"),
      Int("offsite",
          "1 when the job sends backup data off the host (a remote restic/borg repository, rclone, aws s3, "
          "s3cmd, gsutil, azcopy, duplicity to a remote URL, rsync/scp to host:path), 0 when its backups "
          "stay on the host; NULL when it runs no backup tool"),
      FileCol(), LineCol()}});

const std::array<std::string_view, 5> kFieldNames = {"minute", "hour", "day-of-month", "month", "day-of-week"};
const std::array<std::pair<int, int>, 5> kFieldRanges = {{{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}}};
const std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                  "jul", "aug", "sep", "oct", "nov", "dec"};
const std::array<std::string_view, 7> kDays = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

// A number in the field's range, or a month/day name where the field takes names.
bool ValidValue(std::string_view v, size_t field) {
  if (auto n = ParseInt(v)) return *n >= kFieldRanges[field].first && *n <= kFieldRanges[field].second;
  std::string lower = ToLower(v);
  if (field == 3) return std::find(kMonths.begin(), kMonths.end(), lower) != kMonths.end();
  if (field == 4) return std::find(kDays.begin(), kDays.end(), lower) != kDays.end();
  return false;
}

// One time field: comma-separated items, each *, VALUE or VALUE-VALUE, optionally /STEP.
bool ValidTimeField(std::string_view field, size_t index) {
  for (std::string_view item : Split(field, ',')) {
    size_t slash = item.find('/');
    if (slash != std::string_view::npos) {
      auto step = ParseInt(item.substr(slash + 1));
      if (!step || *step <= 0) return false;
      item = item.substr(0, slash);
    }
    if (item == "*") continue;
    size_t dash = item.find('-');
    if (dash == std::string_view::npos
            ? !ValidValue(item, index)
            : !ValidValue(item.substr(0, dash), index) || !ValidValue(item.substr(dash + 1), index)) {
      return false;
    }
  }
  return true;
}

bool IsScheduleKeyword(std::string_view s) {
  for (std::string_view k :
       {"@reboot", "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}) {
    if (s == k) return true;
  }
  return false;
}

// cron's environment lines: NAME = value (spaces allowed around '=', value optionally quoted).
bool IsEnvLine(std::string_view line, std::string* name, std::string* value) {
  size_t eq = line.find('=');
  if (eq == std::string_view::npos) return false;
  std::string_view n = Trim(line.substr(0, eq));
  std::string v;
  if (!SplitAssignment(std::string(n) + "=", name, &v)) return false;
  *value = Unquote(Trim(line.substr(eq + 1)));
  return true;
}

// Bare names that run-parts (and cron, for /etc/cron.d) accepts: letters, digits, _ and -.
bool IsRunPartsName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

struct Job {
  std::string user, schedule, command, origin, file;
  int line = 0;
};

class CronReader {
 public:
  CronReader(const Snapshot& snap, FactSink& out)
      : out_(out), evidence_(out), lookup_([&snap](std::string_view p) { return snap.File(p); }) {
    // A stack's crontab names scripts by their path on the server: resolve it into the folder,
    // and record invocations under the folder's key.
    if (IsStackSnapshot(snap)) {
      lookup_ = [&snap](std::string_view p) { return snap.File(ResolveStackPath(snap, p)); };
      snap_ = &snap;
    }
  }
  EvidenceSink& evidence() { return evidence_; }
  // Reads a crontab; returns false when a line was malformed. System crontabs have a user field.
  bool ReadCrontab(const std::string& text, const std::string& file, std::string_view origin, bool system,
                   const std::string& owner);
  void AddJob(const Job& job, const std::vector<BackupHit>& hits, std::string_view kind);
  const ScriptLookup& lookup() const { return lookup_; }

 private:
  std::string ReadLine(std::string_view line, const Job& base, bool system, ShellEnv& env);
  FactSink& out_;
  EvidenceSink evidence_;
  ScriptLookup lookup_;
  const Snapshot* snap_ = nullptr;  // set for a stack snapshot
};

bool CronReader::ReadCrontab(const std::string& text, const std::string& file, std::string_view origin, bool system,
                             const std::string& owner) {
  ShellEnv env;
  int n = 0;
  bool ok = true;
  for (std::string_view raw : SplitLines(text)) {
    ++n;
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    std::string error = ReadLine(line, Job{owner, "", "", std::string(origin), file, n}, system, env);
    if (!error.empty()) {
      out_.Error(kCategory, file, n, error);
      ok = false;
    }
  }
  return ok;
}

// Returns "" when the line was read, else the message for a malformed line (it names no value).
std::string CronReader::ReadLine(std::string_view line, const Job& base, bool system, ShellEnv& env) {
  std::string name, value;
  if (IsEnvLine(line, &name, &value)) {
    env[name] = value;
    return "";
  }
  auto f = SplitWhitespace(line);
  const size_t time_fields = line[0] == '@' ? 1 : 5;
  const size_t command_at = time_fields + (system ? 1 : 0);
  if (f.size() <= command_at) {
    return system ? "expected 5 time fields (or an @keyword), a user and a command"
                  : "expected 5 time fields (or an @keyword) and a command";
  }
  if (time_fields == 1 && !IsScheduleKeyword(f[0])) return "unknown @ schedule keyword";
  for (size_t k = 0; time_fields == 5 && k < 5; ++k) {
    if (!ValidTimeField(f[k], k)) return "malformed " + std::string(kFieldNames[k]) + " field";
  }
  Job job = base;
  std::vector<std::string> schedule(f.begin(), f.begin() + static_cast<long>(time_fields));
  job.schedule = Join(schedule, " ");
  if (system) job.user = std::string(f[time_fields]);
  job.command = std::string(Trim(line.substr(static_cast<size_t>(f[command_at].data() - line.data()))));
  AddJob(job, ScanShell(CronShellPart(job.command), job.file, job.line, env, lookup_), "cron");
  return "";
}

void CronReader::AddJob(const Job& job, const std::vector<BackupHit>& found, std::string_view kind) {
  std::vector<BackupHit> hits = found;
  for (BackupHit& h : hits) {
    if (snap_ && !snap_->File(h.file)) h.file = ResolveStackPath(*snap_, h.file);
  }
  std::vector<std::string> tools;
  bool offsite = false;
  for (const BackupHit& h : hits) {
    if (std::find(tools.begin(), tools.end(), h.tool) == tools.end()) tools.push_back(h.tool);
    offsite |= h.offsite;
  }
  out_.Add(kCronJobs,
           {V(job.user), V(job.schedule), V(job.command), V(job.origin), tools.empty() ? VNull() : V(Join(tools, ",")),
            tools.empty() ? VNull() : VBool(offsite), V(job.file), V(static_cast<int64_t>(job.line))});
  evidence_.Add(hits, kind);
}

// crontab -l: rc 1 with no output is "no crontab for USER", an answer; any other failure is not.
void ReadUserCrontab(const Snapshot& snap, const std::string& command, CronReader& reader, FactSink& out) {
  const CommandResult* result = snap.Command(command);
  if (!result) return;
  const std::string file = CommandFile(command);
  const std::string text = result->output.value_or("");
  const int rc = result->exit_code.value_or(0);
  if (rc == 1 && Trim(text).empty()) {
    out.Coverage(kCategory, file, CoverageState::kOk, "no crontab");
    return;
  }
  if (rc != 0) {
    out.Coverage(kCategory, file, CoverageState::kError, "crontab -l exited with status " + std::to_string(rc));
    return;
  }
  std::string owner = command.substr(std::string_view("crontab-").size());
  if (reader.ReadCrontab(text, file, "user", false, owner)) out.Coverage(kCategory, file, CoverageState::kOk);
}

// Scripts run-parts starts from /etc/cron.hourly and the like: each is a job run as root.
void ReadRunPartsScripts(const Snapshot& snap, CronReader& reader) {
  for (std::string_view period : {"hourly", "daily", "weekly", "monthly"}) {
    const std::string dir = "/etc/cron." + std::string(period) + "/";
    for (const std::string& path : snap.FilesUnder(dir)) {
      if (!IsRunPartsName(std::string_view(path).substr(dir.size()))) continue;  // .placeholder, *.dpkg-old
      Job job{"root", "@" + std::string(period), path, "cron." + std::string(period), path, 0};
      reader.AddJob(job, ScanShell(*snap.File(path), path, 1, {}, reader.lookup()), "script");
    }
  }
}

// A stack folder: its crontab files, the scripts in it, and the services its timers start.
void ParseStackCron(const Snapshot& snap, FactSink& out) {
  CronReader reader(snap, out);
  for (const auto& [path, text] : snap.files()) {
    if (!IsStackCrontab(path)) continue;
    if (reader.ReadCrontab(text, path, "stack", CrontabHasUserField(path, text), "")) {
      out.Coverage(kCategory, path, CoverageState::kOk);
    }
  }
  ScanCollectedScripts(snap, reader.evidence());
  ScanStackTimers(snap, reader.evidence());
}

void ParseCron(const Snapshot& snap, FactSink& out) {
  if (IsStackSnapshot(snap)) return ParseStackCron(snap, out);
  CronReader reader(snap, out);
  if (const std::string* text = snap.File("/etc/crontab")) {
    if (reader.ReadCrontab(*text, "/etc/crontab", "crontab", true, "")) {
      out.Coverage(kCategory, "/etc/crontab", CoverageState::kOk);
    }
  }
  for (const std::string& path : snap.FilesUnder("/etc/cron.d/")) {
    if (!IsRunPartsName(std::string_view(path).substr(12))) continue;  // cron skips these names too
    reader.ReadCrontab(*snap.File(path), path, "cron.d", true, "");
  }
  for (const std::string& command : snap.CommandsWithPrefix("crontab-")) ReadUserCrontab(snap, command, reader, out);
  ReadRunPartsScripts(snap, reader);
  ScanCollectedScripts(snap, reader.evidence());
  ScanBackupTimers(snap, reader.evidence());
}

const bool kRegistered = RegisterParser({"cron",
                                         "cron jobs and the backups they run",
                                         ParseCron,
                                         std::string(kCategory),
                                         {"/etc/crontab", "/etc/cron.d/backup", "cmd/crontab-root.out"}});

}  // namespace
}  // namespace shipshape
