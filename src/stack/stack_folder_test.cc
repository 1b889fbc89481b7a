// Reading stack folders: files picked and skipped, redaction by file type, meta, round trip on disk.
#include "stack/stack_folder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "base/file_io.h"
#include "test_paths.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kCanary = "Zq8canaryX771vw";  // planted secret: must never be read back

class StackFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_ = *MakeTempDir("shipshape-stack-test.");
    dir_ = tmp_ + "/shop-prod";
    fs::create_directories(dir_);
  }
  void TearDown() override {
    fs::permissions(tmp_, fs::perms::owner_all, fs::perm_options::add);
    RemoveTree(tmp_);
  }
  void Write(const std::string& rel, const std::string& text) {
    fs::path p = fs::path(dir_) / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  std::vector<std::string> Keys(const Snapshot& s) {
    std::vector<std::string> out;
    for (const auto& [k, v] : s.files()) out.push_back(k);
    return out;
  }
  std::string tmp_, dir_;
};

TEST_F(StackFolder, PicksDeploymentFilesAndSkipsKeysVendoredFoldersAndBinaries) {
  Write("docker-compose.yml", "services: {}\n");
  Write("docker-compose.override.yaml", "services: {}\n");
  Write(".env", "A=1\n");
  Write("env/app.env", "B=2\n");
  Write("nginx/conf.d/api.conf", "server { listen 80; }\n");
  Write("proxy/conf", "server {\n  listen 80;\n}\n");
  Write("redis/redis.conf", "maxmemory 1gb\n");
  Write("prometheus/alerts.yml", "groups: []\n");
  Write("scripts/backup.sh", "pg_dump x\n");
  Write("scripts/rotate", "#!/usr/bin/env bash\necho\n");
  Write("cron/backup.crontab", "0 3 * * * /scripts/backup.sh\n");
  Write("systemd/backup.timer", "[Timer]\nOnCalendar=daily\n");
  Write("a/b/c/d/e/six.yml", "x: 1\n");      // 6 parts: kept
  Write("a/b/c/d/e/f/seven.yml", "x: 1\n");  // 7 parts: beyond the depth
  Write("nginx/certs/site.pem", "-----BEGIN CERTIFICATE-----\n");
  Write("nginx/certs/site.key", "key\n");
  Write("nginx/certs/site.crt", "crt\n");
  Write("id_ed25519", "key\n");
  Write("node_modules/pkg/compose.yml", "services: {}\n");
  Write("vendor/x.yml", "x: 1\n");
  Write(".git/config.yml", "x: 1\n");
  Write(".venv/a.sh", "x\n");
  Write("web/__pycache__/a.yml", "x: 1\n");
  Write("README.md", "# shop\n");
  Write("Makefile", "all:\n\techo\n");
  Write("blob.yml", std::string("a: 1\n\0\x01\x02", 8));
  Write("big.yml", std::string(1024 * 1024 + 1, '#'));
  Diagnostics diags;
  auto snap = ReadStackFolder(dir_, AuditClock::FromEpoch(1781431200), &diags);
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  EXPECT_EQ(Keys(*snap),
            (std::vector<std::string>{
                "/.env", "/a/b/c/d/e/six.yml", "/cron/backup.crontab", "/docker-compose.override.yaml",
                "/docker-compose.yml", "/env/app.env", "/nginx/conf.d/api.conf", "/prometheus/alerts.yml",
                "/proxy/conf", "/redis/redis.conf", "/scripts/backup.sh", "/scripts/rotate", "/systemd/backup.timer"}));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "shop-prod: big.yml: not read: larger than 1 MiB");
}

TEST_F(StackFolder, MetaNamesTheFolderAndCarriesTheClock) {
  Write("compose.yaml", "services: {}\n");
  auto snap = ReadStackFolder(dir_ + "/./", AuditClock::FromEpoch(1781431200));
  ASSERT_TRUE(snap.ok());
  EXPECT_EQ(snap->meta().host, "shop-prod");
  EXPECT_EQ(snap->meta().method, "stack");
  EXPECT_EQ(snap->meta().collected_at, "2026-06-14T10:00:00Z");
  EXPECT_FALSE(snap->meta().privileged);
  EXPECT_TRUE(snap->meta().labels.empty());
  EXPECT_TRUE(snap->commands().empty());
  EXPECT_EQ(*snap->File("/compose.yaml"), "services: {}\n");
}

