// `shipshape map DIR…`: the routing matrix of deployment folders (or host snapshots) as text,
// Markdown or JSON.
#include <iostream>
#include <set>

#include "base/file_io.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/targets.h"
#include "render/route_matrix.h"

namespace shipshape {
namespace {

struct MapArgs {
  std::vector<std::string> targets;
  std::string format = "text", output, now;
  AuditClock clock = AuditClock::System();
};

int UsageError(const std::string& message) {
  std::cerr << "shipshape map: " << message << "\n";
  return kExitUsage;
}

// Parses and checks the command line; returns -1 to go on, else the exit status.
int ParseMapArgs(int argc, char** argv, MapArgs& a) {
  ArgParser args("map",
                 "Print the routing matrix of nginx: server name, listen, upstream service and port, "
                 "security headers, limits, public or not.");
  args.Positional("targets", &a.targets,
                  "deployment folders (compose + nginx), snapshot folders or .tar.gz, folders of snapshots");
  args.Option("--format", &a.format, "text | md | json");
  args.Option("-o,--output", &a.output, "write the matrix to FILE instead of standard output");
  args.Option("--now", &a.now, "audit clock: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default: the real time)");
  bool help = false;
  Status st = args.Parse(argc, argv, &help);
  if (help) return kExitOk;
  if (!st.ok()) return UsageError(st.message());
  if (a.targets.empty()) return UsageError("give a deployment folder or snapshot (shipshape map DIR)");
  if (a.format != "text" && a.format != "md" && a.format != "json") {
    return UsageError("unknown --format '" + a.format + "' (text, md, json)");
  }
  if (!a.now.empty()) {
    auto clock = AuditClock::Parse(a.now);
    if (!clock.ok()) return UsageError(clock.status().message());
    a.clock = *clock;
  }
  return -1;
}

std::string Render(const std::vector<RouteRow>& rows, const std::string& format) {
  if (format == "json") return RenderRouteMatrixJson(rows);
  if (format == "md") return RenderRouteMatrixMarkdown(rows);
  return RenderRouteMatrixText(rows);
}

// Input errors of nginx files (a malformed one: its rows may be missing) are printed; the others
// (sshd, firewall…) only counted, as they do not change the matrix.
void PrintNginxNotes(const Diagnostics& diags, Database& db) {
  std::set<std::string> nginx_files;
  auto files = SelectText(db, "SELECT DISTINCT file FROM nginx_directives");
  if (files.ok()) {
    for (const auto& row : *files) nginx_files.insert(row[0]);
  }
  size_t others = 0;
  for (const Diagnostic& d : diags.all()) {
    bool nginx =
        d.file.find("nginx") != std::string::npos || nginx_files.count(d.file) || nginx_files.count("/" + d.file);
    if (nginx) std::cerr << "shipshape map: " << d.ToString() << "\n";
    others += nginx ? 0 : 1;
  }
  if (others) std::cerr << "shipshape map: " << others << " other input notes (shipshape audit lists them)\n";
}

}  // namespace

int RunMapCommand(int argc, char** argv) {
  MapArgs a;
  if (int done = ParseMapArgs(argc, argv, a); done >= 0) return done;
  Diagnostics diags;
  RemoteOptions remote;
  remote.clock = a.clock;  // collected_at of stack folders
  ResolvedTargets resolved = ResolveTargets(a.targets, remote, &diags);
  for (const std::string& f : resolved.failed) std::cerr << "shipshape map: " << f << "\n";
  auto db = LoadFacts(resolved.source, a.clock, &diags);
  if (!db.ok()) return UsageError(db.status().ToString());
  PrintNginxNotes(diags, (*db)->db());
  auto rows = BuildRouteMatrix((*db)->db());
  if (!rows.ok()) return UsageError(rows.status().ToString());
  std::string text = Render(*rows, a.format);
  if (a.output.empty()) {
    std::cout << text;
  } else if (Status w = WriteWholeFile(a.output, text); !w.ok()) {
    return UsageError(w.ToString());
  }
  return resolved.failed.empty() ? kExitOk : kExitUnreachable;
}

}  // namespace shipshape
