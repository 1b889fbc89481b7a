// Recognising the files of a stack snapshot (a deployment folder read in place): crontabs, timers, scripts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "snapshot/snapshot.h"

namespace shipshape {

// meta.method == "stack": files are keyed "/" + their path relative to the folder.
bool IsStackSnapshot(const Snapshot& snap);

// The snapshot key a path written in a command resolves to: the path itself when collected; in a
// stack, the longest key that ends the path at a '/' ("/opt/app/scripts/backup.sh" →
// "/scripts/backup.sh"), since the folder's location on the server is not known. "" when none.
std::string ResolveStackPath(const Snapshot& snap, std::string_view path);

// crontab, *.crontab, *.cron, or a file of a cron.d folder (names with a dot excepted, as cron does).
bool IsStackCrontab(std::string_view key);

// Whether a stack crontab is in the system format (a user field before the command): files of a
// cron.d folder always; others when every job line has a user-like sixth field (root, www-data, …)
// that is not a command name.
bool CrontabHasUserField(std::string_view key, std::string_view text);

// *.sh, *.bash, or a #! line naming a POSIX shell.
bool IsStackScript(std::string_view key, std::string_view text);

// A command a stack schedules: the command of a crontab line, or an ExecStart= of the service a
// timer of the folder activates.
struct StackSchedule {
  std::string command;
  std::string file;  // the crontab or the service unit
  int line = 0;
};

// Every command the crontabs and timers of a stack folder run (cron's % cut, @keywords handled).
std::vector<StackSchedule> StackSchedules(const Snapshot& snap);

// The unit a timer file activates: its Unit= (in [Timer]), else the timer's name with .service.
// *line is the line of the [Timer] header (0 when absent).
std::string TimerActivates(std::string_view key, std::string_view text, int* line);

// The key of the service unit a timer of the stack activates: beside the timer, else anywhere in
// the folder; "" when the folder does not hold it.
std::string FindStackService(const Snapshot& snap, std::string_view timer_key, const std::string& service);

}  // namespace shipshape
