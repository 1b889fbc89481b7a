// The steps of auditing command-line targets, shared by the commands that audit (audit, plan).
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "cli/args.h"
#include "cli/targets.h"
#include "pipeline/audit_pipeline.h"

namespace shipshape {

// The options of every auditing command: targets, --now, --rules, -i and the remote options.
struct AuditTargetArgs {
  std::vector<std::string> targets, rule_dirs;
  std::string now, inventory;
  RemoteOptions remote;
  AuditOptions options;  // filled by CheckAuditTargetArgs
};

void AddAuditTargetArgs(ArgParser& args, AuditTargetArgs* a);
// Checks the remote options and turns --now and --rules into a->options.
Status CheckAuditTargetArgs(AuditTargetArgs* a);

// Adds the inventory's hosts to the remote targets. A broken inventory stops the audit: auditing
// part of a fleet silently would mislead.
Status AddInventoryHosts(const std::string& inventory, RemoteOptions* remote, Diagnostics* diags);

// Inventory, collection or reading, then the audit; the input errors of reading are put first in
// report.errors. Targets that could not be collected are printed as "shipshape COMMAND: …" on
// standard error and listed in *failed.
Result<AuditResult> AuditTargets(AuditTargetArgs& a, const std::string& command, std::vector<std::string>* failed);

}  // namespace shipshape
