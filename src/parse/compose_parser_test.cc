// Tests of the Compose parser: every form of the fields it reads, with exact facts.
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

Snapshot Stack(const std::string& compose, const std::string& env = "") {
  Snapshot s = testing::MakeStackSnapshot("shop");
  s.PutFile("/docker-compose.yml", compose);
  if (!env.empty()) s.PutFile("/.env", env);
  return s;
}

const char* kCompose = R"(name: ${PROJECT:-shop}
services:
  web:
    image: nginx:${NGINX_TAG:-1.25}
    container_name: shop-web
    restart: unless-stopped
    ports:
      - "80:80"
      - "127.0.0.1:8443:443"
      - "[::1]:9090:9090"
      - 9000/udp
      - 3000
      - target: 5000
        published: "5000-5001"
        host_ip: 0.0.0.0
        protocol: udp
    volumes:
      - ./html:/usr/share/nginx/html:ro
      - /var/run/docker.sock:/var/run/docker.sock
      - certs:/etc/certs
      - type: bind
        source: ${CONF_DIR:-./conf}
        target: /etc/nginx/conf.d
        read_only: true
    tmpfs: /run
    networks:
      front:
        aliases: [www, shop]
      back:
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost"]
    deploy:
      resources:
        limits:
          memory: 512m
          cpus: "0.5"
  db:
    image: postgres:16
    mem_limit: 1gb
    cpus: 2
    privileged: true
    read_only: true
    user: "999:999"
    cap_add: [NET_ADMIN, SYS_TIME]
    command: ["postgres", "-c", "max_connections=200"]
    profiles: [data, full]
    environment:
      POSTGRES_USER: shop
      POSTGRES_PASSWORD: ${DB_PASSWORD}
      DATABASE_URL: postgres://shop:${DB_PASSWORD}@db/shop
      GRAFANA_ADMIN_PASSWORD: ${GF_PW:-[REDACTED class=default len=5]}
      TZ:
    healthcheck:
      test: NONE
  worker:
    build: ./worker
    network_mode: host
    environment:
      - MODE=${MODE:?mode must be set}
      - LOG_LEVEL=info
      - HOST
    healthcheck:
      disable: true
      test: ["CMD", "true"]
networks:
  front:
    driver: bridge
  back:
    internal: true
  outside:
    external: true
volumes:
  certs:
)";

const char* kEnv = "DB_PASSWORD='[REDACTED class=ok len=24]'\nHOST=box1\nNGINX_TAG=1.27\n";

TEST(ComposeParser, ServicesWithEveryField) {
  auto db = testing::LoadFactsOrDie({Stack(kCompose, kEnv)});
  EXPECT_EQ(
      Query(*db,
            "SELECT project, dir, service, image, build, container_name, profiles, privileged, network_mode, "
            "restart, user, read_only, healthcheck, mem_limit, cpu_limit, cap_add, command, file, line "
            "FROM compose_services ORDER BY line"),
      (Rows{{"shop", "/", "web", "nginx:1.27", "0", "shop-web", "", "0", "", "unless-stopped", "", "0", "1",
             "536870912", "0.5", "", "", "/docker-compose.yml", "3"},
            {"shop", "/", "db", "postgres:16", "0", "", "data full", "1", "", "", "999:999", "1", "0", "1073741824",
             "2.0", "NET_ADMIN,SYS_TIME", "postgres -c max_connections=200", "/docker-compose.yml", "37"},
            {"shop", "/", "worker", "", "1", "", "", "0", "host", "", "", "0", "0", "NULL", "NULL", "", "",
             "/docker-compose.yml", "55"}}));
}

// logging.driver after interpolation; version 2 files name it log_driver; '' = the daemon's default.
TEST(ComposeParser, LogDriverOfEachService) {
  auto db = testing::LoadFactsOrDie({Stack("x-logging: &logs\n  driver: ${LOG_DRIVER:-gelf}\nservices:\n"
                                           "  web:\n    image: nginx\n    logging: *logs\n"
                                           "  old:\n    image: redis\n    log_driver: syslog\n"
                                           "  plain:\n    image: busybox\n    logging:\n      options: {max-size: 10m}\n")});
  EXPECT_EQ(Query(*db, "SELECT service, log_driver FROM compose_services ORDER BY line"),
            (Rows{{"web", "gelf"}, {"old", "syslog"}, {"plain", ""}}));
}

TEST(ComposeParser, PortsShortAndLong) {
  auto db = testing::LoadFactsOrDie({Stack(kCompose, kEnv)});
  EXPECT_EQ(Query(*db,
                  "SELECT service, host_ip, published, host_port, container_port, protocol, all_interfaces, line "
                  "FROM compose_ports ORDER BY line"),
            (Rows{{"web", "", "80", "80", "80", "tcp", "1", "8"},
                  {"web", "127.0.0.1", "8443", "8443", "443", "tcp", "0", "9"},
                  {"web", "::1", "9090", "9090", "9090", "tcp", "0", "10"},
                  {"web", "", "", "NULL", "9000", "udp", "1", "11"},
                  {"web", "", "", "NULL", "3000", "tcp", "1", "12"},
                  {"web", "0.0.0.0", "5000-5001", "5000", "5000", "udp", "1", "13"}}));
}

