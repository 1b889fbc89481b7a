// Tests of the Prometheus configuration parser.
#include <gtest/gtest.h>

#include "fact_query.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

TEST(PrometheusParser, ReadsDebianDefaultTargets) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/prometheus/prometheus.yml",
            testing::ReadTestFile(testing::CorpusDir() + "/debian12/etc/prometheus/prometheus.yml"));
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT job, target, target_host, target_port FROM prometheus_targets ORDER BY job"),
            (Rows{{"node", "localhost:9100", "localhost", "9100"}, {"prometheus", "localhost:9090", "localhost", "9090"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM prometheus_rule_files"), (Rows{{"0"}}));
}

TEST(PrometheusParser, ReadsAlertRulesOfTheRuleFiles) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/prometheus/prometheus.yml",
            "scrape_configs:\n  - job_name: node\n    static_configs:\n      - targets: ['10.0.0.5:9100']\n"
            "        labels: {server: bms-1}\nrule_files:\n  - rules/*.yml\n");
  s.PutFile("/etc/prometheus/rules/infra.yml",
            "groups:\n  - name: infra\n    rules:\n      - record: x\n        expr: up\n"
            "      - alert: DiskFull\n        expr: node_filesystem_avail_bytes < 1e9\n        for: 5m\n"
            "        labels:\n          severity: critical\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT target, labels FROM prometheus_targets"), (Rows{{"10.0.0.5:9100", "server=bms-1"}}));
  EXPECT_EQ(Query(*db, "SELECT pattern, matched FROM prometheus_rule_files"), (Rows{{"rules/*.yml", "1"}}));
  EXPECT_EQ(Query(*db, "SELECT group_name, alert, duration, severity, file, line FROM prometheus_alerts"),
            (Rows{{"infra", "DiskFull", "5m", "critical", "/etc/prometheus/rules/infra.yml", "6"}}));
}

TEST(PrometheusParser, BrokenYamlIsReportedWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/prometheus/prometheus.yml", "scrape_configs:\n  - job_name: [node\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].file, "/etc/prometheus/prometheus.yml");
  EXPECT_GE(diags.all()[0].line, 2);
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'monitoring'"), (Rows{{"error"}}));
}

}  // namespace
}  // namespace shipshape
