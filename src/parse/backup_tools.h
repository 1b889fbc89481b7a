// Which backup tool one shell command runs, and whether it sends the data off the host.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/shell_command.h"

namespace shipshape {

struct BackupTool {
  std::string name;      // pg_dump, pg_dumpall, restic, borg, "aws s3", rsync, tar, redis-cli, …
  bool offsite = false;  // the data leaves the host (a remote repository, bucket or host:path)
};

// `command` is the command's base name ("pg_dump"), `args` the words after it, `env` the variables
// in effect (RESTIC_REPOSITORY, BORG_REPO, …). Returns nothing when the command is not a backup:
// another tool, a restore or download (`aws s3 cp s3://… /tmp`), or a read-only subcommand
// (`restic snapshots`).
std::optional<BackupTool> ClassifyBackupCommand(std::string_view command, const std::vector<std::string>& args,
                                                const ShellEnv& env);

// host:path, user@host:path, host::module, ssh://…, rsync://…, sftp://… (not /path, ./path, ~/path).
bool IsRemoteHostPath(std::string_view s);

}  // namespace shipshape