TEST(ComposeParser, MountsNetworksAndAliases) {
  auto db = testing::LoadFactsOrDie({Stack(kCompose, kEnv)});
  EXPECT_EQ(Query(*db, "SELECT service, type, source, target, read_only, line FROM compose_mounts ORDER BY line"),
            (Rows{{"web", "bind", "./html", "/usr/share/nginx/html", "1", "18"},
                  {"web", "bind", "/var/run/docker.sock", "/var/run/docker.sock", "0", "19"},
                  {"web", "volume", "certs", "/etc/certs", "0", "20"},
                  {"web", "bind", "./conf", "/etc/nginx/conf.d", "1", "21"},
                  {"web", "tmpfs", "", "/run", "0", "25"}}));
  EXPECT_EQ(Query(*db, "SELECT service, network, aliases, line FROM compose_service_networks ORDER BY line"),
            (Rows{{"web", "front", "www shop", "27"}, {"web", "back", "", "29"}, {"db", "default", "", "37"}}));
  EXPECT_EQ(Query(*db, "SELECT network, driver, internal, external, line FROM compose_networks ORDER BY line"),
            (Rows{{"default", "", "0", "0", "0"},
                  {"front", "bridge", "0", "0", "66"},
                  {"back", "", "1", "0", "68"},
                  {"outside", "", "0", "1", "70"}}));
}

TEST(ComposeParser, EnvironmentClassesAfterInterpolation) {
  auto db = testing::LoadFactsOrDie({Stack(kCompose, kEnv)});
  EXPECT_EQ(Query(*db,
                  "SELECT service, key, value, redacted, class, length, origin, refs, line FROM compose_env "
                  "ORDER BY line"),
            (Rows{{"db", "POSTGRES_USER", "shop", "0", "plain", "4", "environment", "", "48"},
                  {"db", "POSTGRES_PASSWORD", "NULL", "1", "ok", "24", "environment", "DB_PASSWORD", "49"},
                  {"db", "DATABASE_URL", "NULL", "1", "ok", "48", "environment", "DB_PASSWORD", "50"},
                  {"db", "GRAFANA_ADMIN_PASSWORD", "NULL", "1", "default", "5", "environment", "GF_PW", "51"},
                  {"worker", "MODE", "", "0", "plain", "0", "environment", "MODE", "59"},
                  {"worker", "LOG_LEVEL", "info", "0", "plain", "4", "environment", "", "60"},
                  {"worker", "HOST", "box1", "0", "plain", "4", "environment", "HOST", "61"}}));
}

TEST(ComposeParser, VariableReferencesAndTheRequiredOneUnset) {
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({Stack(kCompose, kEnv)}, &diags);
  EXPECT_EQ(
      Query(*db, "SELECT service, var, form, defined, empty, secret, line FROM compose_var_refs ORDER BY line, var"),
      (Rows{{"NULL", "PROJECT", "default", "0", "0", "0", "1"},
            {"web", "NGINX_TAG", "default", "1", "0", "0", "4"},
            {"web", "CONF_DIR", "default", "0", "0", "0", "22"},
            {"db", "DB_PASSWORD", "plain", "1", "0", "1", "49"},
            {"db", "DB_PASSWORD", "plain", "1", "0", "1", "50"},
            {"db", "GF_PW", "default", "0", "0", "1", "51"},
            {"worker", "MODE", "required", "0", "1", "0", "59"}}));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].file + ":" + std::to_string(diags.all()[0].line) + ": " + diags.all()[0].message,
            "/docker-compose.yml:59: required variable MODE is unset or empty");
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'docker' AND source LIKE '/%'"), (Rows{{"ok"}}));
}

TEST(ComposeParser, NoSecretValueReachesAnyTable) {
  auto db = testing::LoadFactsOrDie({Stack(kCompose, "DB_PASSWORD=hunter2-very-long-secret\nHOST=box1\n")});
  EXPECT_EQ(Query(*db, "SELECT class, length FROM compose_env WHERE key = 'POSTGRES_PASSWORD'"), (Rows{{"ok", "24"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM compose_env WHERE value LIKE '%hunter2%'"), (Rows{{"0"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM compose_services WHERE command LIKE '%hunter2%'"), (Rows{{"0"}}));
}

TEST(ComposeParser, EnvFileFormsRelativeToTheComposeFolder) {
  Snapshot s = testing::MakeSnapshot("h");
  s.PutFile("/opt/app/docker-compose.yml", R"(services:
  a:
    image: a
    env_file: app.env
    environment:
      LEVEL: debug
  b:
    image: b
    env_file:
      - ./conf/b.env
      - path: ./optional.env
        required: false
      - path: missing.env
)");
  s.PutFile("/opt/app/.env", "TAG=v1\n");
  s.PutFile("/opt/app/app.env", "# app\nexport LEVEL=info\nAPI_KEY=\"abc\"\nURL=http://x/${TAG}\n");
  s.PutFile("/opt/app/conf/b.env", "ADMIN_PASSWORD=admin\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(
      Query(*db,
            "SELECT project, service, key, value, class, origin, refs, file, line FROM compose_env "
            "ORDER BY service, file, line"),
      (Rows{{"app", "a", "API_KEY", "NULL", "short", "env_file:/opt/app/app.env", "", "/opt/app/app.env", "3"},
            {"app", "a", "URL", "http://x/v1", "plain", "env_file:/opt/app/app.env", "TAG", "/opt/app/app.env", "4"},
            {"app", "a", "LEVEL", "debug", "plain", "environment", "", "/opt/app/docker-compose.yml", "6"},
            {"app", "b", "ADMIN_PASSWORD", "NULL", "default", "env_file:/opt/app/conf/b.env", "", "/opt/app/conf/b.env",
             "1"}}));
  EXPECT_EQ(Query(*db, "SELECT service, var, defined, file, line FROM compose_var_refs"),
            (Rows{{"a", "TAG", "1", "/opt/app/app.env", "4"}}));
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(),
            "h: /opt/app/docker-compose.yml:13: service b: env_file missing.env is not in the snapshot");
  EXPECT_EQ(Query(*db, "SELECT dir FROM compose_services WHERE service = 'a'"), (Rows{{"/opt/app"}}));
}

}  // namespace
}  // namespace shipshape
