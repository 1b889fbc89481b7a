// Tests of the dotenv file parser.
#include <gtest/gtest.h>

#include "collect/secret_redactor.h"
#include "fact_query.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

std::string Corpus(const std::string& path) { return testing::ReadTestFile(testing::CorpusDir() + "/" + path); }

TEST(EnvFileParser, ReadsAwesomeComposePgadminEnv) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/opt/pgadmin/.env", Corpus("awesome-compose/postgresql-pgadmin/.env"));
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  // POSTGRES_PW arrives unredacted (the collector's key list has no PW): dropped here all the same.
  EXPECT_EQ(Query(*db, "SELECT file, line, key, value, redacted, class, length FROM env_vars ORDER BY line"),
            (Rows{{"/opt/pgadmin/.env", "1", "POSTGRES_USER", "yourUser", "0", "plain", "8"},
                  {"/opt/pgadmin/.env", "2", "POSTGRES_PW", "NULL", "1", "default", "8"},
                  {"/opt/pgadmin/.env", "3", "POSTGRES_DB", "postgres", "0", "plain", "8"},
                  {"/opt/pgadmin/.env", "4", "PGADMIN_MAIL", "your@email.com", "0", "plain", "14"},
                  {"/opt/pgadmin/.env", "5", "PGADMIN_PW", "NULL", "1", "default", "8"}}));
  EXPECT_EQ(Query(*db, "SELECT source, state FROM coverage WHERE category = 'secrets'"),
            (Rows{{"/opt/pgadmin/.env", "ok"}}));
}

TEST(EnvFileParser, CommentsAndInlineComments) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/srv/vpn/.env", Corpus("awesome-compose/wireguard/.env"));
  s.PutFile("/srv/pihole/.env", Corpus("awesome-compose/pihole-cloudflared-DoH/.env"));
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT value FROM env_vars WHERE key = 'VPN_SERVER_URL'"), Rows{{"your-domain.dyndns.com"}});
  EXPECT_EQ(Query(*db,
                  "SELECT line, key, value FROM env_vars WHERE file = '/srv/pihole/.env' AND line >= 4 "
                  "ORDER BY line"),
            (Rows{{"4", "PIHOLE_ROUTER_IP", "192.168.178.1"},
                  {"5", "PIHOLE_NETWORK_DOMAIN", "fritz.box"},
                  {"6", "PIHOLE_REVERSE_DNS", "192.168.178.0/24"},
                  {"7", "PIHOLE_HOST_IP", "192.168.178.X"},
                  {"8", "PIHOLE_HOST_IPV6", ""}}));
}

TEST(EnvFileParser, DotenvSyntax) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/opt/app/.env",
            "# v42 production\n"
            "export NODE_ENV=production\n"
            "APP_NAME=\"Pinbox 24\"   # quoted, comment after\n"
            "GREETING='hello \"world\"'\n"
            "MOTD=\"line one\\nline two\"\n"
            "DB_PASSWORD=\"[REDACTED class=ok len=24]\"\n"
            "JWT_SECRET=[REDACTED class=short len=6]\n"
            "EMPTY=\n"
            "SPACED = value with spaces\n"
            "CERT=\"-----BEGIN CERTIFICATE-----\n"
            "MIIB\n"
            "-----END CERTIFICATE-----\"\n"
            "DATABASE_PASSWORD=${DB_PASSWORD}\n"
            "AFTER=1\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT line, key, value, redacted, class, length FROM env_vars ORDER BY line"),
            (Rows{{"2", "NODE_ENV", "production", "0", "plain", "10"},
                  {"3", "APP_NAME", "Pinbox 24", "0", "plain", "9"},
                  {"4", "GREETING", "hello \"world\"", "0", "plain", "13"},
                  {"5", "MOTD", "line one\nline two", "0", "plain", "17"},
                  {"6", "DB_PASSWORD", "NULL", "1", "ok", "24"},
                  {"7", "JWT_SECRET", "NULL", "1", "short", "6"},
                  {"8", "EMPTY", "", "0", "plain", "0"},
                  {"9", "SPACED", "value with spaces", "0", "plain", "17"},
                  {"10", "CERT", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", "0", "plain", "58"},
                  {"13", "DATABASE_PASSWORD", "${DB_PASSWORD}", "0", "plain", "14"},
                  {"14", "AFTER", "1", "0", "plain", "1"}}));
}

TEST(EnvFileParser, UnredactedSecretIsClassifiedAndDropped) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/opt/app/.env", "DB_PASSWORD=hunter2\nAPI_TOKEN=changeme\nSTRIPE_SECRET_KEY=sk_live_0123456789abcdef\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT key, value, redacted, class, length FROM env_vars ORDER BY line"),
            (Rows{{"DB_PASSWORD", "NULL", "1", "short", "7"},
                  {"API_TOKEN", "NULL", "1", "default", "8"},
                  {"STRIPE_SECRET_KEY", "NULL", "1", "ok", "24"}}));
}

TEST(EnvFileParser, OnlyDotenvFileNames) {
  Snapshot s = testing::MakeSnapshot();
  for (const char* path : {"/srv/app/.env", "/srv/app/.env.production", "/etc/app/prod.env", "/etc/environment",
                           "/srv/app/.envrc", "/srv/app/env", "/srv/app/.env.d/x"}) {
    s.PutFile(path, "A=1\n");
  }
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT file FROM env_vars ORDER BY file"),
            (Rows{{"/etc/app/prod.env"}, {"/etc/environment"}, {"/srv/app/.env"}, {"/srv/app/.env.production"}}));
}

