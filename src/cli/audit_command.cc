// `shipshape audit [TARGET…]`: scorecard and priority issues register.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "base/file_io.h"
#include "cli/args.h"
#include "cli/audit_steps.h"
#include "cli/commands.h"
#include "cli/history_options.h"
#include "cli/targets.h"
#include "cli/timings.h"
#include "fleet/inventory.h"
#include "render/render.h"

namespace shipshape {
namespace {

using Clock = std::chrono::steady_clock;

struct AuditArgs {
  std::vector<std::string> targets, rule_dirs;
  std::string format = "text", output, fail_on, now, inventory;
  RemoteOptions remote;
  HistoryOptions history;
  bool timings = false;
  Severity threshold = Severity::kP4;
  AuditOptions options;
};

int UsageError(const std::string& message) {
  std::cerr << "shipshape audit: " << message << "\n";
  return kExitUsage;
}

// Parses and checks the command line; returns -1 to go on, else the exit status.
int ParseAuditArgs(int argc, char** argv, AuditArgs& a) {
  ArgParser args("audit", "Audit targets (default: this machine) and print the scorecard and register.");
  args.Positional("targets", &a.targets,
                  "user@host, ssh://[user@]host[:port], host, snapshot folders or .tar.gz, folders of "
                  "snapshots, or 'local'");
  args.Option("--format", &a.format, "text | md | json | sarif (SARIF 2.1.0, for code scanning)");
  args.Option("-o,--output", &a.output, "write the report to FILE instead of standard output");
  args.Option("--fail-on", &a.fail_on, "exit 1 when a finding at or above this priority exists (P1..P4)");
  args.Option("--now", &a.now, "audit clock: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default: the real time)");
  args.Option("--rules", &a.rule_dirs, "folder of additional rule files (repeatable)");
  args.Option("-i,--inventory", &a.inventory, "Ansible inventory (INI or YAML): audit its hosts over SSH");
  AddRemoteOptions(args, &a.remote);
  AddHistoryOptions(args, &a.history, true);
  args.Flag("--timings", &a.timings,
            "print where the wall time went (per-host collection median, analysis) on standard error");
  bool help = false;
  Status st = args.Parse(argc, argv, &help);
  if (help) return kExitOk;
  if (!st.ok()) return UsageError(st.message());
  if (Status bad = CheckRemoteOptions(a.remote); !bad.ok()) return UsageError(bad.message());
  if (a.history.keep < 1) return UsageError("--keep must be at least 1");
  if (a.format != "text" && a.format != "md" && a.format != "json" && a.format != "sarif") {
    return UsageError("unknown --format '" + a.format + "' (text, md, json, sarif)");
  }
  if (!a.fail_on.empty() && !ParseSeverity(a.fail_on, &a.threshold)) {
    return UsageError("--fail-on must be P1, P2, P3 or P4");
  }
  a.options.rule_dirs = a.rule_dirs;
  if (!a.now.empty()) {
    auto clock = AuditClock::Parse(a.now);
    if (!clock.ok()) return UsageError(clock.status().message());
    a.options.clock = *clock;
    a.remote.clock = *clock;  // collected_at of stack folders
  }
  return -1;
}

// SARIF describes the rules of the audit (rule files already parsed once; broken ones were reported
// by the audit itself) and needs to know which hosts are stack folders.
std::string RenderSarifReport(AuditResult& result, const AuditArgs& a) {
  SarifOptions options;
  std::vector<Status> ignored;
  options.rules = LoadRules(a.rule_dirs, &ignored);
  auto stacks = SelectText(result.facts->db(), "SELECT host FROM hosts WHERE method = 'stack'");
  if (stacks.ok()) {
    for (const auto& row : *stacks) options.stack_hosts.insert(row[0]);
  }
  return RenderSarif(result.report, options);
}

Status WriteReport(AuditResult& result, const AuditArgs& a) {
  const Report& report = result.report;
  std::string text = a.format == "json"    ? RenderJson(report)
                     : a.format == "md"    ? RenderMarkdown(report)
                     : a.format == "sarif" ? RenderSarifReport(result, a)
                                           : RenderText(report);
  if (a.output.empty()) {
    std::cout << text;
    return Status::Ok();
  }
  return WriteWholeFile(a.output, text);
}

int ExitStatus(const Report& report, const AuditArgs& a, bool some_failed) {
  if (some_failed) return kExitUnreachable;
  if (!a.fail_on.empty()) {
    for (const Finding& f : report.findings) {
      if (f.severity <= a.threshold) return kExitFindings;
    }
  }
  return kExitOk;
}

}  // namespace

int RunAuditCommand(int argc, char** argv) {
  AuditArgs a;
  if (int done = ParseAuditArgs(argc, argv, a); done >= 0) return done;
  const Clock::time_point start = Clock::now();
  Diagnostics load_errors;
  RunRecorder recorder(a.history);  // notes the start time, before collection
  if (Status st = AddInventoryHosts(a.inventory, &a.remote, &load_errors); !st.ok()) return UsageError(st.ToString());
  ResolvedTargets resolved = ResolveTargets(a.targets, a.remote, &load_errors);
  for (const std::string& f : resolved.failed) std::cerr << "shipshape audit: " << f << "\n";
  const Clock::time_point resolved_at = Clock::now();
  auto result = RunAudit(recorder.Wrap(resolved.source), a.options);
  if (a.timings) {
    auto secs = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
    Clock::time_point end = Clock::now();
    std::cerr << TimingsSummary(resolved.collect_seconds, secs(resolved_at - start), secs(end - resolved_at),
                                secs(end - start));
  }
  if (!result.ok()) return UsageError(result.status().ToString());
  Report& report = result->report;
  report.errors.insert(report.errors.begin(), load_errors.all().begin(), load_errors.all().end());
  if (Status w = WriteReport(*result, a); !w.ok()) return UsageError(w.ToString());
  std::vector<std::string> recorded_targets = a.targets;
  if (!a.inventory.empty()) recorded_targets.push_back("-i " + a.inventory);
  recorder.Record(report, recorded_targets, resolved.failed.empty());
  return ExitStatus(report, a, !resolved.failed.empty());
}

}  // namespace shipshape
