// Rule fixtures: every rule file rules/<category>/<ID>.yaml has snapshot folders beside it,
// rules/<category>/<ID>/fires*/ (the rule must fire) and rules/<category>/<ID>/quiet*/ (it must not,
// while the facts it reads are present). A fixture folder is one snapshot (meta.json inside), or a
// fleet: a folder of snapshot folders audited together (cross-host rules), or a stack: a deployment
// folder without meta.json (docker-compose.yml, .env, nginx/…) read in place (stack/stack_folder.h). Used by `shipshape
// rules test` and the test suite.
#pragma once

#include <string>
#include <vector>

#include "rules/rule.h"

namespace shipshape {

struct FixtureOutcome {
  std::string rule;
  std::string fixture;  // path of the fixture folder
  bool expect_fire = false;
  int findings = 0;        // findings of this rule on the fixture
  std::string problem;     // empty when the fixture behaved; else what went wrong
};

// Runs every fixture of every rule found under `rules_dir`. The audit clock of a fixture is its
// meta.json collected_at; of a stack fixture, the real time. Rules with no fires or no quiet fixture are reported as
// problems.
std::vector<FixtureOutcome> RunRuleFixtures(const std::string& rules_dir);

}  // namespace shipshape
