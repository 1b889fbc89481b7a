// `shipshape audit [TARGET…]`: scorecard and priority issues register.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "base/file_io.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/history_options.h"
#include "cli/targets.h"
#include "cli/timings.h"
#include "fleet/inventory.h"
#include "render/render.h"

namespace shipshape {

int RunAuditCommand(int argc, char** argv) {
  std::vector<std::string> targets, rule_dirs;
  std::string format = "text", output, fail_on, now, inventory;
  ArgParser args("audit", "Audit targets (default: this machine) and print the scorecard and register.");
  RemoteOptions remote;
  args.Positional("targets", &targets,
                  "user@host, ssh://[user@]host[:port], host, snapshot folders or .tar.gz, folders of "
                  "snapshots, or 'local'");
  args.Option("--format", &format, "text | md | json");
  args.Option("-o,--output", &output, "write the report to FILE instead of standard output");
  args.Option("--fail-on", &fail_on, "exit 1 when a finding at or above this priority exists (P1..P4)");
  args.Option("--now", &now, "audit clock: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default: the real time)");
  args.Option("--rules", &rule_dirs, "folder of additional rule files (repeatable)");
  args.Option("-i,--inventory", &inventory, "Ansible inventory (INI or YAML): audit its hosts over SSH");
  AddRemoteOptions(args, &remote);
  HistoryOptions history;
  AddHistoryOptions(args, &history, true);
  bool timings = false;
  args.Flag("--timings", &timings, "print where the wall time went (per-host collection median, analysis) on standard error");
  bool help = false;
  Status st = args.Parse(argc, argv, &help);
  if (help) return kExitOk;
  if (!st.ok()) {
    std::cerr << "shipshape audit: " << st.message() << "\n";
    return kExitUsage;
  }
  if (Status bad = CheckRemoteOptions(remote); !bad.ok()) {
    std::cerr << "shipshape audit: " << bad.message() << "\n";
    return kExitUsage;
  }
  if (history.keep < 1) {
    std::cerr << "shipshape audit: --keep must be at least 1\n";
    return kExitUsage;
  }
  if (format != "text" && format != "md" && format != "json") {
    std::cerr << "shipshape audit: unknown --format '" << format << "' (text, md, json)\n";
    return kExitUsage;
  }
  Severity threshold = Severity::kP4;
  if (!fail_on.empty() && !ParseSeverity(fail_on, &threshold)) {
    std::cerr << "shipshape audit: --fail-on must be P1, P2, P3 or P4\n";
    return kExitUsage;
  }
  AuditOptions options;
  options.rule_dirs = rule_dirs;
  if (!now.empty()) {
    auto clock = AuditClock::Parse(now);
    if (!clock.ok()) {
      std::cerr << "shipshape audit: " << clock.status().message() << "\n";
      return kExitUsage;
    }
    options.clock = *clock;
  }
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  Diagnostics load_errors;
  RunRecorder recorder(history);  // notes the start time, before collection
  if (!inventory.empty()) {
    // A broken inventory stops the audit: auditing part of a fleet silently would mislead.
    auto hosts = ReadInventory(inventory, &load_errors);
    if (!hosts.ok()) {
      std::cerr << "shipshape audit: " << hosts.status().ToString() << "\n";
      return kExitUsage;
    }
    remote.fleet.insert(remote.fleet.end(), hosts->begin(), hosts->end());
  }
  ResolvedTargets resolved = ResolveTargets(targets, remote, &load_errors);
  for (const std::string& f : resolved.failed) std::cerr << "shipshape audit: " << f << "\n";
  const Clock::time_point resolved_at = Clock::now();
  auto result = RunAudit(recorder.Wrap(resolved.source), options);
  if (timings) {
    auto secs = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
    Clock::time_point end = Clock::now();
    std::cerr << TimingsSummary(resolved.collect_seconds, secs(resolved_at - start), secs(end - resolved_at),
                                secs(end - start));
  }
  if (!result.ok()) {
    std::cerr << "shipshape audit: " << result.status().ToString() << "\n";
    return kExitUsage;
  }
  Report& report = result->report;
  report.errors.insert(report.errors.begin(), load_errors.all().begin(), load_errors.all().end());
  std::string text = format == "json" ? RenderJson(report) : format == "md" ? RenderMarkdown(report) : RenderText(report);
  if (output.empty()) {
    std::cout << text;
  } else {
    Status w = WriteWholeFile(output, text);
    if (!w.ok()) {
      std::cerr << "shipshape audit: " << w.ToString() << "\n";
      return kExitUsage;
    }
  }
  std::vector<std::string> recorded_targets = targets;
  if (!inventory.empty()) recorded_targets.push_back("-i " + inventory);
  recorder.Record(report, recorded_targets, resolved.failed.empty());
  if (!resolved.failed.empty()) return kExitUnreachable;
  if (!fail_on.empty()) {
    for (const Finding& f : report.findings) {
      if (f.severity <= threshold) return kExitFindings;
    }
  }
  return kExitOk;
}

}  // namespace shipshape
