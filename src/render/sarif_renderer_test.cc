// Tests of the SARIF 2.1.0 renderer: the spec's required properties, shipshape's mapping, and
// validation against the published JSON schema when it has been fetched (scripts/sarif_schema.sh).
#include <gtest/gtest.h>

#include <cstdlib>

#include "base/file_io.h"
#include "base/json.h"
#include "base/process.h"
#include "history/history_db.h"
#include "render/render.h"
#include "test_paths.h"

namespace shipshape {
namespace {

Finding MakeFinding(std::string rule, Severity sev, std::string host, std::string subject, std::string file, int line) {
  Finding f;
  f.id = SeverityName(sev) + "-01";
  f.rule = std::move(rule);
  f.title = "Title of " + f.rule;
  f.category = "web";
  f.severity = sev;
  f.host = std::move(host);
  f.subject = std::move(subject);
  f.evidence = "the evidence";
  f.file = std::move(file);
  f.line = line;
  return f;
}

// A stack finding with file and line, a host finding without a file, one from a rule the rule set
// does not describe, and one input error.
struct Fixture {
  Report report;
  SarifOptions options;
  Fixture() {
    report.generated_at = "2026-06-14T10:00:00Z";
    report.findings = {MakeFinding("WEB-EMBED", Severity::kP1, "stack-a", "listen 8881", "/nginx/conf.d/e m.conf", 12),
                       MakeFinding("BACKUP-NONE", Severity::kP3, "bms-1", "backup", "", 0),
                       MakeFinding("X-UNKNOWN", Severity::kP4, "bms-1", "thing", "/etc/x.conf", 0)};
    report.errors = {Diagnostic{"stack-a", "/docker-compose.yml", 7, "expected a mapping"}};
    Rule web;
    web.id = "WEB-EMBED";
    web.title = "Embed proxy strips frame headers";
    web.category = "web";
    web.severity = Severity::kP1;
    web.description = "Why it matters.";
    web.remediation = "Bind the port to 127.0.0.1.";
    Rule backup = web;
    backup.id = "BACKUP-NONE";
    backup.severity = Severity::kP2;
    backup.category = "backup";
    options.rules = {web, backup};
    options.stack_hosts = {"stack-a"};
  }
};

JsonDoc Render(const Fixture& fx) {
  auto doc = ParseJson(RenderSarif(fx.report, fx.options), "sarif");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return std::move(doc).value();
}

// Every property the SARIF 2.1.0 schema marks required on the objects shipshape writes.
TEST(SarifRenderer, HasEveryRequiredPropertyOfTheSpec) {
  Fixture fx;
  JsonDoc doc = Render(fx);
  JsonRef log = doc.root();
  EXPECT_EQ(log["version"].Str(), "2.1.0");  // sarifLog.version
  EXPECT_EQ(log["$schema"].Str(), "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(log["runs"].Size(), 1u);  // sarifLog.runs
  JsonRef run = log["runs"].At(0);
  JsonRef driver = run["tool"]["driver"];        // run.tool, tool.driver
  EXPECT_EQ(driver["name"].Str(), "shipshape");  // toolComponent.name
  EXPECT_EQ(driver["version"].Str(), kShipshapeVersion);
  EXPECT_FALSE(driver["informationUri"].Str().empty());
  ASSERT_EQ(driver["rules"].Size(), 3u);  // two described, one made from its finding
  for (size_t i = 0; i < driver["rules"].Size(); ++i) {
    JsonRef r = driver["rules"].At(i);
    EXPECT_FALSE(r["id"].Str().empty());                        // reportingDescriptor.id
    EXPECT_FALSE(r["shortDescription"]["text"].Str().empty());  // multiformatMessageString.text
    EXPECT_FALSE(r["fullDescription"]["text"].Str().empty());
    EXPECT_FALSE(r["help"]["text"].Str().empty());
  }
  JsonRef inv = run["invocations"].At(0);
  EXPECT_TRUE(inv["executionSuccessful"].IsBool());  // invocation.executionSuccessful
  ASSERT_EQ(inv["toolExecutionNotifications"].Size(), 1u);
  EXPECT_EQ(inv["toolExecutionNotifications"].At(0)["message"]["text"].Str(),
            "expected a mapping");  // notification.message
  ASSERT_EQ(run["results"].Size(), 3u);
  for (size_t i = 0; i < run["results"].Size(); ++i) {
    JsonRef res = run["results"].At(i);
    EXPECT_FALSE(res["message"]["text"].Str().empty());  // result.message
    JsonRef rule = driver["rules"].At(static_cast<size_t>(res["ruleIndex"].Int(-1)));
    EXPECT_EQ(rule["id"].Str(), res["ruleId"].Str()) << "ruleIndex must point at the rule";
  }
}

TEST(SarifRenderer, MapsRulesFindingsAndInputErrors) {
  Fixture fx;
  JsonDoc doc = Render(fx);
  JsonRef run = doc.root()["runs"].At(0);
  JsonRef rule = run["tool"]["driver"]["rules"].At(0);
  EXPECT_EQ(rule["name"].Str(), "WebEmbed");
  EXPECT_EQ(rule["help"]["text"].Str(), "Bind the port to 127.0.0.1.");
  EXPECT_EQ(rule["fullDescription"]["text"].Str(), "Why it matters.");
  EXPECT_EQ(rule["properties"]["category"].Str(), "web");
  EXPECT_EQ(rule["defaultConfiguration"]["level"].Str(), "error");
  EXPECT_EQ(run["tool"]["driver"]["rules"].At(2)["defaultConfiguration"]["level"].Str(), "note");  // P4

  JsonRef stack = run["results"].At(0);
  EXPECT_EQ(stack["level"].Str(), "error");
  EXPECT_EQ(stack["message"]["text"].Str(), "Title of WEB-EMBED: listen 8881 — the evidence");
  JsonRef loc = stack["locations"].At(0)["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"].Str(), "nginx/conf.d/e%20m.conf");  // relative, percent-encoded
  EXPECT_EQ(loc["region"]["startLine"].Int(), 12);
  EXPECT_EQ(stack["partialFingerprints"]["shipshapeFinding/v1"].Str(),
            FindingFingerprint("stack-a", "WEB-EMBED", "listen 8881"));
  EXPECT_EQ(stack["properties"]["severity"].Str(), "P1");
  EXPECT_EQ(stack["properties"]["host"].Str(), "stack-a");
  EXPECT_EQ(stack["properties"]["registerId"].Str(), "P1-01");

  JsonRef nofile = run["results"].At(1);
  EXPECT_EQ(nofile["level"].Str(), "warning");  // the finding's P3, not the rule's default P2
  EXPECT_TRUE(nofile["locations"].IsNull());
  JsonRef noline = run["results"].At(2)["locations"].At(0)["physicalLocation"];
  EXPECT_EQ(noline["artifactLocation"]["uri"].Str(), "/etc/x.conf");  // a host's path stays absolute
  EXPECT_TRUE(noline["region"].IsNull());

  JsonRef note = run["invocations"].At(0)["toolExecutionNotifications"].At(0);
  EXPECT_EQ(note["locations"].At(0)["physicalLocation"]["artifactLocation"]["uri"].Str(), "docker-compose.yml");
  EXPECT_EQ(note["locations"].At(0)["physicalLocation"]["region"]["startLine"].Int(), 7);
  EXPECT_EQ(note["properties"]["host"].Str(), "stack-a");
}

// A stack folder's findings point at its files by paths relative to the folder, lines included.
TEST(SarifRenderer, StackAuditLocationsAreFilesOfTheFolder) {
  const std::string dir = testing::FixturesDir() + "/seed-stack/changemaker-lite";
  auto audit = RunProcess(
      {testing::BinaryPath(), "audit", dir, "--now", "2026-06-14", "--format", "sarif", "--no-history"}, "", 120);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->exit_code, 0) << audit->err;
  auto doc = ParseJson(audit->out, "audit.sarif");
  ASSERT_TRUE(doc.ok());
  JsonRef results = doc->root()["runs"].At(0)["results"];
  size_t located = 0;
  for (size_t i = 0; i < results.Size(); ++i) {
    JsonRef loc = results.At(i)["locations"].At(0)["physicalLocation"];
    if (loc.IsNull()) continue;
    ++located;
    std::string uri = loc["artifactLocation"]["uri"].Str();
    EXPECT_TRUE(IsRegularFile(dir + "/" + uri)) << results.At(i)["ruleId"].Str() << ": " << uri;
    EXPECT_GE(loc["region"]["startLine"].Int(1), 1);
  }
  EXPECT_GT(located, 10u);
}

// Validates with Python's jsonschema against the SARIF 2.1.0 schema fetched by
// scripts/sarif_schema.sh (or $SHIPSHAPE_SARIF_SCHEMA), with Debian's python3-jsonschema (installed by
// scripts/bootstrap.sh). Skipped when either is missing.
TEST(SarifRenderer, ValidatesAgainstThePublishedSchema) {
  const char* env = std::getenv("SHIPSHAPE_SARIF_SCHEMA");
  std::string schema = env ? env : testing::SourceDir() + "/build/sarif-schema/sarif-2.1.0.json";
  if (!IsRegularFile(schema)) GTEST_SKIP() << "no SARIF schema at " << schema << " (run scripts/sarif_schema.sh)";
  const std::string kValidate =
      "import json, sys\n"
      "try:\n  import jsonschema\nexcept ImportError:\n  sys.exit(3)\n"
      "v = jsonschema.Draft4Validator(json.load(open(sys.argv[1])))\n"
      "errs = [list(e.absolute_path).__repr__() + ': ' + e.message for e in v.iter_errors(json.load(sys.stdin))]\n"
      "print('\\n'.join(errs[:20]))\n"
      "sys.exit(1 if errs else 0)\n";
  Fixture fx;
  auto run = RunProcess({"/usr/bin/python3", "-c", kValidate, schema}, RenderSarif(fx.report, fx.options), 60);
  if (!run.ok() || run->exit_code == 3) GTEST_SKIP() << "python3 with jsonschema is not installed";
  EXPECT_EQ(run->exit_code, 0) << run->out << run->err;
  // The command's own output over the seed fleet (79 findings, input errors included).
  auto audit = RunProcess({testing::BinaryPath(), "audit", testing::FixturesDir() + "/seed-fleet", "--now",
                           "2026-06-14", "--format", "sarif", "--no-history"},
                          "", 120);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->exit_code, 0) << audit->err;
  auto parsed = ParseJson(audit->out, "audit.sarif");
  ASSERT_TRUE(parsed.ok());
  EXPECT_GT(parsed->root()["runs"].At(0)["results"].Size(), 10u);
  auto check = RunProcess({"/usr/bin/python3", "-c", kValidate, schema}, audit->out, 60);
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check->exit_code, 0) << check->out << check->err;
}

}  // namespace
}  // namespace shipshape