TEST_F(StackFolder, SecretsAreRedactedByFileTypeBeforeAnyParserSeesThem) {
  const std::string c(kCanary);
  Write(".env", "POSTGRES_PASSWORD=" + c + "\nexport API_TOKEN=\"" + c + "\"\n");
  Write("docker-compose.yml", "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: " + c +
                                  "\n      - REDIS_PASSWORD=${REDIS_PASSWORD:-" + c +
                                  "}\n    command: redis-server --requirepass " + c + "\n");
  Write("nginx/conf.d/api.conf", "server {\n  location / {\n    proxy_set_header Authorization \"Bearer " + c +
                                     "\";\n    proxy_pass http://u:" + c + "@api:8080;\n  }\n}\n");
  Write("redis/redis.conf", "requirepass " + c + "\n");
  Write("scripts/backup.sh", "PGPASSWORD=" + c + " pg_dump -h db shop\nmysqldump -p" + c + " shop\n");
  Write("cron/crontab", "MYSQL_PWD=" + c + "\n0 3 * * * root /scripts/backup.sh --password " + c + "\n");
  auto snap = ReadStackFolder(dir_, AuditClock::FromEpoch(1781431200));
  ASSERT_TRUE(snap.ok());
  ASSERT_EQ(snap->files().size(), 6u);
  for (const auto& [key, text] : snap->files()) {
    EXPECT_EQ(text.find(c), std::string::npos) << key << " still holds the secret:\n" << text;
    EXPECT_NE(text.find("[REDACTED class=ok len=15]"), std::string::npos) << key << ":\n" << text;
  }
  EXPECT_NE(snap->File("/docker-compose.yml")->find("${REDIS_PASSWORD:-[REDACTED class=ok len=15]}"),
            std::string::npos);
  EXPECT_NE(snap->File("/nginx/conf.d/api.conf")->find("proxy_set_header Authorization \"[REDACTED"),
            std::string::npos);
}

TEST_F(StackFolder, SymlinksAreReadOnlyInsideTheFolder) {
  Write("compose.yaml", "services: {}\n");
  Write("shared/base.yml", "x: 1\n");
  std::ofstream(tmp_ + "/outside.yml") << "y: 2\n";
  fs::create_symlink(dir_ + "/shared/base.yml", dir_ + "/linked.yml");
  fs::create_symlink(tmp_ + "/outside.yml", dir_ + "/escape.yml");
  fs::create_directory_symlink(tmp_, dir_ + "/up");
  auto snap = ReadStackFolder(dir_, AuditClock::FromEpoch(0));
  ASSERT_TRUE(snap.ok());
  EXPECT_EQ(Keys(*snap), (std::vector<std::string>{"/compose.yaml", "/linked.yml", "/shared/base.yml"}));
}

TEST_F(StackFolder, AnUnreadableFileIsADiagnosticAndTheRestIsRead) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads any file";
  Write("compose.yaml", "services: {}\n");
  Write(".env", "A=1\n");
  fs::permissions(dir_ + "/.env", fs::perms::none);
  Diagnostics diags;
  auto snap = ReadStackFolder(dir_, AuditClock::FromEpoch(0), &diags);
  ASSERT_TRUE(snap.ok());
  EXPECT_EQ(Keys(*snap), (std::vector<std::string>{"/compose.yaml"}));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].host, "shop-prod");
  EXPECT_EQ(diags.all()[0].file, ".env");
  EXPECT_EQ(diags.all()[0].message.rfind("cannot read: ", 0), 0u) << diags.all()[0].message;
}

