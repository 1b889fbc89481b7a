// `shipshape status PLAN [TARGET…]`: verifies every task of a plan file on its hosts and draws
// progress, the next tasks and what regressed since the last status of the plan.
#include <filesystem>
#include <iostream>
#include <set>

#include "base/file_io.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/history_options.h"
#include "cli/targets.h"
#include "plan/accept_checks.h"
#include "plan/plan_status.h"
#include "render/status_renderer.h"

namespace shipshape {
namespace {

struct StatusArgs {
  std::string plan, format = "text", output, now;
  std::vector<std::string> targets, rule_dirs;
  RemoteOptions remote;
  HistoryOptions history;
  AuditClock clock = AuditClock::System();
};

int UsageError(const std::string& message) {
  std::cerr << "shipshape status: " << message << "\n";
  return kExitUsage;
}

// Parses and checks the command line; returns -1 to go on, else the exit status.
int ParseStatusArgs(int argc, char** argv, StatusArgs& a) {
  ArgParser args("status",
                 "Verify every task of a plan file on its hosts: progress per milestone and group, the tasks that "
                 "can be done next, and what regressed since the last status. Without targets, the newest "
                 "snapshots of the plan's hosts kept in the history are checked. Exit status: 0 when every task "
                 "is done, 1 when some task is not done (pending, blocked or unknown), 2 on a usage or plan "
                 "error, 3 when a target could not be collected.");
  args.Positional("plan", &a.plan, "plan file (format shipshape-plan/1)", true);
  args.Positional("targets", &a.targets,
                  "user@host, ssh://[user@]host[:port], snapshot folders or .tar.gz, folders of snapshots, or "
                  "'local' (default: the newest kept snapshots of the plan's hosts)");
  args.Option("--format", &a.format, "text | json");
  args.Option("-o,--output", &a.output, "write the status to FILE instead of standard output");
  args.Option("--now", &a.now, "audit clock for date checks: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
  args.Option("--rules", &a.rule_dirs, "folder of additional rule files for rule: checks (repeatable)");
  AddRemoteOptions(args, &a.remote);
  AddHistoryOptions(args, &a.history, false);
  args.Flag("--no-history", &a.history.disabled,
            "do not record this status (regressions are found against the last recorded one)");
  bool help = false;
  Status st = args.Parse(argc, argv, &help);
  if (help) return kExitOk;
  if (!st.ok()) return UsageError(st.message());
  if (Status bad = CheckRemoteOptions(a.remote); !bad.ok()) return UsageError(bad.message());
  if (a.format != "text" && a.format != "json") return UsageError("unknown --format '" + a.format + "' (text, json)");
  if (!a.now.empty()) {
    auto clock = AuditClock::Parse(a.now);
    if (!clock.ok()) return UsageError(clock.status().message());
    a.clock = *clock;
  }
  a.remote.clock = a.clock;
  return -1;
}

// The newest kept snapshot of every host a check runs on.
Result<SnapshotSource> StoredSnapshots(const PlanFile& plan, const StatusArgs& a, Diagnostics* diags) {
  auto path = HistoryPath(a.history);
  if (!path.ok()) return path.status();
  auto db = HistoryDb::Open(*path, false);
  if (!db.ok()) return db.status();
  std::vector<std::string> paths;
  std::set<std::string> hosts;
  for (const PlanTask* t : plan.Tasks()) {
    if (!t->accept.empty()) hosts.insert(t->hosts.begin(), t->hosts.end());
  }
  for (const std::string& host : hosts) {
    auto snap = (*db)->LatestSnapshot(host);
    if (!snap.ok()) return snap.status();
    paths.push_back(*snap);
  }
  return SourceOfPaths(std::move(paths), diags);
}

// The paths of the plan's `path:` checks: a fresh collection stats them besides its own list.
std::vector<std::string> PathsOfChecks(const PlanFile& plan) {
  std::vector<std::string> paths;
  for (const PlanTask* t : plan.Tasks()) {
    for (const AcceptCheck& c : t->accept) {
      if (c.kind == AcceptCheck::Kind::kPath) paths.push_back(c.path);
    }
  }
  return paths;
}

// Reads the previous status of the plan (for regressions) and records this one. Failures are
// warnings: the status itself stands.
void RecordInHistory(const StatusArgs& a, PlanStatus* status) {
  if (a.history.disabled) return;
  auto path = HistoryPath(a.history);
  auto db = path.ok() ? HistoryDb::Open(*path, true) : Result<std::unique_ptr<HistoryDb>>(path.status());
  std::error_code ec;
  const std::string key = std::filesystem::weakly_canonical(std::filesystem::absolute(a.plan, ec), ec).string();
  auto last = db.ok() ? (*db)->LastStatus(key) : Result<StoredStatus>(db.status());
  Status st = last.status();
  if (last.ok()) {
    MarkRegressions(last->states, status);
    status->previous_at = last->checked_at;
    std::vector<StoredTaskState> tasks;
    for (const TaskStatus& t : status->tasks) tasks.push_back({t.task->id, TaskStateName(t.state), t.reason});
    auto id = (*db)->RecordStatus(key, status->plan->title, status->checked_at, tasks);
    st = id.status();
  }
  if (!st.ok()) std::cerr << "shipshape status: warning: status not recorded: " << st.ToString() << "\n";
}

// Loads the facts of the targets (or of the kept snapshots) and evaluates the plan.
Result<PlanStatus> Evaluate(const PlanFile& plan, const StatusArgs& a, bool* some_failed) {
  Diagnostics diags;
  SnapshotSource source;
  if (a.targets.empty()) {
    auto stored = StoredSnapshots(plan, a, &diags);
    if (!stored.ok()) return stored.status();
    source = std::move(*stored);
  } else {
    RemoteOptions remote = a.remote;
    remote.stat_paths = PathsOfChecks(plan);
    ResolvedTargets resolved = ResolveTargets(a.targets, remote, &diags);
    for (const std::string& f : resolved.failed) std::cerr << "shipshape status: " << f << "\n";
    *some_failed = !resolved.failed.empty();
    source = std::move(resolved.source);
  }
  auto facts = LoadFacts(source, a.clock, &diags);
  if (!facts.ok()) return facts.status();
  auto hosts = SelectText((*facts)->db(), "SELECT host FROM hosts");
  if (!hosts.ok()) return hosts.status();
  std::set<std::string> available;
  for (const auto& row : *hosts) available.insert(row[0]);
  if (Status st = CheckPlanHosts(plan, available); !st.ok()) return st;
  std::vector<Status> rule_errors;
  AcceptChecker checker(**facts, LoadRules(a.rule_dirs, &rule_errors));
  for (const Status& e : rule_errors) std::cerr << "shipshape status: warning: " << e.ToString() << "\n";
  if (Status st = checker.Validate(plan); !st.ok()) return st;
  PlanStatus status = EvaluatePlan(
      plan, [&checker](const AcceptCheck& c, const std::string& host) { return checker.Evaluate(c, host); });
  status.checked_at = NowRfc3339();
  return status;
}

}  // namespace

int RunStatusCommand(int argc, char** argv) {
  StatusArgs a;
  if (int done = ParseStatusArgs(argc, argv, a); done >= 0) return done;
  auto plan = ReadPlanFile(a.plan);
  if (!plan.ok()) return UsageError(plan.status().ToString());
  bool some_failed = false;
  auto status = Evaluate(*plan, a, &some_failed);
  if (!status.ok()) return UsageError(status.status().ToString());
  RecordInHistory(a, &*status);
  std::string text = a.format == "json" ? RenderStatusJson(*status) : RenderStatusText(*status);
  if (a.output.empty()) {
    std::cout << text;
  } else if (Status w = WriteWholeFile(a.output, text); !w.ok()) {
    return UsageError(w.ToString());
  }
  if (some_failed) return kExitUnreachable;
  return status->AllDone() ? kExitOk : kExitFindings;
}

}  // namespace shipshape
