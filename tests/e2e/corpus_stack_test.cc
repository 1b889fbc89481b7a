// Real deployment folders from ../shared/corpus (awesome-compose, h5bp's nginx configuration) audited
// as stacks: every file parses without a diagnostic, and for a handful of them the findings are
// listed exactly: each one has its cause in the files (a default password written in the compose
// file, a port-80 server without a redirect, a commented-out HSTS line).
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "pipeline/audit_pipeline.h"
#include "stack/stack_folder.h"
#include "test_paths.h"

namespace shipshape {
namespace {

struct StackAudit {
  std::vector<Diagnostic> diagnostics;
  std::set<std::string> findings;  // "RULE P1 subject"
};

StackAudit AuditCorpusStack(const std::string& dir) {
  StackAudit out;
  Diagnostics diags;
  AuditClock clock = *AuditClock::Parse("2026-11-23T10:00:00Z");
  auto snap = ReadStackFolder(dir, clock, &diags);
  EXPECT_TRUE(snap.ok()) << dir << ": " << snap.status().ToString();
  if (!snap.ok()) return out;
  std::vector<Snapshot> snaps;
  snaps.push_back(std::move(snap).value());
  AuditOptions options;
  options.clock = clock;
  auto result = RunAudit(SourceOf(std::move(snaps)), options);
  EXPECT_TRUE(result.ok()) << dir << ": " << result.status().ToString();
  if (!result.ok()) return out;
  out.diagnostics = diags.all();
  for (const Diagnostic& d : result->report.errors) out.diagnostics.push_back(d);
  for (const Finding& f : result->report.findings) {
    out.findings.insert(f.rule + " " + SeverityName(f.severity) + " " + f.subject);
  }
  return out;
}

std::string Corpus(const std::string& rel) { return testing::CorpusDir() + "/" + rel; }

TEST(CorpusStacks, EveryAwesomeComposeFolderParsesWithoutADiagnostic) {
  int folders = 0;
  for (const auto& entry : std::filesystem::directory_iterator(Corpus("awesome-compose"))) {
    if (!entry.is_directory()) continue;
    ++folders;
    StackAudit a = AuditCorpusStack(entry.path().string());
    for (const Diagnostic& d : a.diagnostics) ADD_FAILURE() << entry.path().filename() << ": " << d.ToString();
  }
  EXPECT_GE(folders, 39);
}

TEST(CorpusStacks, H5bpNginxFindingsEachHaveTheirCauseInTheFiles) {
  StackAudit a = AuditCorpusStack(Corpus("h5bp-nginx"));
  for (const Diagnostic& d : a.diagnostics) ADD_FAILURE() << d.ToString();
  // The no-ssl template and the plain-HTTP test vhost serve port 80 without a redirect; the ssl
  // template ships its HSTS line commented out. Static sites only: no API location, so no
  // WEB-NO-RATE-LIMIT; server_tokens off (h5bp/security/server_software_information.conf).
  EXPECT_EQ(a.findings, (std::set<std::string>{
                            "WEB-NO-HTTPS-REDIRECT P2 nginx conf.d/templates/*.conf",
                            "WEB-NO-HTTPS-REDIRECT P2 nginx test/vhosts/*.conf",
                            "WEB-NO-SECURITY-HEADERS P3 server example.com (listen [::]:443 443)",
                        }));
}

TEST(CorpusStacks, PortainerIsAnUnclaimedAdminUiWithTheDockerSocket) {
  StackAudit a = AuditCorpusStack(Corpus("awesome-compose/portainer"));
  EXPECT_EQ(a.findings, (std::set<std::string>{
                            "STACK-DEFAULT-SECRET P1 portainer/portainer (Portainer)",
                            "STACK-DOCKER-SOCKET P2 portainer/portainer",
                            "STACK-NO-HEALTHCHECK P4 compose project portainer",
                            "STACK-NO-RESOURCE-LIMITS P4 compose project portainer",
                        }));
}

TEST(CorpusStacks, PasswordsWrittenInTheComposeFileAndAPublishedDatabase) {
  StackAudit a = AuditCorpusStack(Corpus("awesome-compose/react-rust-postgres"));
  // POSTGRES_PASSWORD=mysecretpassword and PG_PASSWORD=mysecretpassword; db publishes 5432:5432.
  EXPECT_EQ(a.findings, (std::set<std::string>{
                            "STACK-DB-PUBLISHED P2 react-rust-postgres/db",
                            "STACK-DEFAULT-SECRET P2 react-rust-postgres/backend",
                            "STACK-DEFAULT-SECRET P2 react-rust-postgres/db",
                            "STACK-NO-HEALTHCHECK P4 compose project react-rust-postgres",
                            "STACK-NO-RESOURCE-LIMITS P4 compose project react-rust-postgres",
                        }));
}

TEST(CorpusStacks, GrafanaWithItsPasswordWrittenAsGrafana) {
  StackAudit a = AuditCorpusStack(Corpus("awesome-compose/prometheus-grafana"));
  EXPECT_TRUE(a.findings.count("STACK-DEFAULT-SECRET P1 prometheus-grafana/grafana (Grafana)"));
  // Nothing about nginx or databases: there are none.
  for (const std::string& f : a.findings) {
    EXPECT_NE(f.rfind("WEB-", 0), 0u) << f;
    EXPECT_NE(f.rfind("STACK-DB-", 0), 0u) << f;
  }
}

TEST(CorpusStacks, NginxProxyInFrontOfAGoApp) {
  StackAudit a = AuditCorpusStack(Corpus("awesome-compose/nginx-golang"));
  std::set<std::string> web;
  for (const std::string& f : a.findings) {
    if (f.rfind("WEB-", 0) == 0) web.insert(f.substr(0, f.find(' ', f.find(' ') + 1)));
  }
  // nginx/nginx.conf: one server on 80 proxying to the app, no headers, server_tokens not set.
  EXPECT_EQ(web,
            (std::set<std::string>{"WEB-NO-HTTPS-REDIRECT P2", "WEB-NO-SECURITY-HEADERS P3", "WEB-SERVER-TOKENS P4"}));
}

}  // namespace
}  // namespace shipshape
