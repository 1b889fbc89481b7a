// `shipshape query "SQL" [TARGET…]`: ad-hoc SQL over the fact tables.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/targets.h"

namespace shipshape {

int RunQueryCommand(int argc, char** argv) {
  std::string sql, now;
  std::vector<std::string> targets;
  ArgParser args("query", "Run SQL over the fact tables of targets (default: this machine).");
  args.Positional("sql", &sql, "an SQL query (see `shipshape tables`)", true);
  args.Positional("targets", &targets, "snapshot folders or .tar.gz, folders of snapshots, or 'local'");
  args.Option("--now", &now, "audit clock for the clock table");
  bool help = false;
  Status st = args.Parse(argc, argv, &help);
  if (help) return kExitOk;
  if (!st.ok()) {
    std::cerr << "shipshape query: " << st.message() << "\n";
    return kExitUsage;
  }
  AuditClock clock = AuditClock::System();
  if (!now.empty()) {
    auto c = AuditClock::Parse(now);
    if (!c.ok()) {
      std::cerr << "shipshape query: " << c.status().message() << "\n";
      return kExitUsage;
    }
    clock = *c;
  }
  Diagnostics diags;
  ResolvedTargets resolved = ResolveTargets(targets, &diags);
  for (const std::string& f : resolved.failed) std::cerr << "shipshape query: " << f << "\n";
  auto db = LoadFacts(resolved.source, clock, &diags);
  if (!db.ok()) {
    std::cerr << "shipshape query: " << db.status().ToString() << "\n";
    return kExitUsage;
  }
  for (const Diagnostic& d : diags.all()) std::cerr << "shipshape query: " << d.ToString() << "\n";
  auto stmt = (*db)->db().Prepare(sql);
  if (!stmt.ok()) {
    std::cerr << "shipshape query: " << stmt.status().message() << "\n";
    return kExitUsage;
  }
  Statement& s = **stmt;
  for (int i = 0; i < s.ColumnCount(); ++i) std::cout << (i ? "\t" : "") << s.ColumnName(i);
  std::cout << "\n";
  Status step;
  while (s.Step(&step)) {
    for (int i = 0; i < s.ColumnCount(); ++i) std::cout << (i ? "\t" : "") << ValueToString(s.ColumnValue(i));
    std::cout << "\n";
  }
  if (!step.ok()) {
    std::cerr << "shipshape query: " << step.message() << "\n";
    return kExitUsage;
  }
  return resolved.failed.empty() ? kExitOk : kExitUnreachable;
}

}  // namespace shipshape
