// The seed stack (../shared/seeds/002_…: the Changemaker Lite production-networking review), written
// as a deployment folder from the seed's description: its audit reports the gaps the seed rates
// Critical and High, and the Medium and Low ones its files show, at the seed's severity, and its
// routing matrix is the seed's table.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "base/file_io.h"
#include "base/json.h"
#include "pipeline/audit_pipeline.h"
#include "render/route_matrix.h"
#include "shipshape_cli.h"
#include "stack/stack_folder.h"
#include "test_paths.h"

namespace shipshape {
namespace {

std::string SeedStackDir() { return testing::FixturesDir() + "/seed-stack/changemaker-lite"; }

AuditResult AuditSeedStack() {
  Diagnostics diags;
  AuditClock clock = *AuditClock::Parse("2026-11-23T10:00:00Z");
  auto snap = ReadStackFolder(SeedStackDir(), clock, &diags);
  EXPECT_TRUE(snap.ok()) << snap.status().ToString();
  std::vector<Snapshot> snaps;
  snaps.push_back(std::move(snap).value());
  AuditOptions options;
  options.clock = clock;
  auto result = RunAudit(SourceOf(std::move(snaps)), options);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE(diags.empty());
  return std::move(result).value();
}

// Findings of `rule`: their subjects and evidence, joined, with the severity they carry.
struct RuleHits {
  std::set<Severity> severities;
  std::string text;
  int count = 0;
};

std::map<std::string, RuleHits> ByRule(const Report& report) {
  std::map<std::string, RuleHits> out;
  for (const Finding& f : report.findings) {
    RuleHits& h = out[f.rule];
    h.severities.insert(f.severity);
    h.text += f.subject + " | " + f.evidence + "\n";
    ++h.count;
  }
  return out;
}

void ExpectRule(const std::map<std::string, RuleHits>& hits, const std::string& rule, Severity severity,
                const std::vector<std::string>& mentions) {
  auto it = hits.find(rule);
  ASSERT_NE(it, hits.end()) << rule << " did not fire";
  EXPECT_EQ(it->second.severities, std::set<Severity>{severity}) << rule;
  for (const std::string& m : mentions) EXPECT_NE(it->second.text.find(m), std::string::npos) << rule << ": " << m;
}

TEST(SeedStack, CriticalGapsAreP1) {
  auto hits = ByRule(AuditSeedStack().report);
  // Default admin passwords: Grafana, Gotify, N8N, NocoDB, Listmonk.
  ExpectRule(hits, "STACK-DEFAULT-SECRET", Severity::kP1, {"grafana", "gotify", "n8n", "nocodb", "listmonk"});
  ExpectRule(hits, "STACK-MAIL-TEST-MODE", Severity::kP1, {"EMAIL_TEST_MODE", "mailhog"});
  ExpectRule(hits, "STACK-EMPTY-SECRET", Severity::kP1, {"ENCRYPTION_KEY"});
  ExpectRule(hits, "WEB-HEADERS-STRIPPED", Severity::kP1, {"8881", "8882", "8883", "8884", "8885", "8886"});
}

TEST(SeedStack, HighGapsAreP2) {
  auto hits = ByRule(AuditSeedStack().report);
  ExpectRule(hits, "WEB-NO-HTTPS-REDIRECT", Severity::kP2, {"app.betteredmonton.org", "api.betteredmonton.org"});
  ExpectRule(hits, "BACKUP-SCRIPT-UNSCHEDULED", Severity::kP2, {"scripts/backup.sh", "pg_dump"});
  ExpectRule(hits, "STACK-EXPORTER-NO-AUTH", Severity::kP2, {"redis-exporter", "REDIS_ADDR"});
}

TEST(SeedStack, MediumAndLowGapsTheFilesShow) {
  auto hits = ByRule(AuditSeedStack().report);
  ExpectRule(hits, "STACK-FLAT-NETWORK", Severity::kP3, {"changemaker-lite"});
  ExpectRule(hits, "WEB-NO-RATE-LIMIT", Severity::kP3, {"/api/auth/"});
  ExpectRule(hits, "LOG-NO-AGGREGATION", Severity::kP3, {"27 services"});
  ExpectRule(hits, "MON-ALERT-GAPS", Severity::kP3, {"certificate expiry", "disk space", "backup freshness"});
  ExpectRule(hits, "STACK-NO-RESOURCE-LIMITS", Severity::kP4, {"27 of 27"});
}

TEST(SeedStack, EveryFindingPointsAtALineOfAFileOfTheFolder) {
  AuditResult r = AuditSeedStack();
  ASSERT_FALSE(r.report.findings.empty());
  for (const Finding& f : r.report.findings) {
    ASSERT_FALSE(f.file.empty()) << f.rule << " " << f.subject;
    EXPECT_NE(f.file.front(), '/') << f.rule << ": stack files are relative";
    EXPECT_EQ(f.subject.find("/" + f.file), std::string::npos) << f.rule << ": " << f.subject;
    EXPECT_EQ(f.evidence.find(" /" + f.file), std::string::npos) << f.rule << ": " << f.evidence;
    EXPECT_TRUE(IsRegularFile(SeedStackDir() + "/" + f.file)) << f.rule << ": " << f.file;
    EXPECT_GT(f.line, 0) << f.rule << " " << f.subject;
  }
}

TEST(SeedStack, RoutingMatrixIsTheSeedsTable) {
  AuditResult r = AuditSeedStack();
  auto rows = BuildRouteMatrix(r.facts->db());
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  // The seed's "Subdomain Routing Matrix": backend port and the frame protection of each subdomain.
  const std::map<std::string, std::pair<std::string, std::string>> seed = {
      {"app.betteredmonton.org", {"admin:3000", "SAMEORIGIN"}},
      {"api.betteredmonton.org", {"api:4000, media-api:4100", "SAMEORIGIN"}},
      {"betteredmonton.org", {"mkdocs-site-server:80", "SAMEORIGIN"}},
      {"db.betteredmonton.org", {"nocodb:8080", "CSP"}},
      {"docs.betteredmonton.org", {"mkdocs:8000", "CSP"}},
      {"code.betteredmonton.org", {"code-server:8080", "CSP"}},
      {"git.betteredmonton.org", {"gitea:3000", "CSP"}},
      {"n8n.betteredmonton.org", {"n8n:5678", "CSP"}},
      {"listmonk.betteredmonton.org", {"listmonk-app:9000", "SAMEORIGIN"}},
      {"mail.betteredmonton.org", {"mailhog:8025", "CSP"}},
      {"qr.betteredmonton.org", {"mini-qr:8080", "CSP"}},
      {"draw.betteredmonton.org", {"excalidraw:80", "CSP"}},
      {"grafana.betteredmonton.org", {"grafana:3000", "SAMEORIGIN"}},
      {"home.betteredmonton.org", {"homepage:3000", "SAMEORIGIN"}},
  };
  std::map<std::string, const RouteRow*> named;
  std::set<std::string> embed_ports;
  for (const RouteRow& row : *rows) {
    if (row.server_names == "localhost") {
      embed_ports.insert(row.listen);
      EXPECT_EQ(row.stripped.size(), 2u) << row.listen << ": X-Frame-Options and CSP stripped";
      EXPECT_EQ(row.is_public, std::optional<bool>(true)) << row.listen;
    } else {
      named[row.server_names] = &row;
    }
  }
  EXPECT_EQ(embed_ports, (std::set<std::string>{"8881", "8882", "8883", "8884", "8885", "8886"}));
  ASSERT_EQ(named.size(), seed.size());
  for (const auto& [name, want] : seed) {
    ASSERT_TRUE(named.count(name)) << name;
    const RouteRow& row = *named[name];
    EXPECT_EQ(UpstreamCell(row), want.first) << name;
    EXPECT_EQ(row.listen, "80") << name;
    EXPECT_EQ(row.is_public, std::optional<bool>(true)) << name;
    if (want.second == "CSP") {
      EXPECT_NE(row.csp.find("frame-ancestors"), std::string::npos) << name;
    } else {
      EXPECT_EQ(row.frame_options, "SAMEORIGIN") << name;
    }
  }
}

// The stack's generated plan file is verified by status against the same folder: nothing is done
// yet, every task is checked (none unknown), and reasons name the stack's files as the audit does.
TEST(SeedStack, GeneratedPlanFileIsVerifiedByStatus) {
  auto dir = MakeTempDir("shipshape-stack-plan.");
  ASSERT_TRUE(dir.ok());
  const std::string plan = *dir + "/plan.yaml";
  ProcessResult made = testing::RunShipshape({"plan", SeedStackDir(), "-o", plan}, 120);
  ASSERT_EQ(made.exit_code, 0) << made.err;
  ProcessResult st = testing::RunShipshape({"status", plan, SeedStackDir(), "--no-history", "--format", "json"}, 120);
  RemoveTree(*dir);
  EXPECT_EQ(st.exit_code, 1) << st.err;
  auto doc = ParseJson(st.out, "status");
  ASSERT_TRUE(doc.ok()) << st.out;
  EXPECT_EQ(doc->root()["progress"]["done"].Int(), 0);
  EXPECT_GE(doc->root()["progress"]["total"].Int(), 15);
  int tasks = 0;
  doc->root()["milestones"].ForEachElement([&](JsonRef m) {
    m["groups"].ForEachElement([&](JsonRef g) {
      g["tasks"].ForEachElement([&](JsonRef t) {
        ++tasks;
        EXPECT_NE(t["state"].Str(), "unknown") << t.Dump();
        EXPECT_NE(t["state"].Str(), "done") << t.Dump();
        EXPECT_EQ(t["reason"].Str().find(" /nginx/"), std::string::npos) << t.Dump();
        EXPECT_EQ(t["reason"].Str().find(" /docker-compose"), std::string::npos) << t.Dump();
      });
    });
  });
  EXPECT_EQ(tasks, doc->root()["progress"]["total"].Int());
}

}  // namespace
}  // namespace shipshape
