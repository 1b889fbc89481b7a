// Canary secrets end to end: a fake root holding a unique secret in every kind of place the
// collector reads is collected by the real binary; no canary may appear in any snapshot file, the
// archive, a report (text, JSON, Markdown), a query result or any output, and each key must show
// its redaction token instead.
#include <gtest/gtest.h>

#include <map>

#include "base/file_io.h"
#include "base/process.h"
#include "test_paths.h"

namespace shipshape {
namespace {

// Canary values, each unique and never a substring of another.
const std::vector<std::string> kCanaries = {
    "cnry-etcenv-0001",          "cnry-compose-map-0002",  "cnry-compose-list-0003", "cnry-compose-url-0004",
    "cnry-compose-cmd-0005",     "cnry-dotenv-0006",       "cnry-dotenv-url-0007",   "cnry dotenv spaced 0008",
    "cnry-redis-req-0009",       "cnry-redis-master-0010", "cnry-redis-user-0011",   "cnry-mongo-0012",
    "cnry-pg-conninfo-0013",     "cnry-pg-ldap-0014",      "cnry-apt-proxy-0015",    "cnry-cron-mysql-0016",
    "cnry-cron-flag-0017",       "cnry-cron-var-0018",     "cnry-json-token-0019",   "cnry-json-url-0020",
    "cnry-wg-key-0021",          "cnry-am-slack-0022",     "cnry-pg-bad-0023",       "cnry-redis-bad-0024",
    "cnry-mongo-flow-0025",      "cnry-nginx-auth-0026",   "cnry-fstab-cifs-0027",   "cnry-crypttab-0028",
    "cnry-compose-default-0029", "cnry-stack-nginx-0030"};

// Path under the root → content. Every canary above is in one of these.
const std::map<std::string, std::string> kFiles = {
    {"/etc/environment", "PATH=\"/usr/bin:/bin\"\nAPI_TOKEN=cnry-etcenv-0001\n"},
    {"/opt/app/docker-compose.yml",
     "services:\n"
     "  db:\n"
     "    image: postgres:15\n"
     "    environment:\n"
     "      POSTGRES_PASSWORD: cnry-compose-map-0002\n"
     "  api:\n"
     "    image: example/api:1.2\n"
     "    environment:\n"
     "      - DB_PASSWORD=cnry-compose-list-0003\n"
     "      - DATABASE_URL=postgres://app:cnry-compose-url-0004@db:5432/app\n"
     "      - REDIS_PASSWORD=${REDIS_PASSWORD:-cnry-compose-default-0029}\n"
     "  cache:\n"
     "    image: redis:7\n"
     "    command: [\"redis-server\", \"--requirepass\", \"cnry-compose-cmd-0005\"]\n"},
    {"/opt/app/nginx/conf.d/api.conf",
     "server {\n  listen 80;\n  location / {\n    proxy_set_header X-Api-Key \"cnry-stack-nginx-0030\";\n"
     "    proxy_pass http://api:8080;\n  }\n}\n"},
    {"/opt/app/.env",
     "SECRET_KEY=cnry-dotenv-0006\n"
     "DATABASE_URL=postgres://app:cnry-dotenv-url-0007@db:5432/app\n"
     "MAIL_PASSWORD = cnry dotenv spaced 0008\n"
     "APP_PORT=8080\n"},
    {"/etc/redis/redis.conf",
     "bind 127.0.0.1\n"
     "port 6379\n"
     "requirepass cnry-redis-req-0009\n"
     "masterauth cnry-redis-master-0010\n"
     "user alice on >cnry-redis-user-0011 ~* +@all\n"
     "masterauth \"cnry-redis-bad-0024\n"},
    {"/etc/mongod.conf",
     "net:\n"
     "  port: 27017\n"
     "  bindIp: 127.0.0.1\n"
     "security:\n"
     "  authorization: enabled\n"
     "  ldap:\n"
     "    bind:\n"
     "      queryPassword: cnry-mongo-0012\n"
     "setParameter: {ldapQueryPassword: cnry-mongo-flow-0025}\n"},
    {"/etc/postgresql/15/main/postgresql.conf",
     "listen_addresses = 'localhost'\n"
     "port = 5432\n"
     "password_encryption = scram-sha-256\n"
     "primary_conninfo = 'host=primary port=5432 user=rep password=cnry-pg-conninfo-0013'\n"},
    {"/etc/postgresql/15/main/pg_hba.conf",
     "local all postgres peer\n"
     "host all all 10.0.0.0/8 ldap ldapserver=ldap.example ldapbindpasswd=cnry-pg-ldap-0014\n"
     "host all ldapbindpasswd=cnry-pg-bad-0023\n"},
    {"/etc/apt/apt.conf.d/95proxy",
     "Acquire::http::Proxy \"http://aptuser:cnry-apt-proxy-0015@proxy.example:3128/\";\n"},
    {"/etc/crontab",
     "SHELL=/bin/sh\n"
     "PGPASSWORD = cnry-cron-var-0018\n"
     "0 3 * * * root mysqldump -uroot -pcnry-cron-mysql-0016 app > /var/backups/app.sql\n"},
    {"/etc/cron.d/backup",
     "30 2 * * * root mysqldump --password=cnry-cron-flag-0017 --all-databases > /var/backups/all.sql\n"},
    {"/etc/docker/daemon.json",
     "{\n  \"log-driver\": \"splunk\",\n  \"log-opts\": {\"splunk-token\": \"cnry-json-token-0019\"},\n"
     "  \"registry-mirrors\": [\"https://mirror:cnry-json-url-0020@mirror.example\"]\n}\n"},
    {"/etc/wireguard/wg0.conf",
     "[Interface]\nAddress = 10.8.0.1/24\nPrivateKey = cnry-wg-key-0021\nListenPort = 51820\n"},
    {"/etc/nginx/nginx.conf", "events {}\nhttp {\n  include /etc/nginx/sites-enabled/*;\n}\n"},
    {"/etc/nginx/sites-enabled/app",
     "server {\n  listen 80;\n  location / {\n    proxy_pass http://127.0.0.1:8080;\n"
     "    proxy_set_header Authorization \"Basic cnry-nginx-auth-0026\";\n  }\n}\n"},
    {"/etc/fstab",
     "UUID=0a1b / ext4 errors=remount-ro 0 1\n"
     "//nas/backup /mnt/backup cifs username=bk,password=cnry-fstab-cifs-0027,uid=0 0 0\n"},
    {"/etc/crypttab", "old_crypt /dev/sdc cnry-crypttab-0028 luks,keyscript=/lib/cryptsetup/scripts/passdev\n"},
    {"/etc/prometheus/alertmanager.yml",
     "global:\n  slack_api_url: https://hooks.slack.com/services/cnry-am-slack-0022\nroute:\n  receiver: ops\n"},
};

class SecretCanary : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = *MakeTempDir("shipshape-canary-test.");
    root_ = dir_ + "/root";
    for (const auto& [path, text] : kFiles) ASSERT_TRUE(WriteWholeFile(root_ + path, text).ok()) << path;
  }
  void TearDown() override { RemoveTree(dir_); }

