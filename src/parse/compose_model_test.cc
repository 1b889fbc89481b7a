// Tests of Compose project loading: override files, extends, merge keys, errors, the corpus.
#include <gtest/gtest.h>

#include <filesystem>

#include "fact_query.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

TEST(ComposeModel, OverrideFileMergesOntoItsBase) {
  Snapshot s = testing::MakeSnapshot("h");
  s.PutFile("/srv/shop/compose.yaml", R"(services:
  web:
    image: web:1
    command: ["serve", "--port", "80"]
    ports: ["80:80"]
    volumes:
      - ./a:/data
      - logs:/logs
    environment:
      - LEVEL=info
      - KEEP=1
    healthcheck:
      test: ["CMD", "a"]
  db:
    image: postgres:16
)");
  s.PutFile("/srv/shop/compose.override.yaml", R"(services:
  web:
    image: web:2
    command: ["serve", "--debug"]
    ports: ["127.0.0.1:9229:9229"]
    volumes:
      - ./b:/data:ro
    environment:
      LEVEL: debug
    healthcheck:
      test: ["CMD", "b"]
  mailhog:
    image: mailhog/mailhog
)");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT project, service, image, command, file, line FROM compose_services ORDER BY service"),
            (Rows{{"shop", "db", "postgres:16", "", "/srv/shop/compose.yaml", "14"},
                  {"shop", "mailhog", "mailhog/mailhog", "", "/srv/shop/compose.override.yaml", "12"},
                  {"shop", "web", "web:2", "serve --debug", "/srv/shop/compose.yaml", "2"}}));
  EXPECT_EQ(Query(*db, "SELECT published, file, line FROM compose_ports ORDER BY line"),
            (Rows{{"80", "/srv/shop/compose.yaml", "5"}, {"9229", "/srv/shop/compose.override.yaml", "5"}}));
  EXPECT_EQ(Query(*db, "SELECT source, target, read_only, file FROM compose_mounts ORDER BY target"),
            (Rows{{"./b", "/data", "1", "/srv/shop/compose.override.yaml"},
                  {"logs", "/logs", "0", "/srv/shop/compose.yaml"}}));
  EXPECT_EQ(Query(*db, "SELECT key, value, file, line FROM compose_env ORDER BY key"),
            (Rows{{"KEEP", "1", "/srv/shop/compose.yaml", "11"},
                  {"LEVEL", "debug", "/srv/shop/compose.override.yaml", "9"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE category = 'docker' AND state = 'ok'"), (Rows{{"2"}}));
}

TEST(ComposeModel, ExtendsInTheSameFileAndAnotherFile) {
  Snapshot s = testing::MakeSnapshot("h");
  s.PutFile("/app/docker-compose.yml", R"(x-defaults: &defaults
  restart: always
  mem_limit: 256m
services:
  base:
    <<: *defaults
    image: app:1
    environment:
      A: "1"
    cap_add: [CHOWN]
  api:
    extends: base
    command: api
    environment:
      B: "2"
    cap_add: [NET_BIND_SERVICE]
  job:
    extends:
      service: common
      file: ../shared/common.yml
    image: job:1
  broken:
    extends:
      service: nowhere
)");
  s.PutFile("/shared/common.yml", "services:\n  common:\n    image: common:1\n    user: nobody\n    read_only: true\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Query(*db,
                  "SELECT service, image, restart, mem_limit, user, read_only, cap_add, command, line "
                  "FROM compose_services ORDER BY line"),
            (Rows{{"base", "app:1", "always", "268435456", "", "0", "CHOWN", "", "5"},
                  {"api", "app:1", "always", "268435456", "", "0", "CHOWN,NET_BIND_SERVICE", "api", "11"},
                  {"job", "job:1", "", "NULL", "nobody", "1", "", "", "17"},
                  {"broken", "", "", "NULL", "", "0", "", "", "22"}}));
  EXPECT_EQ(Query(*db, "SELECT key, value FROM compose_env WHERE service = 'api' ORDER BY key"),
            (Rows{{"A", "1"}, {"B", "2"}}));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(),
            "h: /app/docker-compose.yml:23: service broken: extends: unknown service nowhere");
}

// A key of the wrong shape (docker compose refuses the file) is an error at its line and is
// dropped: `ports: "5432:5432"` must not read as "no published ports" without a word.
TEST(ComposeModel, KeysOfTheWrongShapeAreErrorsAndDropped) {
  Snapshot s = testing::MakeSnapshot("h");
  s.PutFile("/app/docker-compose.yml",
            "services:\n  db:\n    image: postgres:16\n    ports: \"5432:5432\"\n    environment: 5\n"
            "    healthcheck: [\"CMD\", \"true\"]\n    command:\n    volumes:\n      - data:/var/lib/postgresql/data\n"
            "  web:\n    image: [nginx]\n    ports: [\"80:80\"]\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  std::vector<std::string> got = testing::FileLineMessages(diags);
  EXPECT_EQ(got,
            (std::vector<std::string>{
                "/app/docker-compose.yml:4: service db: ports must be a list, not a single value",
                "/app/docker-compose.yml:5: service db: environment must be a list or a mapping, not a single value",
                "/app/docker-compose.yml:6: service db: healthcheck must be a mapping, not a list",
                "/app/docker-compose.yml:11: service web: image must be a single value, not a list"}));
  EXPECT_EQ(Query(*db, "SELECT service, image FROM compose_services ORDER BY line"),
            (Rows{{"db", "postgres:16"}, {"web", ""}}));
  EXPECT_EQ(Query(*db, "SELECT service, published FROM compose_ports"), (Rows{{"web", "80"}}));
  EXPECT_EQ(Query(*db, "SELECT service, target FROM compose_mounts"), (Rows{{"db", "/var/lib/postgresql/data"}}));
}

TEST(ComposeModel, MalformedFilesGiveFileAndLineAndTheOthersStillParse) {
  Snapshot s = testing::MakeSnapshot("h");
  s.PutFile("/a/docker-compose.yml", "services:\n  web:\n    image: x\n   ports: [\n");
  s.PutFile("/b/compose.yml",
            "services:\n  web: just-a-string\n  ok:\n    image: ok\n    ports:\n      - \"80:http\"\n"
            "      - \"8080:80\"\n");
  s.PutFile("/c/compose.yaml", "- a list\n");
  s.PutFile("/d/compose.yaml", "services:\n  web:\n    image: ${BROKEN\n");
  s.PutFile("/e/docker-compose.yml", "services:\n  web:\n    image: fine\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  std::vector<std::string> got = testing::FileLineMessages(diags);
  EXPECT_EQ(got, (std::vector<std::string>{
                     "/a/docker-compose.yml:4: invalid YAML: end of map not found",
                     "/b/compose.yml:6: service ok: invalid port specification",
                     "/b/compose.yml:2: service web is not a mapping",
                     "/c/compose.yaml:1: not a Compose file: the top level is not a mapping",
                     "/d/compose.yaml:3: invalid variable reference: unterminated ${ or a bad name inside ${}"}));
  EXPECT_EQ(Query(*db, "SELECT project, service, image FROM compose_services ORDER BY project"),
            (Rows{{"b", "ok", "ok"}, {"d", "web", "${BROKEN"}, {"e", "web", "fine"}}));
  EXPECT_EQ(Query(*db, "SELECT published FROM compose_ports"), (Rows{{"8080"}}));
  EXPECT_EQ(
      Query(*db,
            "SELECT source, state FROM coverage WHERE category = 'docker' AND source LIKE '/%' ORDER BY source, state"),
      (Rows{{"/a/docker-compose.yml", "error"},
            {"/b/compose.yml", "error"},
            {"/b/compose.yml", "error"},
            {"/c/compose.yaml", "error"},
            {"/d/compose.yaml", "error"},
            {"/e/docker-compose.yml", "ok"}}));
}

// Every compose file of awesome-compose, read as a stack snapshot of its folder (with its .env).
TEST(ComposeModel, EveryAwesomeComposeFileParses) {
  namespace fs = std::filesystem;
  std::string root = testing::CorpusDir() + "/awesome-compose";
  Snapshot s = testing::MakeSnapshot("corpus");
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    std::string name = entry.path().filename().string();
    bool compose = name.rfind("compose", 0) == 0 || name.rfind("docker-compose", 0) == 0;
    if (!entry.is_regular_file() || (!compose && name != ".env")) continue;
    s.PutFile(entry.path().string().substr(root.size()), testing::ReadTestFile(entry.path().string()));
    files += compose ? 1 : 0;
  }
  EXPECT_EQ(files, 39);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  for (const Diagnostic& d : diags.all()) ADD_FAILURE() << d.ToString();
  EXPECT_EQ(Query(*db, "SELECT count(DISTINCT source) FROM coverage WHERE category = 'docker' AND state = 'ok'"),
            (Rows{{std::to_string(files)}}));
  EXPECT_EQ(Query(*db,
                  "SELECT project, count(*) FROM compose_services WHERE project IN ('postgresql-pgadmin', "
                  "'pihole-cloudflared-DoH', 'elasticsearch-logstash-kibana', 'prometheus-grafana') "
                  "GROUP BY project ORDER BY project"),
            (Rows{{"elasticsearch-logstash-kibana", "3"},
                  {"pihole-cloudflared-DoH", "2"},
                  {"postgresql-pgadmin", "2"},
                  {"prometheus-grafana", "2"}}));
  EXPECT_EQ(Query(*db,
                  "SELECT key, class FROM compose_env WHERE project = 'postgresql-pgadmin' AND redacted = 1 "
                  "ORDER BY key"),
            (Rows{{"PGADMIN_DEFAULT_PASSWORD", "default"}, {"POSTGRES_PASSWORD", "default"}}));
  EXPECT_EQ(Query(*db,
                  "SELECT service, host_ip, published, all_interfaces FROM compose_ports "
                  "WHERE project = 'postgresql-pgadmin' ORDER BY service"),
            (Rows{{"pgadmin", "", "5050", "1"}, {"postgres", "", "5432", "1"}}));
  EXPECT_EQ(Query(*db,
                  "SELECT service, network, line FROM compose_service_networks "
                  "WHERE project = 'pihole-cloudflared-DoH' ORDER BY service"),
            (Rows{{"cloudflared", "dns-net", "15"}, {"pihole", "dns-net", "49"}}));
}

}  // namespace
}  // namespace shipshape
