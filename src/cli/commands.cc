// Subcommand table and "did you mean".
#include "cli/commands.h"

#include <algorithm>

namespace shipshape {

const std::vector<CommandInfo>& AllCommands() {
  static const std::vector<CommandInfo> kCommands = {
      {"audit", "audit targets (this machine by default): scorecard and priority issues register", RunAuditCommand},
      {"collect", "take a snapshot of a target into a folder or .tar.gz", RunCollectCommand},
      {"query", "run SQL over the fact tables of targets", RunQueryCommand},
      {"tables", "list every fact table and column", RunTablesCommand},
      {"rules", "list, show or test rules", RunRulesCommand},
      {"history", "list the recorded audit runs", RunHistoryCommand},
      {"diff", "findings new, resolved and unchanged between two recorded runs", RunDiffCommand},
      {"map", "routing matrix of a deployment folder: server name, listen, upstream, headers, limits, public",
       RunMapCommand},
      {"plan", "phased hardening plan from the findings (Markdown, or a plan file with -o plan.yaml)", RunPlanCommand},
      {"status", "verify a plan's tasks on its hosts: progress, what can be done next, regressions", RunStatusCommand},
  };
  return kCommands;
}

static size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    prev.swap(cur);
  }
  return prev[b.size()];
}

std::string SuggestCommand(const std::string& typo) {
  std::string best;
  size_t best_distance = 3;  // more than two edits away is not a typo
  for (const CommandInfo& c : AllCommands()) {
    size_t d = EditDistance(typo, c.name);
    if (c.name.rfind(typo, 0) == 0 && !typo.empty()) d = 1;
    if (d < best_distance) {
      best_distance = d;
      best = c.name;
    }
  }
  return best;
}

}  // namespace shipshape