  // The binary with the collector reading files under the fake root.
  ProcessResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"env", "SHIPSHAPE_ROOT=" + root_, "SHIPSHAPE_HOST=canary-host", testing::BinaryPath()});
    auto r = RunProcess(args, "", 300);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok()) return {};
    outputs_ += r->out + "\n" + r->err + "\n";
    return *r;
  }

  // Every file under folder, concatenated.
  std::string AllFiles(const std::string& folder) {
    auto files = ListFilesRecursive(folder);
    EXPECT_TRUE(files.ok() && !files->empty()) << folder;
    std::string all;
    if (!files.ok()) return all;
    for (const std::string& f : *files) {
      auto text = ReadWholeFile(folder + "/" + f);
      EXPECT_TRUE(text.ok()) << f;
      if (text.ok()) all += "\n=== " + f + "\n" + *text;
    }
    return all;
  }

  std::string CheckSnapshot(const std::string& folder, const std::string& archive);
  void CheckReports(const std::string& folder, const std::string& archive);
  void CheckTables(const std::string& folder);

  std::string dir_, root_;
  std::string outputs_;  // stdout and stderr of every run
};

void ExpectNoCanary(const std::string& text, const std::string& where) {
  for (const std::string& c : kCanaries) {
    size_t at = text.find(c);
    EXPECT_EQ(at, std::string::npos) << c << " leaked in " << where << ": …"
                                     << (at == std::string::npos ? "" : text.substr(at > 80 ? at - 80 : 0, 160));
  }
}

