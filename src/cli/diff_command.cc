// `shipshape diff [RUN_A RUN_B]`: findings new, resolved and unchanged between two recorded runs.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/history_options.h"
#include "history/history_db.h"
#include "history/run_diff.h"

namespace shipshape {
namespace {

// Run ids from the command line, or the newest two; an error message in *why otherwise.
bool PickRuns(const std::vector<std::string>& given, const std::vector<RunSummary>& runs, RunSummary* a, RunSummary* b,
              std::string* why) {
  if (given.empty()) {
    if (runs.size() < 2) {
      *why = "the history holds " + std::to_string(runs.size()) + " run(s); diff needs two";
      return false;
    }
    *a = runs[runs.size() - 2], *b = runs.back();
    return true;
  }
  if (given.size() != 2) {
    *why = "give two run ids, or none for the last two runs";
    return false;
  }
  RunSummary* out[2] = {a, b};
  for (int i = 0; i < 2; ++i) {
    bool found = false;
    for (const RunSummary& r : runs) {
      if (std::to_string(r.id) == given[i]) *out[i] = r, found = true;
    }
    if (!found) {
      *why = "no run '" + given[i] + "' in the history (see `shipshape history`)";
      return false;
    }
  }
  return true;
}

}  // namespace

int RunDiffCommand(int argc, char** argv) {
  std::vector<std::string> ids;
  std::string format = "text";
  bool unchanged = false;
  HistoryOptions history;
  ArgParser args("diff", "Findings new, resolved and unchanged between two runs (default: the last two), per host.");
  args.Positional("runs", &ids, "two run ids, as `shipshape history` lists them (earlier first)");
  args.Option("--format", &format, "text | json");
  args.Flag("--unchanged", &unchanged, "list unchanged findings too (text; json always lists them)");
  AddHistoryOptions(args, &history, false);
  bool help = false;
  Status st = args.Parse(argc, argv, &help);
  if (help) return kExitOk;
  if (st.ok() && format != "text" && format != "json")
    st = Status::Invalid("unknown --format '" + format + "' (text, json)");
  auto recorded = st.ok() ? OpenRecordedRuns(history) : Result<RecordedRuns>(st);
  if (!recorded.ok()) {
    std::cerr << "shipshape diff: " << recorded.status().ToString() << "\n";
    return kExitUsage;
  }
  auto& db = recorded->db;
  const std::vector<RunSummary>& runs = recorded->runs;
  RunSummary a, b;
  std::string why;
  if (!PickRuns(ids, runs, &a, &b, &why)) {
    std::cerr << "shipshape diff: " << why << "\n";
    return kExitUsage;
  }
  auto fa = db->Findings(a.id), fb = db->Findings(b.id);
  auto ha = db->Hosts(a.id), hb = db->Hosts(b.id);
  for (const Status& s : {fa.status(), fb.status(), ha.status(), hb.status()}) {
    if (!s.ok()) {
      std::cerr << "shipshape diff: " << s.ToString() << "\n";
      return kExitUsage;
    }
  }
  RunDiff diff = DiffRuns(a, *ha, *fa, b, *hb, *fb);
  std::cout << (format == "json" ? RenderDiffJson(diff) : RenderDiffText(diff, unchanged));
  return kExitOk;
}

}  // namespace shipshape
