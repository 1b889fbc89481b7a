// Reading a deployment folder (a "stack": compose files, .env, nginx confs, …) in place as a snapshot.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/status.h"
#include "facts/fact_db.h"
#include "snapshot/snapshot.h"

namespace shipshape {

// The snapshot of a stack folder: meta.method "stack", meta.host = the folder's name (of its real
// path), collected_at = `clock`, not privileged, no labels, no commands. Files are keyed "/" + their
// path relative to the folder ("/docker-compose.yml", "/nginx/conf.d/api.conf"); only the kinds
// stack_file_kinds.h picks, each redacted with secrets::RedactText in its mode before it is stored.
// Walk: regular files of at most 1 MiB whose path has at most 6 parts (find -maxdepth 6), not
// inside .git, node_modules, vendor, .venv or __pycache__, without NUL bytes; a symbolic link to a
// file is read when its target is inside the folder, links to folders are not followed.
// A file or folder that cannot be read, or a picked file over 1 MiB, is a diagnostic in `diags`
// (host = meta.host, file relative to the folder, without leading '/'), and the reading goes on.
// Errors only when `dir` is not a readable folder.
Result<Snapshot> ReadStackFolder(const std::string& dir, const AuditClock& clock, Diagnostics* diags = nullptr);

// A folder that is not a snapshot (no meta.json) and holds a compose file or an nginx config
// (nginx.conf, a *.conf in a folder named nginx…, or a *.conf with nginx statements) within the
// walk above. Whether it holds snapshots is the caller's question (cli/targets.cc asks first).
bool LooksLikeStackFolder(const std::string& dir);

// A folder of deployment folders (/srv/stacks/app1, /srv/stacks/app2): the subfolders that hold a
// compose file at their top level, sorted; empty when `dir` itself holds a compose file at its top
// level (it is one stack then) or no subfolder does.
std::vector<std::string> StackFoldersIn(const std::string& dir);

}  // namespace shipshape