void ExpectHas(const std::string& text, const std::string& needle, const std::string& where) {
  EXPECT_NE(text.find(needle), std::string::npos) << "'" << needle << "' missing in " << where;
}

// Every file of the snapshot folder, the archive (compressed, uncompressed, extracted): no canary;
// returns the folder's files.
std::string SecretCanary::CheckSnapshot(const std::string& folder, const std::string& archive) {
  std::string snap = AllFiles(folder);
  ExpectNoCanary(snap, "the snapshot folder");
  auto raw = ReadWholeFile(archive);
  EXPECT_TRUE(raw.ok());
  if (raw.ok()) ExpectNoCanary(*raw, "the archive bytes");
  auto tar = RunProcess({"gzip", "-dc", archive}, "", 60);
  EXPECT_TRUE(tar.ok() && tar->exit_code == 0);
  if (tar.ok()) ExpectNoCanary(tar->out, "the uncompressed archive");
  auto untar =
      RunProcess({"sh", "-c", "mkdir \"$1\" && tar -C \"$1\" -xzf \"$2\"", "sh", dir_ + "/untar", archive}, "", 60);
  EXPECT_TRUE(untar.ok() && untar->exit_code == 0);
  ExpectNoCanary(AllFiles(dir_ + "/untar"), "the extracted archive");
  return snap;
}

// Each key is there, with its token (so the canaries were collected, and hidden).
void ExpectTokens(const std::string& snap) {
  for (const char* token : {
           "API_TOKEN=[REDACTED class=ok len=16]",
           "POSTGRES_PASSWORD: '[REDACTED class=ok len=21]'",
           "- DB_PASSWORD=[REDACTED class=ok len=22]",
           "- REDIS_PASSWORD=${REDIS_PASSWORD:-[REDACTED class=ok len=25]}",
           "proxy_set_header X-Api-Key \"[REDACTED class=ok len=21]\";",
           "DATABASE_URL=postgres://app:[REDACTED class=ok len=21]@db:5432/app",
           "\"--requirepass\", \"[REDACTED class=ok len=21]\"",
           "SECRET_KEY=[REDACTED class=ok len=16]",
           "postgres://app:[REDACTED class=ok len=20]@db",
           "MAIL_PASSWORD = [REDACTED class=ok len=23]",
           "requirepass [REDACTED class=ok len=19]",
           "masterauth [REDACTED class=ok len=22]",
           "user alice on >\"[REDACTED class=ok len=20]\" ~* +@all",
           "queryPassword: '[REDACTED class=ok len=15]'",
           "authorization: enabled",
           "password=''[REDACTED class=ok len=21]'''",
           "password_encryption = scram-sha-256",
           "ldapbindpasswd=\"[REDACTED class=ok len=17]\"",
           "http://aptuser:[REDACTED class=ok len=19]@proxy.example:3128/",
           "PGPASSWORD = [REDACTED class=ok len=18]",
           "-p[REDACTED class=ok len=20] app",
           "--password=[REDACTED class=ok len=19] --all-databases",
           "\"splunk-token\": \"[REDACTED class=ok len=20]\"",
           "https://mirror:[REDACTED class=ok len=18]@mirror.example",
           "PrivateKey = [REDACTED class=ok len=16]",
           "slack_api_url: '[REDACTED class=ok len=51]'",
           "ldapQueryPassword: '[REDACTED class=ok len=20]'",
           "proxy_set_header Authorization \"[REDACTED class=ok len=26]\";",
           "username=bk,password=[REDACTED\\040class=ok\\040len=20],uid=0 0 0",
           "old_crypt /dev/sdc [REDACTED\\040class=ok\\040len=18] luks,",
       }) {
    ExpectHas(snap, token, "the snapshot");
  }
}

