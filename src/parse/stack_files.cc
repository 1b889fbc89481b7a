// Recognising the files of a stack snapshot (a deployment folder read in place): crontabs, timers, scripts.
#include "parse/stack_files.h"

#include "base/strings.h"
#include "parse/shell_command.h"

namespace shipshape {
namespace {

bool IsUserName(std::string_view w) {
  if (w.empty() || w.size() > 32 || !((w[0] >= 'a' && w[0] <= 'z') || w[0] == '_')) return false;
  for (char c : w) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  // Words that begin a command far more often than they name an account.
  for (std::string_view cmd :
       {"cd",         "sh",        "bash",      "dash",    "zsh",  "docker",  "podman",    "test",      "sleep",
        "flock",      "nice",      "ionice",    "timeout", "env",  "sudo",    "run-parts", "find",      "rm",
        "tar",        "cp",        "mv",        "echo",    "curl", "wget",    "make",      "python",    "python3",
        "node",       "php",       "perl",      "restic",  "borg", "rclone",  "aws",       "rsync",     "pg_dump",
        "pg_dumpall", "mongodump", "mysqldump", "true",    "exec", "chronic", "cronic",    "systemctl", "certbot"}) {
    if (w == cmd) return false;
  }
  return true;
}

bool IsEnvAssignment(std::string_view line) {
  size_t eq = line.find('=');
  if (eq == std::string_view::npos) return false;
  std::string name, value;
  return SplitAssignment(std::string(Trim(line.substr(0, eq))) + "=", &name, &value);
}

// The command of one crontab line, or "" for blank, comment and environment lines.
std::string CronCommand(std::string_view raw, bool user_field) {
  std::string_view line = Trim(raw);
  if (line.empty() || line[0] == '#' || IsEnvAssignment(line)) return "";
  auto f = SplitWhitespace(line);
  size_t at = (line[0] == '@' ? 1 : 5) + (user_field ? 1 : 0);
  if (f.size() <= at) return "";
  return CronShellPart(Trim(line.substr(static_cast<size_t>(f[at].data() - line.data()))));
}

std::string_view DirOf(std::string_view key) { return key.substr(0, key.rfind('/') + 1); }

void AddExecLines(const Snapshot& snap, const std::string& key, std::vector<StackSchedule>& out) {
  int n = 0;
  for (std::string_view raw : SplitLines(*snap.File(key))) {
    ++n;
    std::string_view line = Trim(raw);
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view name = Trim(line.substr(0, eq)), value = Trim(line.substr(eq + 1));
    if (name != "ExecStart" && name != "ExecStartPre" && name != "ExecStartPost") continue;
    while (!value.empty() && std::string_view("-@:+!").find(value[0]) != std::string_view::npos) value.remove_prefix(1);
    out.push_back({std::string(value), key, n});
  }
}

}  // namespace

bool IsStackSnapshot(const Snapshot& snap) { return snap.meta().method == "stack"; }

std::string FindStackService(const Snapshot& snap, std::string_view timer_key, const std::string& service) {
  std::string beside = std::string(DirOf(timer_key)) + service;
  if (snap.File(beside)) return beside;
  for (const auto& [key, text] : snap.files()) {
    if (EndsWith(key, "/" + service)) return key;
  }
  return "";
}

std::string ResolveStackPath(const Snapshot& snap, std::string_view path) {
  if (path.empty()) return "";
  if (snap.File(path)) return std::string(path);
  if (!IsStackSnapshot(snap) || path[0] != '/') return "";
  for (size_t slash = path.find('/', 1); slash != std::string_view::npos; slash = path.find('/', slash + 1)) {
    if (snap.File(path.substr(slash))) return std::string(path.substr(slash));  // the first is the longest
  }
  return "";
}

bool IsStackCrontab(std::string_view key) {
  std::string_view base = BaseName(key);
  if (base.empty() || base[0] == '.') return false;
  if (base == "crontab" || EndsWith(base, ".crontab") || EndsWith(base, ".cron")) return true;
  return EndsWith(DirOf(key), "/cron.d/") && base.find('.') == std::string_view::npos;
}

bool CrontabHasUserField(std::string_view key, std::string_view text) {
  if (EndsWith(DirOf(key), "/cron.d/")) return true;
  int jobs = 0;
  for (std::string_view raw : SplitLines(text)) {
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#' || IsEnvAssignment(line)) continue;
    auto f = SplitWhitespace(line);
    size_t user = line[0] == '@' ? 1 : 5;
    if (f.size() <= user + 1 || !IsUserName(f[user])) return false;
    ++jobs;
  }
  return jobs > 0;
}

bool IsStackScript(std::string_view key, std::string_view text) {
  if (EndsWith(key, ".sh") || EndsWith(key, ".bash")) return true;
  return HasShellShebang(text);
}

std::string TimerActivates(std::string_view key, std::string_view text, int* line) {
  std::string base(BaseName(key));
  std::string unit = base.substr(0, base.size() - std::string_view(".timer").size()) + ".service";
  *line = 0;
  bool in_timer = false;
  int n = 0;
  for (std::string_view raw : SplitLines(text)) {
    ++n;
    std::string_view l = Trim(raw);
    if (StartsWith(l, "[")) {
      in_timer = l == "[Timer]";
      if (in_timer && *line == 0) *line = n;
      continue;
    }
    size_t eq = l.find('=');
    if (in_timer && eq != std::string_view::npos && Trim(l.substr(0, eq)) == "Unit") unit = Trim(l.substr(eq + 1));
  }
  return unit;
}

std::vector<StackSchedule> StackSchedules(const Snapshot& snap) {
  std::vector<StackSchedule> out;
  for (const auto& [key, text] : snap.files()) {
    if (IsStackCrontab(key)) {
      bool user_field = CrontabHasUserField(key, text);
      int n = 0;
      for (std::string_view raw : SplitLines(text)) {
        ++n;
        std::string command = CronCommand(raw, user_field);
        if (!command.empty()) out.push_back({command, key, n});
      }
    } else if (EndsWith(key, ".timer")) {
      int line = 0;
      std::string service = FindStackService(snap, key, TimerActivates(key, text, &line));
      if (!service.empty()) AddExecLines(snap, service, out);
    }
  }
  return out;
}

}  // namespace shipshape
