// The whole seed fleet (bms-1..bms-4 and the monitoring host vps-i1, ../shared/seeds/000_…) audited
// as one fleet: the cross-host rules see what the plan says, from vps-i1's prometheus.yml alone.
#include <gtest/gtest.h>

#include <set>

#include "pipeline/audit_pipeline.h"
#include "test_paths.h"

namespace shipshape {
namespace {

AuditResult AuditWholeSeedFleet() {
  Diagnostics diags;
  std::string dir = testing::FixturesDir() + "/seed-fleet";
  AuditOptions options;
  options.clock = *AuditClock::Parse("2026-06-14T10:00:00Z");
  auto result = RunAudit(SourceOfPaths({dir + "/bms-1", dir + "/bms-2", dir + "/bms-3", dir + "/bms-4", dir + "/vps-i1"},
                                       &diags),
                         options);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE(diags.empty());
  return std::move(result).value();
}

std::set<std::string> HostsWith(const Report& report, const std::string& rule) {
  std::set<std::string> out;
  for (const Finding& f : report.findings) {
    if (f.rule == rule) out.insert(f.host);
  }
  return out;
}

TEST(SeedFleetCrossHost, Bms2AndBms3AreNotScrapedByPrometheus) {
  AuditResult r = AuditWholeSeedFleet();
  EXPECT_EQ(r.report.hosts.size(), 5u);
  EXPECT_EQ(HostsWith(r.report, "MON-NOT-SCRAPED"), (std::set<std::string>{"bms-2", "bms-3"}));
  for (const Finding& f : r.report.findings) {
    if (f.rule != "MON-NOT-SCRAPED") continue;
    EXPECT_EQ(f.severity, Severity::kP2);
    EXPECT_NE(f.evidence.find("vps-i1 /etc/prometheus/prometheus.yml"), std::string::npos) << f.evidence;
  }
}

TEST(SeedFleetCrossHost, OnlyTheMonitoringHostsConfigurationDecides) {
  // Without vps-i1 the fleet holds no Prometheus configuration: nothing can be said.
  Diagnostics diags;
  std::string dir = testing::FixturesDir() + "/seed-fleet";
  AuditOptions options;
  options.clock = *AuditClock::Parse("2026-06-14T10:00:00Z");
  auto r = RunAudit(SourceOfPaths({dir + "/bms-1", dir + "/bms-2", dir + "/bms-3", dir + "/bms-4"}, &diags), options);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(HostsWith(r->report, "MON-NOT-SCRAPED").empty());
}

TEST(SeedFleetCrossHost, EveryRs0MemberIsReachableFromOutsideTheSet) {
  // 27017 on 0.0.0.0 everywhere; bms-2 and bms-3 were read without root (firewall unknown), bms-4 has
  // no firewall at all.
  AuditResult r = AuditWholeSeedFleet();
  EXPECT_EQ(HostsWith(r.report, "DB-REPLICA-EXPOSED"), (std::set<std::string>{"bms-2", "bms-3", "bms-4"}));
  for (const Finding& f : r.report.findings) {
    if (f.rule != "DB-REPLICA-EXPOSED") continue;
    EXPECT_NE(f.evidence.find("members in the fleet: bms-2, bms-3, bms-4"), std::string::npos) << f.evidence;
  }
}

TEST(SeedFleetCrossHost, Rs0MembersRunOneMajorVersion) {
  AuditResult r = AuditWholeSeedFleet();
  EXPECT_TRUE(HostsWith(r.report, "DB-VERSION-SKEW").empty());
  // ...and the facts to judge it are there: three members of rs0 with a MongoDB version.
  auto stmt = r.facts->db().Prepare(
      "SELECT count(DISTINCT s.host) FROM software s JOIN mongod_settings m ON m.host = s.host "
      "WHERE s.product = 'mongodb' AND m.key = 'replication.replSetName' AND m.value = 'rs0'");
  ASSERT_TRUE(stmt.ok());
  Status st;
  ASSERT_TRUE((*stmt)->Step(&st));
  EXPECT_EQ((*stmt)->ColumnInt(0), 3);
}

}  // namespace
}  // namespace shipshape