// Reports in every format, from the folder and the archive.
void SecretCanary::CheckReports(const std::string& folder, const std::string& archive) {
  for (const std::string& target : {folder, archive}) {
    for (const char* format : {"text", "json", "md"}) {
      ProcessResult a = Run({"audit", target, "--format", format, "--now", "2026-06-14"});
      EXPECT_TRUE(a.exit_code == 0 || a.exit_code == 1) << a.err;
      ExpectNoCanary(a.out + a.err, std::string("audit --format ") + format);
    }
  }
  ProcessResult json = Run({"audit", folder, "--format", "json", "--now", "2026-06-14"});
  ExpectHas(json.out, "\"host\":\"canary-host\"", "the JSON report");
  ExpectHas(json.out, "pg_hba.conf", "the JSON report's errors (the malformed pg_hba line)");
  ExpectHas(json.out, "redis.conf", "the JSON report's errors (the unterminated redis quote)");
}

void SecretCanary::CheckTables(const std::string& folder) {
  // Tables the redacted values land in.
  auto query = [&](const std::string& sql) {
    ProcessResult q = Run({"query", sql, folder, "--now", "2026-06-14"});
    EXPECT_EQ(q.exit_code, 0) << sql << "\n" << q.err;
    return q.out;
  };
  std::string env = query("SELECT key, redacted, class, length, value FROM env_vars ORDER BY key");
  ExpectHas(env, "SECRET_KEY\t1\tok\t16\t", "env_vars");
  ExpectHas(env, "MAIL_PASSWORD\t1\tok\t23\t", "env_vars");
  ExpectHas(env, "APP_PORT\t0\tplain\t4\t8080", "env_vars");
  ExpectHas(query("SELECT key, value FROM redis_settings WHERE key = 'requirepass'"),
            "requirepass\t[REDACTED class=ok len=19]", "redis_settings");
  // The parsers read each token as one value: class and length are the canary's own.
  ExpectHas(query("SELECT key, value FROM postgres_settings WHERE key = 'primary_conninfo'"),
            "user=rep password=[REDACTED class=ok len=21]\n", "postgres_settings");
  ExpectHas(query("SELECT method, options FROM pg_hba WHERE method = 'ldap'"),
            "ldapbindpasswd=[REDACTED class=ok len=17]\n", "pg_hba");
  ExpectHas(query("SELECT key, value FROM redis_settings WHERE key = 'user'"),
            "alice on >[REDACTED class=ok len=20] ~* +@all\n", "redis_settings");
  ExpectHas(query("SELECT key, value FROM mongod_settings ORDER BY key"), "security.authorization\tenabled",
            "mongod_settings");
  ExpectHas(query("SELECT command FROM cron_jobs"), "mysqldump -uroot -p[REDACTED class=ok len=20]", "cron_jobs");
  ExpectHas(query("SELECT key, value FROM apt_config"), "http://aptuser:[REDACTED class=ok len=19]@", "apt_config");
  ExpectHas(query("SELECT name, args FROM nginx_directives WHERE name = 'proxy_set_header'"),
            "proxy_set_header\tAuthorization [REDACTED class=ok len=26]\n", "nginx_directives");
  ExpectHas(query("SELECT path, proxy_pass FROM nginx_locations"), "/\thttp://127.0.0.1:8080\n", "nginx_locations");
  ExpectHas(query("SELECT name, keyfile_set FROM crypttab"), "old_crypt\t1\n", "crypttab");
  // The malformed lines (a secret on each, redacted by the collector) are reported by file and line.
  std::string diags = query("SELECT file, line, message FROM diagnostics ORDER BY file, line");
  ExpectHas(diags, "/etc/postgresql/15/main/pg_hba.conf\t3\t", "diagnostics");
  ExpectHas(diags, "/etc/redis/redis.conf\t6\t", "diagnostics");
}

