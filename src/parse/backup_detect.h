// Finding backup-tool invocations in cron commands and shell scripts, following the scripts they run.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/shell_command.h"

namespace shipshape {

struct BackupHit {
  std::string tool;      // pg_dump, pg_dumpall, restic, borg, "aws s3", rsync, tar, redis-cli, …
  bool offsite = false;  // this invocation sends data off the host (or feeds a pipe to ssh or a bucket)
  std::string detail;    // the command line that runs it, trimmed, at most 200 bytes
  std::string file;      // where the invocation is written
  int line = 0;          // 1-based line in that file
  int depth = 0;         // 0: in the scanned text itself; 1 or more: in a script it runs or sources
};

// A collected file's content by absolute path; nullptr when the snapshot does not hold it.
using ScriptLookup = std::function<const std::string*(std::string_view path)>;

// Scans shell text written at `file` from line `first_line` on: a cron job's command (with cron's
// `%` already cut) or a whole script. Commented-out lines, here-documents and tool names that are
// only arguments (`echo pg_dump`) are not invocations. Wrappers are seen through (sudo -u, env,
// nice, ionice, timeout, flock, docker exec, sh -c, su -c). Scripts run by absolute path (or by a
// path under a `cd` directory) and files sourced with `.` are scanned when `lookup` has them, up
// to 4 levels, each once per chain. Variables (`env`, NAME=value lines, export) are expanded.
std::vector<BackupHit> ScanShell(std::string_view text, const std::string& file, int first_line, const ShellEnv& env,
                                 const ScriptLookup& lookup);

}  // namespace shipshape
