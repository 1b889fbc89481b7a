// `shipshape history`: the recorded runs, oldest first, with hosts and findings per priority.
#include <cstdio>
#include <iostream>

#include "base/json.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/history_options.h"
#include "history/history_db.h"

namespace shipshape {
namespace {

std::string RunsText(const std::vector<RunSummary>& runs) {
  std::string out = "  id  started               status      hosts    P1    P2    P3    P4  targets\n";
  for (const RunSummary& r : runs) {
    char line[160];
    std::snprintf(line, sizeof line, "%4lld  %-20s  %-10s  %5d  %4d  %4d  %4d  %4d  ", static_cast<long long>(r.id),
                  r.started_at.c_str(), r.status.c_str(), r.hosts, r.findings[0], r.findings[1], r.findings[2],
                  r.findings[3]);
    out += line + r.targets + "\n";
  }
  return out;
}

std::string RunsJson(const std::vector<RunSummary>& runs) {
  std::string out = "{\"format\":\"shipshape-history/1\",\"runs\":[";
  for (size_t i = 0; i < runs.size(); ++i) {
    const RunSummary& r = runs[i];
    out += std::string(i ? ",\n" : "\n") + "{\"id\":" + std::to_string(r.id) +
           ",\"started_at\":" + JsonQuote(r.started_at) + ",\"finished_at\":" + JsonQuote(r.finished_at) +
           ",\"shipshape_version\":" + JsonQuote(r.version) + ",\"status\":" + JsonQuote(r.status) +
           ",\"targets\":" + r.targets + ",\"hosts\":" + std::to_string(r.hosts) + ",\"findings\":{";
    for (int p = 0; p < 4; ++p)
      out += (p ? ",\"P" : "\"P") + std::to_string(p + 1) + "\":" + std::to_string(r.findings[p]);
    out += "}}";
  }
  return out + "]}\n";
}

}  // namespace

int RunHistoryCommand(int argc, char** argv) {
  std::string format = "text";
  HistoryOptions history;
  ArgParser args("history", "List the recorded audit runs (oldest first).");
  args.Option("--format", &format, "text | json");
  AddHistoryOptions(args, &history, false);
  bool help = false;
  Status st = args.Parse(argc, argv, &help);
  if (help) return kExitOk;
  if (st.ok() && format != "text" && format != "json")
    st = Status::Invalid("unknown --format '" + format + "' (text, json)");
  auto recorded = st.ok() ? OpenRecordedRuns(history) : Result<RecordedRuns>(st);
  if (!recorded.ok()) {
    std::cerr << "shipshape history: " << recorded.status().ToString() << "\n";
    return kExitUsage;
  }
  const std::vector<RunSummary>& runs = recorded->runs;
  std::cout << (format == "json" ? RunsJson(runs) : RunsText(runs));
  return kExitOk;
}

}  // namespace shipshape