TEST_F(SecretCanary, NoCanaryLeavesTheCollectorAndEveryKeyShowsItsToken) {
  const std::string folder = dir_ + "/snap", archive = dir_ + "/snap.tar.gz";
  ASSERT_EQ(Run({"collect", "local", "-o", folder}).exit_code, 0) << outputs_;
  ASSERT_EQ(Run({"collect", "local", "-o", archive}).exit_code, 0) << outputs_;
  ExpectTokens(CheckSnapshot(folder, archive));
  CheckReports(folder, archive);
  CheckTables(folder);
  ExpectNoCanary(outputs_, "the standard output and error of the runs");
}

// The compose folder of the fake root audited in place as a stack folder (no collector): the same
// redaction by file type, so no canary in any report, table or output; the keys show their tokens.
TEST_F(SecretCanary, NoCanaryLeavesAStackFolderReadInPlace) {
  const std::string stack = root_ + "/opt/app";
  for (const char* format : {"text", "json", "md", "sarif"}) {
    ProcessResult a = Run({"audit", stack, "--format", format, "--now", "2026-06-14"});
    EXPECT_TRUE(a.exit_code == 0 || a.exit_code == 1) << format << ": " << a.err;
  }
  ProcessResult q = Run({"query", "SELECT host, file, key, redacted, class, length, value FROM env_vars", stack});
  EXPECT_EQ(q.exit_code, 0) << q.err;
  ExpectHas(q.out, "app\t/.env\tSECRET_KEY\t1\tok\t16\t", "env_vars of the stack");
  ASSERT_EQ(Run({"collect", stack, "-o", dir_ + "/stack-snap"}).exit_code, 0) << outputs_;
  std::string stored = AllFiles(dir_ + "/stack-snap");
  ExpectNoCanary(stored, "the stored stack snapshot");
  for (const char* token :
       {"POSTGRES_PASSWORD: '[REDACTED class=ok len=21]'",
        "- REDIS_PASSWORD=${REDIS_PASSWORD:-[REDACTED class=ok len=25]}", "SECRET_KEY=[REDACTED class=ok len=16]",
        "proxy_set_header X-Api-Key \"[REDACTED class=ok len=21]\";"}) {
    ExpectHas(stored, token, "the stored stack snapshot");
  }
  for (const char* format : {"text", "md", "json"}) {
    EXPECT_EQ(Run({"map", stack, "--format", format}).exit_code, 0) << format << ": " << outputs_;
  }
  // The plan (Markdown and plan file: steps are templated with the findings' columns) and the
  // status of that plan file against the stack.
  EXPECT_EQ(Run({"plan", stack, "--now", "2026-06-14", "-o", dir_ + "/stack-plan.md"}).exit_code, 0) << outputs_;
  EXPECT_EQ(Run({"plan", stack, "--now", "2026-06-14", "-o", dir_ + "/stack-plan.yaml"}).exit_code, 0) << outputs_;
  for (auto [file, needle] :
       {std::pair{"/stack-plan.md", "Priority issues register"}, {"/stack-plan.yaml", "milestones:"}}) {
    auto text = ReadWholeFile(dir_ + file);
    ASSERT_TRUE(text.ok()) << file;
    ExpectHas(*text, needle, file);
    ExpectNoCanary(*text, file);
  }
  ProcessResult st = Run({"status", dir_ + "/stack-plan.yaml", stack, "--no-history", "--format", "json"});
  EXPECT_TRUE(st.exit_code == 0 || st.exit_code == 1) << st.err;
  ExpectNoCanary(outputs_, "the outputs of the stack audits, maps, plans and status");
}

