// Files of stack hosts in reports: relative to the stack folder ("nginx/api.conf", not "/nginx/api.conf").
#pragma once

#include "base/status.h"
#include "facts/fact_db.h"
#include "plan/report.h"

namespace shipshape {

// Hosts read from a stack folder (hosts.method = 'stack'), from the fact database.
Result<std::vector<std::string>> StackHosts(FactDb& db);

// Drops the leading '/' of the file of every finding (and its "file" column) and input error of a
// stack host: a stack snapshot keys its files "/" + the path inside the folder (stack_folder.h).
Status MakeStackFilesRelative(FactDb& db, Report* report);

// The same for findings outside a report (status: a rule check's reason); `errors` may be null.
Status MakeStackFindingsRelative(FactDb& db, std::vector<Finding>* findings, std::vector<Diagnostic>* errors);

}  // namespace shipshape