// /etc/environment (pam_env's KEY=value lines) is read like a dotenv file.
TEST(EnvFileParser, ReadsEtcEnvironment) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/environment",
            secrets::RedactText("PATH=\"/usr/local/sbin:/usr/local/bin:/usr/bin:/bin\"\nhttp_proxy=http://proxy:3128/\n"
                                "# set by the installer\nAPI_TOKEN=hunter2\n",
                                secrets::RedactMode::kDotenv));
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT file, line, key, value, redacted, class, length FROM env_vars ORDER BY line"),
            (Rows{{"/etc/environment", "1", "PATH", "/usr/local/sbin:/usr/local/bin:/usr/bin:/bin", "0", "plain", "44"},
                  {"/etc/environment", "2", "http_proxy", "http://proxy:3128/", "0", "plain", "18"},
                  {"/etc/environment", "4", "API_TOKEN", "NULL", "1", "short", "7"}}));
  EXPECT_EQ(Query(*db, "SELECT source, state FROM coverage WHERE category = 'secrets'"),
            (Rows{{"/etc/environment", "ok"}}));
}

// ${VAR:-default}: the collector redacts the default in place; the variable takes the default's
// class. A default that arrives unredacted under a secret-like key is classed and dropped too.
// References to a secret elsewhere stay plain.
TEST(EnvFileParser, ReferenceWithDefaultIsClassedByItsDefault) {
  const std::string raw =
      "POSTGRES_PASSWORD=${POSTGRES_PASSWORD:-postgres}\n"
      "REDIS_PASSWORD=${REDIS_PASSWORD:-correct-horse-battery}\n"
      "APP_URL=${APP_URL:-http://localhost}\n"
      "DB_PASS=${DB_USER}${DB_PASS}\n"
      "VAULT_SECRET=vault:secret/data/db#password\n";
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/opt/a/.env", secrets::RedactText(raw, secrets::RedactMode::kDotenv));
  s.PutFile("/opt/b/.env", raw);  // an older collector: nothing redacted
  auto db = testing::LoadFactsOrDie({s});
  for (const char* file : {"/opt/a/.env", "/opt/b/.env"}) {
    SCOPED_TRACE(file);
    EXPECT_EQ(Query(*db, std::string("SELECT key, value, redacted, class, length FROM env_vars WHERE file = '") +
                             file + "' ORDER BY line"),
              (Rows{{"POSTGRES_PASSWORD", "NULL", "1", "default", "8"},
                    {"REDIS_PASSWORD", "NULL", "1", "ok", "21"},
                    {"APP_URL", "${APP_URL:-http://localhost}", "0", "plain", "28"},
                    {"DB_PASS", "${DB_USER}${DB_PASS}", "0", "plain", "20"},
                    {"VAULT_SECRET", "vault:secret/data/db#password", "0", "plain", "29"}}));
  }
}

// Templates are known by the file's name, never by a folder's: the secret and TLS rules skip them.
TEST(EnvFileParser, TemplateFilesAreMarkedByTheirName) {
  Snapshot s = testing::MakeSnapshot();
  for (const char* f : {"/srv/app/.env.example", "/srv/app/app.SAMPLE.env", "/srv/app/.env.dist",
                        "/srv/app/prod.dist.env", "/srv/app/Template.env", "/srv/app/.env.tmpl",
                        "/srv/example-app/.env", "/srv/app/.env", "/srv/app/.env.production"}) {
    s.PutFile(f, "A=1\n");
  }
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT file, template FROM env_vars ORDER BY file"), (Rows{{"/srv/app/.env", "0"},
                                                                                   {"/srv/app/.env.dist", "1"},
                                                                                   {"/srv/app/.env.example", "1"},
                                                                                   {"/srv/app/.env.production", "0"},
                                                                                   {"/srv/app/.env.tmpl", "1"},
                                                                                   {"/srv/app/Template.env", "1"},
                                                                                   {"/srv/app/app.SAMPLE.env", "1"},
                                                                                   {"/srv/app/prod.dist.env", "1"},
                                                                                   {"/srv/example-app/.env", "0"}}));
}

TEST(EnvFileParser, MalformedLinesAreReportedAndReadingGoesOn) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/opt/app/.env",
            "A=1\nthis line has no equals sign\n9LIVES=3\nB=2\n[REDACTED class=ok len=40]\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 3u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: /opt/app/.env:2: expected KEY=value");
  EXPECT_EQ(diags.all()[1].ToString(), "h: /opt/app/.env:3: invalid variable name before '='");
  EXPECT_EQ(diags.all()[2].ToString(),
            "h: /opt/app/.env:5: expected KEY=value (the line was redacted whole: it may hold a secret)");
  EXPECT_EQ(Query(*db, "SELECT key FROM env_vars ORDER BY line"), (Rows{{"A"}, {"B"}}));
  EXPECT_EQ(Query(*db, "SELECT DISTINCT state FROM coverage WHERE category = 'secrets'"), Rows{{"error"}});
}

TEST(EnvFileParser, UnterminatedQuoteNamesTheKeyNotTheValue) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/opt/app/.env", "A=1\nPRIVATE_NOTE=\"s3cr3t-start\nB=2\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: /opt/app/.env:2: unterminated quoted value of PRIVATE_NOTE");
  EXPECT_EQ(Query(*db, "SELECT key FROM env_vars"), (Rows{{"A"}}));
}

}  // namespace
}  // namespace shipshape
