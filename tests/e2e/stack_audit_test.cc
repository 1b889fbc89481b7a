// `shipshape audit DIR` on a deployment folder (a stack read in place): files reported relative to
// the folder, categories a folder cannot show are N/A, `collect DIR` stores the same snapshot.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "base/file_io.h"
#include "base/json.h"
#include "base/process.h"
#include "shipshape_cli.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::RunShipshape;

class StackAudit : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_ = *MakeTempDir("shipshape-stack-audit.");
    stack_ = tmp_ + "/shop";
    // A default admin password in .env and a malformed line in a second env file (a diagnostic).
    ASSERT_TRUE(WriteWholeFile(stack_ + "/docker-compose.yml",
                               "services:\n  grafana:\n    image: grafana/grafana:10.4.2\n    ports:\n"
                               "      - \"3000:3000\"\n    environment:\n"
                               "      - GF_SECURITY_ADMIN_PASSWORD=${GF_SECURITY_ADMIN_PASSWORD}\n")
                    .ok());
    // API_TOKEN: a default the compose file does not reference (SECRET-DEFAULT reports it at .env);
    // the Grafana password reaches the service, so STACK-DEFAULT-SECRET reports it at the compose line.
    ASSERT_TRUE(WriteWholeFile(stack_ + "/.env", "API_TOKEN=changeme\nGF_SECURITY_ADMIN_PASSWORD=admin\n").ok());
    ASSERT_TRUE(WriteWholeFile(stack_ + "/config/app.env", "OK=1\nexport \"BROKEN\n").ok());
  }
  void TearDown() override { RemoveTree(tmp_); }
  std::string tmp_, stack_;
};

TEST_F(StackAudit, ReportsFilesRelativeToTheFolderAndNotApplicableCategories) {
  ProcessResult a = RunShipshape({"audit", stack_, "--format", "json", "--now", "2026-06-14"});
  ASSERT_TRUE(a.exit_code == 0 || a.exit_code == 1) << a.err;
  auto doc = ParseJson(a.out, "report");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->root()["hosts"].Size(), 1u);
  JsonRef host = doc->root()["hosts"].At(0);
  EXPECT_EQ(host["host"].Str(), "shop");
  EXPECT_EQ(host["collected_at"].Str(), "2026-06-14T00:00:00Z");
  EXPECT_EQ(host["categories"]["os"].Str(), "N/A");
  EXPECT_EQ(host["categories"]["ssh"].Str(), "N/A");
  EXPECT_EQ(host["categories"]["encryption"].Str(), "N/A");
  EXPECT_NE(host["categories"]["secrets"].Str(), "N/A") << "the stack's env files are secrets facts";
  std::set<std::string> files;
  doc->root()["findings"].ForEachElement([&](JsonRef f) {
    if (f["file"].IsString()) files.insert(f["file"].Str());
  });
  EXPECT_EQ(files.count(".env"), 1u) << "the default API_TOKEN of .env";
  EXPECT_EQ(files.count("docker-compose.yml"), 1u) << "the default Grafana admin password";
  for (const std::string& f : files) EXPECT_NE(f.front(), '/') << f;
  std::vector<std::string> error_files;
  doc->root()["errors"].ForEachElement([&](JsonRef e) { error_files.push_back(e["file"].Str()); });
  EXPECT_EQ(error_files, std::vector<std::string>{"config/app.env"});
}

TEST_F(StackAudit, TextReportNamesTheFileRelativeToTheFolder) {
  ProcessResult a = RunShipshape({"audit", stack_, "--now", "2026-06-14"});
  ASSERT_TRUE(a.exit_code == 0 || a.exit_code == 1) << a.err;
  EXPECT_NE(a.out.find("at: .env:1\n"), std::string::npos) << a.out;
  EXPECT_NE(a.out.find("at: docker-compose.yml:"), std::string::npos) << a.out;
  EXPECT_EQ(a.out.find("at: /"), std::string::npos) << a.out;
  EXPECT_NE(a.out.find("config/app.env:2"), std::string::npos) << a.out;
  EXPECT_EQ(a.out.find("/config/app.env"), std::string::npos) << a.out;
}

