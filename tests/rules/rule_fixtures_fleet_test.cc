// Rule fixtures that hold several snapshots are audited as one fleet (cross-host rules).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "rules/rule_fixtures.h"
#include "test_paths.h"

namespace shipshape {
namespace {

const FixtureOutcome* Find(const std::vector<FixtureOutcome>& all, const std::string& suffix) {
  for (const FixtureOutcome& o : all) {
    if (o.fixture.size() >= suffix.size() && o.fixture.compare(o.fixture.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return &o;
    }
  }
  return nullptr;
}

TEST(RuleFixturesFleet, AFolderOfSnapshotsIsAuditedAsOneFleet) {
  auto all = RunRuleFixtures(testing::SourceDir() + "/rules/monitoring");
  // fires/ holds mon, web1 and db1: only db1 is unscraped, which needs mon's prometheus.yml.
  const FixtureOutcome* fires = Find(all, "MON-NOT-SCRAPED/fires");
  ASSERT_NE(fires, nullptr);
  EXPECT_EQ(fires->problem, "");
  EXPECT_EQ(fires->findings, 1);
  const FixtureOutcome* quiet = Find(all, "MON-NOT-SCRAPED/quiet");
  ASSERT_NE(quiet, nullptr);
  EXPECT_EQ(quiet->problem, "");
  EXPECT_EQ(quiet->findings, 0);
}

TEST(RuleFixturesFleet, SingleSnapshotFixturesStillWork) {
  auto all = RunRuleFixtures(testing::SourceDir() + "/rules/monitoring");
  const FixtureOutcome* one = Find(all, "MON-NO-NODE-EXPORTER/fires");
  ASSERT_NE(one, nullptr);
  EXPECT_EQ(one->problem, "");
  EXPECT_GE(one->findings, 1);
}

TEST(RuleFixturesFleet, AFixtureFolderWithoutSnapshotsIsAProblem) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("shipshape-fleet-fixture-" + std::to_string(::getpid()));
  fs::create_directories(dir / "monitoring" / "X-EMPTY" / "fires" / "not-a-snapshot");
  fs::create_directories(dir / "monitoring" / "X-EMPTY" / "quiet");
  std::ofstream(dir / "monitoring" / "X-EMPTY.yaml")
      << "id: X-EMPTY\ntitle: t\ncategory: monitoring\nseverity: P3\nimpact: i\ndescription: d\nremediation: r\n"
         "tables: [hosts]\nquery: SELECT host, host AS subject, 'e' AS evidence FROM hosts\n";
  auto all = RunRuleFixtures(dir.string());
  fs::remove_all(dir);
  const FixtureOutcome* fires = Find(all, "X-EMPTY/fires");
  ASSERT_NE(fires, nullptr);
  EXPECT_EQ(fires->problem, "cannot load fixture: neither a snapshot (no meta.json) nor a folder of snapshots");
}

}  // namespace
}  // namespace shipshape
