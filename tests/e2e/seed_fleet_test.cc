// The seed fleet (../shared/seeds/000_…: bms-1 and bms-3 as snapshot fixtures) audited as of the
// plan's date: the P1 findings are the seed's P1 items that a snapshot can show, each exactly once.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "pipeline/audit_pipeline.h"
#include "test_paths.h"

namespace shipshape {
namespace {

AuditResult AuditSeedFleet() {
  Diagnostics diags;
  std::string dir = testing::FixturesDir() + "/seed-fleet";
  AuditOptions options;
  options.clock = *AuditClock::Parse("2026-06-14T10:00:00Z");
  auto result = RunAudit(SourceOfPaths({dir + "/bms-1", dir + "/bms-3"}, &diags), options);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE(diags.empty());
  return std::move(result).value();
}

std::multiset<std::string> P1Rules(const Report& report, const std::string& host) {
  std::multiset<std::string> out;
  for (const Finding& f : report.findings) {
    if (f.host == host && f.severity == Severity::kP1) out.insert(f.rule);
  }
  return out;
}

TEST(SeedFleet, Bms1HasTheSeedsP1ItemsEachOnce) {
  AuditResult r = AuditSeedFleet();
  EXPECT_EQ(P1Rules(r.report, "bms-1"),
            (std::multiset<std::string>{"OS-EOL", "BACKUP-NONE", "IMG-UNTAGGED", "DISK-NEARLY-FULL"}));
}

TEST(SeedFleet, Bms3HasTheMongoMemoryRiskAsItsOnlyP1) {
  AuditResult r = AuditSeedFleet();
  EXPECT_EQ(P1Rules(r.report, "bms-3"), (std::multiset<std::string>{"MONGO-CACHE-UNBOUNDED"}));
}

TEST(SeedFleet, UntaggedImageFindingNamesTheThreeContainers) {
  AuditResult r = AuditSeedFleet();
  int found = 0;
  for (const Finding& f : r.report.findings) {
    if (f.rule != "IMG-UNTAGGED") continue;
    ++found;
    EXPECT_EQ(f.host, "bms-1");
    EXPECT_NE(f.evidence.find("v32-prod-socket"), std::string::npos) << f.evidence;
    EXPECT_NE(f.evidence.find("v32-prod-reso"), std::string::npos) << f.evidence;
    EXPECT_NE(f.evidence.find("v41-prod"), std::string::npos) << f.evidence;
  }
  EXPECT_EQ(found, 1);
}

TEST(SeedFleet, ScorecardMatchesTheSeedWhereFactsAllowIt) {
  AuditResult r = AuditSeedFleet();
  std::map<std::string, const HostReport*> hosts;
  for (const HostReport& h : r.report.hosts) hosts[h.host] = &h;
  ASSERT_EQ(hosts.size(), 2u);
  const HostReport& bms1 = *hosts["bms-1"];
  const HostReport& bms3 = *hosts["bms-3"];
  EXPECT_EQ(bms1.score, 1);
  EXPECT_EQ(bms3.score, 1);  // the seed says 2/5; a P1 (MongoDB OOM risk) makes it 1 by our rule
  EXPECT_EQ(bms1.categories.at("os"), Grade::kCritical);
  EXPECT_EQ(bms1.categories.at("backup"), Grade::kCritical);
  EXPECT_EQ(bms1.categories.at("images"), Grade::kCritical);
  EXPECT_EQ(bms3.categories.at("os"), Grade::kFair);  // 22.04: a P4 lifecycle finding, as the seed grades it
  // "Fair (MongoDB not explicitly backed up)": no mongodump in what an unprivileged snapshot can read.
  EXPECT_EQ(bms3.categories.at("backup"), Grade::kFair);
  // bms-3 was collected without root: ufw and iptables could not be read.
  EXPECT_EQ(bms3.categories.at("firewall"), Grade::kUnknown);
}

}  // namespace
}  // namespace shipshape