TEST_F(StackFolder, ANonFolderIsAnError) {
  EXPECT_FALSE(ReadStackFolder(dir_ + "/missing", AuditClock::FromEpoch(0)).ok());
  Write("compose.yaml", "services: {}\n");
  EXPECT_FALSE(ReadStackFolder(dir_ + "/compose.yaml", AuditClock::FromEpoch(0)).ok());
}

TEST_F(StackFolder, LooksLikeAStackWithAComposeFileOrAnNginxConfig) {
  EXPECT_FALSE(LooksLikeStackFolder(dir_));
  Write("README.md", "x\n");
  Write("misc/app.conf", "key = value\n");
  EXPECT_FALSE(LooksLikeStackFolder(dir_));
  Write("site/default.conf", "server {\n  listen 80;\n}\n");
  EXPECT_TRUE(LooksLikeStackFolder(dir_));
  fs::remove(dir_ + "/site/default.conf");
  Write("deploy/compose.yaml", "services: {}\n");
  EXPECT_TRUE(LooksLikeStackFolder(dir_));
  Write("meta.json", "{}\n");
  EXPECT_FALSE(LooksLikeStackFolder(dir_)) << "a snapshot folder is no stack";
  EXPECT_FALSE(LooksLikeStackFolder(dir_ + "/deploy/compose.yaml"));
}

TEST_F(StackFolder, WrittenAndLoadedBackItIsTheSameSnapshot) {
  Write("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n");
  Write(".env", "POSTGRES_PASSWORD=" + std::string(kCanary) + "\n");
  Write("nginx/conf.d/api.conf", "server { listen 80; }\n");
  auto snap = ReadStackFolder(dir_, AuditClock::FromEpoch(1781431200));
  ASSERT_TRUE(snap.ok());
  for (const std::string& out : {tmp_ + "/stored", tmp_ + "/stored.tar.gz"}) {
    ASSERT_TRUE(WriteSnapshot(*snap, out).ok());
    if (out == tmp_ + "/stored") {
      EXPECT_TRUE(IsRegularFile(out + "/files/nginx/conf.d/api.conf"));
    }
    auto back = LoadSnapshot(out);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back->files(), snap->files());
    EXPECT_EQ(MetaToJson(back->meta()), MetaToJson(snap->meta()));
  }
}

TEST(StackFolderCorpus, ReadsAwesomeComposePostgresPgadmin) {
  std::string dir = testing::CorpusDir() + "/awesome-compose/postgresql-pgadmin";
  Diagnostics diags;
  auto snap = ReadStackFolder(dir, AuditClock::FromEpoch(1781431200), &diags);
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(snap->meta().host, "postgresql-pgadmin");
  ASSERT_EQ(snap->files().size(), 2u);
  EXPECT_EQ(*snap->File("/.env"),
            "POSTGRES_USER=yourUser\nPOSTGRES_PW=[REDACTED class=default len=8]\nPOSTGRES_DB=postgres\n"
            "PGADMIN_MAIL=your@email.com\nPGADMIN_PW=[REDACTED class=default len=8]\n");
  const std::string* compose = snap->File("/compose.yaml");
  ASSERT_NE(compose, nullptr);
  EXPECT_NE(compose->find("- POSTGRES_PASSWORD=${POSTGRES_PW}\n"), std::string::npos) << "a reference is kept";
  EXPECT_NE(compose->find("- \"5432:5432\""), std::string::npos);
  EXPECT_TRUE(LooksLikeStackFolder(dir));
}

TEST(StackFolderCorpus, ReadsAwesomeComposeNginxConfigWithoutExtension) {
  std::string dir = testing::CorpusDir() + "/awesome-compose/nginx-flask-mysql";
  auto snap = ReadStackFolder(dir, AuditClock::FromEpoch(0));
  ASSERT_TRUE(snap.ok());
  std::vector<std::string> keys;
  for (const auto& [k, v] : snap->files()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"/compose.yaml", "/proxy/conf"}));
  EXPECT_NE(snap->File("/proxy/conf")->find("proxy_pass"), std::string::npos);
}

}  // namespace
}  // namespace shipshape