TEST_F(StackAudit, CollectStoresTheStackAndTheStoredSnapshotAuditsTheSame) {
  ProcessResult c = RunShipshape({"collect", stack_, "-o", tmp_ + "/stored"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_TRUE(IsRegularFile(tmp_ + "/stored/files/docker-compose.yml"));
  EXPECT_TRUE(IsRegularFile(tmp_ + "/stored/files/config/app.env"));
  auto env = ReadWholeFile(tmp_ + "/stored/files/.env");
  ASSERT_TRUE(env.ok());
  EXPECT_EQ(*env,
            "API_TOKEN=[REDACTED class=default len=8]\nGF_SECURITY_ADMIN_PASSWORD=[REDACTED class=default len=5]\n");
  // The same report, but for collected_at (collect has no --now: the stored one is the real time).
  auto without_collected_at = [](std::string json) {
    size_t at = json.find("\"collected_at\":\"");
    if (at != std::string::npos) json.erase(at, json.find(',', at) - at);
    return json;
  };
  ProcessResult in_place = RunShipshape({"audit", stack_, "--format", "json", "--now", "2026-06-14"});
  ProcessResult stored = RunShipshape({"audit", tmp_ + "/stored", "--format", "json", "--now", "2026-06-14"});
  EXPECT_EQ(stored.exit_code, in_place.exit_code) << stored.err;
  EXPECT_NE(in_place.out.find("\"file\":\".env\""), std::string::npos) << in_place.out;
  EXPECT_EQ(without_collected_at(stored.out), without_collected_at(in_place.out));
}

TEST_F(StackAudit, AFolderWithNothingToAuditIsRefused) {
  ASSERT_TRUE(WriteWholeFile(tmp_ + "/empty/README.md", "nothing\n").ok());
  ProcessResult a = RunShipshape({"audit", tmp_ + "/empty"});
  EXPECT_NE(a.exit_code, 0);
  EXPECT_NE(a.err.find("nor a stack folder (no compose file or nginx config)"), std::string::npos) << a.err;
}

// A malformed compose file, nginx file and .env line: each is an input note with its file and line,
// their categories are Unknown, and the audit goes on with what the other files show.
TEST_F(StackAudit, MalformedComposeNginxAndEnvAreNotesAndTheScanGoesOn) {
  const std::string bad = tmp_ + "/bad";
  ASSERT_TRUE(WriteWholeFile(bad + "/docker-compose.yml", "services:\n  web:\n    image: [nginx\n    ports:\n").ok());
  ASSERT_TRUE(WriteWholeFile(bad + "/nginx/nginx.conf", "events {}\nhttp {\n  include conf.d/*.conf;\n}\n").ok());
  ASSERT_TRUE(WriteWholeFile(bad + "/nginx/conf.d/good.conf",
                             "server {\n  listen 80;\n  server_name shop.example.org;\n"
                             "  location / { proxy_pass http://web:80; }\n}\n")
                  .ok());
  ASSERT_TRUE(WriteWholeFile(bad + "/nginx/conf.d/bad.conf", "server {\n  listen 8080;\n  location / {\n").ok());
  ASSERT_TRUE(WriteWholeFile(bad + "/.env", "API_TOKEN=changeme\n\"unterminated\n").ok());
  ProcessResult a = RunShipshape({"audit", bad, "--format", "json", "--now", "2026-06-14"});
  ASSERT_TRUE(a.exit_code == 0 || a.exit_code == 1) << a.err;
  auto doc = ParseJson(a.out, "report");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  std::set<std::string> errors;
  doc->root()["errors"].ForEachElement(
      [&](JsonRef e) { errors.insert(e["file"].Str() + ":" + std::to_string(e["line"].Int())); });
  EXPECT_EQ(errors.count("docker-compose.yml:3") + errors.count("docker-compose.yml:4"), 1u) << a.out;
  EXPECT_EQ(errors.count(".env:2"), 1u) << a.out;
  EXPECT_EQ(errors.count("nginx/conf.d/bad.conf:4"), 1u) << a.out;
  JsonRef categories = doc->root()["hosts"].At(0)["categories"];
  for (const char* c : {"docker", "secrets", "web"}) EXPECT_EQ(categories[c].Str(), "Unknown") << c;
  std::set<std::string> rules;
  doc->root()["findings"].ForEachElement([&](JsonRef f) { rules.insert(f["rule"].Str() + " " + f["file"].Str()); });
  EXPECT_EQ(rules.count("SECRET-DEFAULT .env"), 1u) << a.out;
  EXPECT_EQ(rules.count("WEB-SERVER-TOKENS nginx/nginx.conf"), 1u) << a.out;
}

// WEB-HEADERS-STRIPPED is P1 when any site can frame the page (X-Frame-Options gone), P2 when
// nginx still sends its own X-Frame-Options and only the Content-Security-Policy is gone; one
// finding per configuration, at its worst listener's severity.
TEST(StackAuditWebRules, StrippedHeadersAreP1OnlyWhenThePageCanBeFramed) {
  auto severities = [](const std::string& fixture) {
    ProcessResult a = RunShipshape({"audit", testing::SourceDir() + "/rules/web/WEB-HEADERS-STRIPPED/" + fixture,
                                    "--format", "json", "--no-history"});
    std::multiset<std::string> out;
    auto doc = ParseJson(a.out, "report");
    EXPECT_TRUE(doc.ok()) << a.out << a.err;
    if (!doc.ok()) return out;
    doc->root()["findings"].ForEachElement([&](JsonRef f) {
      if (f["rule"].Str() == "WEB-HEADERS-STRIPPED") out.insert(f["severity"].Str());
    });
    return out;
  };
  EXPECT_EQ(severities("fires"), (std::multiset<std::string>{"P2"}));
  EXPECT_EQ(severities("fires-frameable"), (std::multiset<std::string>{"P1"}));
  EXPECT_EQ(severities("fires-no-compose"), (std::multiset<std::string>{"P2"}));
}

TEST(StackAuditCorpus, AwesomeComposeFolderAuditsWithRelativeFiles) {
  std::string dir = testing::CorpusDir() + "/awesome-compose/postgresql-pgadmin";
  ProcessResult a = RunShipshape({"audit", dir, "--format", "json", "--now", "2026-06-14"});
  ASSERT_TRUE(a.exit_code == 0 || a.exit_code == 1) << a.err;
  auto doc = ParseJson(a.out, "report");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->root()["hosts"].At(0)["host"].Str(), "postgresql-pgadmin");
  int with_file = 0;
  doc->root()["findings"].ForEachElement([&](JsonRef f) {
    if (!f["file"].IsString()) return;
    ++with_file;
    std::string file = f["file"].Str();
    EXPECT_TRUE(file == ".env" || file == "compose.yaml") << file;
  });
  EXPECT_GT(with_file, 0) << "changeit passwords in .env";
  EXPECT_EQ(doc->root()["errors"].Size(), 0u) << a.out;
}

// A folder of deployment folders is audited as that many stacks, not as one stack.
TEST(StackAuditFolderOfStacks, EachSubfolderWithAComposeFileIsItsOwnStack) {
  std::string tmp = *MakeTempDir("shipshape-stacks.");
  for (const char* name : {"alpha", "beta"}) {
    ASSERT_TRUE(WriteWholeFile(tmp + "/" + name + "/compose.yaml",
                               "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"8080:80\"\n")
                    .ok());
  }
  ASSERT_TRUE(WriteWholeFile(tmp + "/notes/README.md", "not a stack\n").ok());
  ProcessResult a = RunShipshape({"audit", tmp, "--format", "json", "--no-history"});
  RemoveTree(tmp);
  ASSERT_TRUE(a.exit_code == 0 || a.exit_code == 1) << a.err;
  auto doc = ParseJson(a.out, "report");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  std::set<std::string> hosts;
  doc->root()["hosts"].ForEachElement([&](JsonRef h) { hosts.insert(h["host"].Str()); });
  EXPECT_EQ(hosts, (std::set<std::string>{"alpha", "beta"}));
}

}  // namespace
}  // namespace shipshape
