// `shipshape rules list | show ID | test [DIR]`.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "rules/rule_docs.h"
#include "rules/rule_fixtures.h"

namespace shipshape {

int RunRulesCommand(int argc, char** argv) {
  std::string action = "list", arg;
  std::vector<std::string> rule_dirs;
  ArgParser args("rules", "List, show or test rules.");
  args.Positional("action", &action, "list | show | test", false);
  args.Positional("arg", &arg, "rule id (show) or rules folder with fixtures (test)", false);
  args.Option("--rules", &rule_dirs, "folder of additional rule files (repeatable)");
  bool markdown = false;
  args.Flag("--markdown", &markdown, "with list: print docs/rules.md");
  bool help = false;
  Status st = args.Parse(argc, argv, &help);
  if (help) return kExitOk;
  if (!st.ok()) {
    std::cerr << "shipshape rules: " << st.message() << "\n";
    return kExitUsage;
  }
  std::vector<Status> errors;
  std::vector<Rule> rules = LoadRules(rule_dirs, &errors);
  for (const Status& e : errors) std::cerr << "shipshape rules: " << e.ToString() << "\n";
  if (action == "list" && markdown) {
    std::cout << RulesMarkdown();
    return kExitOk;
  }
  if (action == "list") {
    for (const Rule& r : rules) {
      std::cout << SeverityName(r.severity) << "  " << r.id << std::string(r.id.size() < 28 ? 28 - r.id.size() : 1, ' ')
                << r.category << std::string(r.category.size() < 12 ? 12 - r.category.size() : 1, ' ') << r.title
                << "\n";
    }
    return errors.empty() ? kExitOk : kExitUsage;
  }
  if (action == "show") {
    for (const Rule& r : rules) {
      if (r.id != arg) continue;
      std::cout << r.id << " (" << SeverityName(r.severity) << ", " << r.category << ")\n" << r.title << "\n\n"
                << "Impact: " << r.impact << "\n\n" << r.description << "\n\nRemediation: " << r.remediation
                << "\n\nSource: " << r.source << "\n\n" << r.query << "\n";
      return kExitOk;
    }
    std::cerr << "shipshape rules: no rule '" << arg << "'\n";
    return kExitUsage;
  }
  if (action == "test") {
    if (arg.empty()) {
      std::cerr << "shipshape rules test: name the rules folder that holds the fixtures\n";
      return kExitUsage;
    }
    int failed = 0, passed = 0;
    for (const FixtureOutcome& o : RunRuleFixtures(arg)) {
      if (o.problem.empty()) {
        ++passed;
      } else {
        ++failed;
        std::cout << "FAIL " << o.rule << " " << o.fixture << ": " << o.problem << "\n";
      }
    }
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed ? kExitFindings : kExitOk;
  }
  std::cerr << "shipshape rules: unknown action '" << action << "' (list, show, test)\n";
  return kExitUsage;
}

}  // namespace shipshape