// Raw secrets on malformed lines (an older collector, a file the collector copies as is): the
// parsers' diagnostics name the file, line and key, never the value.
const std::map<std::string, std::string> kRawBadLines = {
    {"/etc/postgresql/15/main/pg_hba.conf", "local all all peer\nhost all ldapbindpasswd=cnry-raw-hba-0101\n"},
    {"/etc/postgresql/15/main/postgresql.conf", "port = 5432\nprimary_conninfo = 'password=cnry-raw-pg-0102\n"},
    {"/etc/redis/redis.conf", "port 6379\nmasterauth \"cnry-raw-redis-0103\n"},
    {"/etc/mongod.conf", "security:\n  ldap:\n    queryPassword: [cnry-raw-mongo-0104\n"},
    {"/etc/docker/daemon.json", "{\"log-opts\": {\"splunk-token\": \"cnry-raw-json-0105\"\n"},
    {"/etc/crontab", "SHELL=/bin/sh\n61 * * * root mysqldump -pcnry-raw-cron-0106\n"},
    {"/etc/apt/apt.conf.d/95proxy", "Acquire::http::Proxy \"http://u:cnry-raw-apt-0107@proxy:3128/;\n"},
    {"/opt/app/docker-compose.yml", "services:\n  db:\n    environment: {POSTGRES_PASSWORD: \"cnry-raw-compose-0108\n"},
    {"/opt/app/.env", "APP=1\nDB_PASSWORD=\"cnry-raw-env-0109\n"},
};

TEST_F(SecretCanary, DiagnosticsOfMalformedLinesNeverQuoteTheirSecret) {
  const std::string snap = dir_ + "/raw";
  ASSERT_TRUE(WriteWholeFile(snap + "/meta.json",
                             "{\"format\":\"shipshape-snapshot/1\",\"host\":\"raw-host\",\"collected_at\":"
                             "\"2026-06-01T00:00:00Z\",\"method\":\"local\",\"privileged\":true,\"collector\":"
                             "\"shipshape-collector/1\",\"labels\":{}}\n")
                  .ok());
  for (const auto& [path, text] : kRawBadLines) ASSERT_TRUE(WriteWholeFile(snap + "/files" + path, text).ok());
  std::string all;
  for (const char* format : {"text", "json", "md"}) {
    ProcessResult a = Run({"audit", snap, "--format", format, "--now", "2026-06-14"});
    all += a.out + a.err;
  }
  ProcessResult q = Run({"query", "SELECT file, line, message FROM diagnostics ORDER BY file, line", snap});
  all += q.out + q.err;
  for (const auto& [path, text] : kRawBadLines) {
    size_t at = text.find("cnry-raw-");
    std::string canary = text.substr(at, text.find_first_of("\"\n@", at) - at);
    EXPECT_EQ(all.find(canary), std::string::npos) << canary << " quoted in a report or diagnostic";
  }
  // Each bad line was reported (the check above saw the diagnostics it is about).
  for (const char* where :
       {"/etc/apt/apt.conf.d/95proxy\t1\t", "/etc/crontab\t2\t", "/etc/docker/daemon.json\t2\t",
        "/etc/mongod.conf\t4\t", "/etc/postgresql/15/main/pg_hba.conf\t2\t",
        "/etc/postgresql/15/main/postgresql.conf\t2\t", "/etc/redis/redis.conf\t2\t", "/opt/app/.env\t2\t"}) {
    ExpectHas(q.out, where, "the diagnostics");
  }
}

}  // namespace
}  // namespace shipshape
