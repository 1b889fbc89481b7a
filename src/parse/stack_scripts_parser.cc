// Parser for the shell scripts of a stack folder: the backup tools each runs and whether anything schedules it
// (table stack_scripts).
#include <algorithm>
#include <map>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/backup_detect.h"
#include "parse/parse_util.h"
#include "parse/stack_files.h"

namespace shipshape {
namespace {

const TableDef& kStackScripts = RegisterTable(
    {"stack_scripts",
     "Shell scripts of a stack folder (stack snapshots only: *.sh, *.bash, or a #! line naming a shell), with "
     "the backup tools each invokes itself and whether a crontab or systemd timer of the folder runs it, "
     "directly or through another script of the folder that is run. One row per script.",
     {Text("path", "the script's path relative to the folder, with a leading '/': '/scripts/backup.sh'"),
      Text("backup_tools",
           "backup tools the script itself invokes, space-joined in order of appearance, each once "
           "(pg_dump mongodump mysqldump restic borg rclone 'aws s3' tar …; names as in backup_evidence.tool, "
           "so 'aws s3' contains a space); '' when none. Tools of the scripts it runs are on their own rows"),
      Int("offsite",
          "1 when one of those invocations sends the data off the host (bucket, remote repository, "
          "host:path), else 0"),
      Int("scheduled",
          "1 when a crontab line (crontab, *.cron, *.crontab, cron.d/*) or the ExecStart= of a service that a "
          "*.timer of the folder activates names the script (by its path or file name), or names a script "
          "that runs it; else 0"),
      Text("scheduled_by", "'FILE:LINE' of the crontab line or ExecStart= that runs it (first found), or ''"),
      FileCol(), LineCol()}});

bool IsWordEdge(char c) { return std::string_view(" \t\"'=;&|()<>`").find(c) != std::string_view::npos; }

// Whether `text` names the script `key`: its file name as a word or the end of a path word.
bool NamesScript(std::string_view text, std::string_view key) {
  std::string_view base = BaseName(key);
  for (size_t at = text.find(base); at != std::string_view::npos; at = text.find(base, at + 1)) {
    bool start = at == 0 || text[at - 1] == '/' || IsWordEdge(text[at - 1]);
    size_t end = at + base.size();
    if (start && (end == text.size() || IsWordEdge(text[end]))) return true;
  }
  return false;
}

std::string Where(const std::string& file, int line) { return file + ":" + std::to_string(line); }

// Script key → where it is scheduled from: crontabs and timers first, then scripts run by scheduled ones.
std::map<std::string, std::string> Scheduled(const Snapshot& snap, const std::vector<std::string>& scripts) {
  std::map<std::string, std::string> by;
  for (const StackSchedule& s : StackSchedules(snap)) {
    for (const std::string& key : scripts) {
      if (!by.count(key) && NamesScript(s.command, key)) by[key] = Where(s.file, s.line);
    }
  }
  for (bool grew = true; grew;) {
    grew = false;
    for (const std::string& caller : scripts) {
      if (!by.count(caller)) continue;
      int n = 0;
      for (std::string_view line : SplitLines(*snap.File(caller))) {
        ++n;
        if (StartsWith(Trim(line), "#")) continue;
        for (const std::string& key : scripts) {
          if (by.count(key) || key == caller || !NamesScript(line, key)) continue;
          by[key] = by[caller];
          grew = true;
        }
      }
    }
  }
  return by;
}

void ParseStackScripts(const Snapshot& snap, FactSink& out) {
  if (!IsStackSnapshot(snap)) return;
  std::vector<std::string> scripts;
  for (const auto& [key, text] : snap.files()) {
    if (IsStackScript(key, text)) scripts.push_back(key);
  }
  if (scripts.empty()) return;
  auto scheduled = Scheduled(snap, scripts);
  ScriptLookup lookup = [&snap](std::string_view p) { return snap.File(ResolveStackPath(snap, p)); };
  for (const std::string& key : scripts) {
    std::vector<std::string> tools;
    bool offsite = false;
    int line = 1;
    for (const BackupHit& h : ScanShell(*snap.File(key), key, 1, {}, lookup)) {
      if (h.depth != 0) continue;
      if (tools.empty()) line = h.line;
      if (std::find(tools.begin(), tools.end(), h.tool) == tools.end()) tools.push_back(h.tool);
      offsite |= h.offsite;
    }
    auto by = scheduled.find(key);
    out.Add(kStackScripts, {V(key), V(Join(tools, " ")), VBool(offsite), VBool(by != scheduled.end()),
                            V(by == scheduled.end() ? "" : by->second), V(key), V(static_cast<int64_t>(line))});
  }
}

// No input of its own to damage: it reads whatever scripts the stack folder holds.
const bool kRegistered = RegisterParser(
    {"stack-scripts", "shell scripts of a stack folder and their schedules", ParseStackScripts, "backup", {}});

}  // namespace
}  // namespace shipshape
