// Every rule fires on its fires/ fixtures and stays quiet on its quiet/ fixtures.
#include "rules/rule_fixtures.h"

#include <gtest/gtest.h>

#include <set>

#include "test_paths.h"

namespace shipshape {
namespace {

TEST(RuleFixtures, EveryRuleFiresAndStaysQuietAsItsFixturesSay) {
  auto outcomes = RunRuleFixtures(testing::SourceDir() + "/rules");
  ASSERT_FALSE(outcomes.empty());
  std::set<std::string> fired, quiet;
  for (const FixtureOutcome& o : outcomes) {
    EXPECT_TRUE(o.problem.empty()) << o.rule << " " << o.fixture << ": " << o.problem;
    if (o.problem.empty()) (o.expect_fire ? fired : quiet).insert(o.rule);
  }
  EXPECT_EQ(fired, quiet) << "every rule needs both a fires and a quiet fixture that pass";
}

TEST(RuleFixtures, AQuietFixtureWithoutTheFactsIsRejected) {
  // A rule whose quiet fixture lacks its tables' rows must be reported, not passed.
  auto outcomes = RunRuleFixtures(testing::SourceDir() + "/tests/fixtures/rules-broken");
  bool rejected = false;
  for (const FixtureOutcome& o : outcomes) {
    if (o.problem.find("proves nothing") != std::string::npos) rejected = true;
  }
  EXPECT_TRUE(rejected);
}

}  // namespace
}  // namespace shipshape
