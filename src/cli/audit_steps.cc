// Auditing command-line targets: options, inventory, collection, pipeline.
#include "cli/audit_steps.h"

#include <iostream>

#include "fleet/inventory.h"

namespace shipshape {

void AddAuditTargetArgs(ArgParser& args, AuditTargetArgs* a) {
  args.Positional("targets", &a->targets,
                  "user@host, ssh://[user@]host[:port], host, snapshot folders or .tar.gz, folders of "
                  "snapshots, or 'local'");
  args.Option("--now", &a->now, "audit clock: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default: the real time)");
  args.Option("--rules", &a->rule_dirs, "folder of additional rule files (repeatable)");
  args.Option("-i,--inventory", &a->inventory, "Ansible inventory (INI or YAML): audit its hosts over SSH");
  AddRemoteOptions(args, &a->remote);
}

Status CheckAuditTargetArgs(AuditTargetArgs* a) {
  if (Status bad = CheckRemoteOptions(a->remote); !bad.ok()) return bad;
  a->options.rule_dirs = a->rule_dirs;
  if (!a->now.empty()) {
    auto clock = AuditClock::Parse(a->now);
    if (!clock.ok()) return clock.status();
    a->options.clock = *clock;
    a->remote.clock = *clock;  // collected_at of stack folders
  }
  return Status::Ok();
}

Status AddInventoryHosts(const std::string& inventory, RemoteOptions* remote, Diagnostics* diags) {
  if (inventory.empty()) return Status::Ok();
  auto hosts = ReadInventory(inventory, diags);
  if (!hosts.ok()) return hosts.status();
  remote->fleet.insert(remote->fleet.end(), hosts->begin(), hosts->end());
  return Status::Ok();
}

Result<AuditResult> AuditTargets(AuditTargetArgs& a, const std::string& command, std::vector<std::string>* failed) {
  Diagnostics load_errors;
  if (Status st = AddInventoryHosts(a.inventory, &a.remote, &load_errors); !st.ok()) return st;
  ResolvedTargets resolved = ResolveTargets(a.targets, a.remote, &load_errors);
  for (const std::string& f : resolved.failed) std::cerr << "shipshape " << command << ": " << f << "\n";
  *failed = resolved.failed;
  auto result = RunAudit(resolved.source, a.options);
  if (!result.ok()) return result.status();
  std::vector<Diagnostic>& errors = result->report.errors;
  errors.insert(errors.begin(), load_errors.all().begin(), load_errors.all().end());
  return result;
}

}  // namespace shipshape
