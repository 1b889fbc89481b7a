// Tests of the docker inspect parser: containers and their ports, mounts, networks and environment.
#include <gtest/gtest.h>

#include "fact_query.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

std::string Fixture(const std::string& name) {
  return testing::ReadTestFile(testing::FixturesDir() + "/docker/" + name);
}

std::unique_ptr<FactDb> Inspect(const std::string& fixture, Diagnostics* diags = nullptr) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-inspect", Fixture(fixture), 0);
  return testing::LoadFactsOrDie({s}, diags);
}

TEST(DockerContainersParser, ContainersStartedFromImageIdsAreUntagged) {
  Diagnostics diags;
  auto db = Inspect("docker-inspect-24-bms1.json", &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT name, image_untagged FROM containers ORDER BY name"),
            (Rows{{"nginx-proxy", "0"},
                  {"portainer-pinbox24", "0"},
                  {"s3-v42-prod-02-25-old", "0"},
                  {"v32-prod-reso", "1"},
                  {"v32-prod-socket", "1"},
                  {"v41-prod", "1"},
                  {"v42-prod", "0"}}));
  EXPECT_EQ(Query(*db, "SELECT image, image_id, file, line FROM containers WHERE name = 'v32-prod-reso'"),
            (Rows{{"4c1d2e3f5a6b", "sha256:4c1d2e3f5a6b8e0f9a7c6d5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f",
                   "cmd/docker-inspect.out", "0"}}));
}

TEST(DockerContainersParser, PortainerPublishesItsUiOnBothAddressFamilies) {
  auto db = Inspect("docker-inspect-24-bms1.json");
  // 8000/tcp is exposed but not published: no row.
  EXPECT_EQ(Query(*db,
                  "SELECT container_port, proto, host_ip, host_port FROM container_ports "
                  "WHERE container = 'portainer-pinbox24' ORDER BY host_ip"),
            (Rows{{"9000", "tcp", "0.0.0.0", "49154"}, {"9000", "tcp", "::", "49154"}}));
  EXPECT_EQ(Query(*db, "SELECT image FROM containers WHERE name = 'portainer-pinbox24'"),
            Rows{{"portainer/portainer:1.24.1"}});
}

TEST(DockerContainersParser, StoppedContainerKeepsItsConfiguredBinding) {
  auto db = Inspect("docker-inspect-24-bms1.json");
  EXPECT_EQ(Query(*db,
                  "SELECT container_port, host_ip, host_port FROM container_ports "
                  "WHERE container = 's3-v42-prod-02-25-old'"),
            (Rows{{"5000", "127.0.0.1", "NULL"}}));
  EXPECT_EQ(Query(*db,
                  "SELECT state, restart_policy, oom_killed, restart_count, started_at FROM containers "
                  "WHERE name = 's3-v42-prod-02-25-old'"),
            (Rows{{"exited", "no", "1", "3", "2025-02-20T11:30:03Z"}}));
}

TEST(DockerContainersParser, FinishedAtOnlyForAStoppedContainer) {
  auto db = Inspect("docker-inspect-24-bms1.json");
  EXPECT_EQ(Query(*db, "SELECT name, finished_at FROM containers WHERE name IN ('s3-v42-prod-02-25-old', 'v42-prod') "
                       "ORDER BY name"),
            (Rows{{"s3-v42-prod-02-25-old", "2026-02-25T18:02:14Z"}, {"v42-prod", "NULL"}}));
}

TEST(DockerContainersParser, DockerSocketMounts) {
  auto db = Inspect("docker-inspect-24-bms1.json");
  EXPECT_EQ(Query(*db,
                  "SELECT container, type, destination, rw FROM container_mounts "
                  "WHERE source = '/var/run/docker.sock' ORDER BY container"),
            (Rows{{"nginx-proxy", "bind", "/tmp/docker.sock", "0"},
                  {"portainer-pinbox24", "bind", "/var/run/docker.sock", "1"}}));
  EXPECT_EQ(
      Query(*db, "SELECT name, rw FROM container_mounts WHERE container = 'portainer-pinbox24' AND type = 'volume'"),
      (Rows{{"portainer_data", "1"}}));
}

TEST(DockerContainersParser, RedactedEnvironmentKeepsOnlyClassAndLength) {
  auto db = Inspect("docker-inspect-24-bms1.json");
  EXPECT_EQ(Query(*db,
                  "SELECT key, value, redacted, class, length FROM container_env WHERE container = 'v42-prod' "
                  "AND key IN ('DB_PASSWORD', 'REDIS_PASSWORD', 'ADMIN_PASSWORD', 'NODE_ENV') ORDER BY key"),
            (Rows{{"ADMIN_PASSWORD", "NULL", "1", "default", "8"},
                  {"DB_PASSWORD", "NULL", "1", "ok", "24"},
                  {"NODE_ENV", "production", "0", "plain", "10"},
                  {"REDIS_PASSWORD", "NULL", "1", "empty", "0"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'secrets'"), Rows{{"ok"}});
}

TEST(DockerContainersParser, NetworksCreatedTimeAndComposeLabels) {
  auto db = Inspect("docker-inspect-24-bms1.json");
  EXPECT_EQ(Query(*db, "SELECT network, ip_address FROM container_networks WHERE container = 'nginx-proxy'"),
            (Rows{{"proxy", "172.18.0.2"}}));
  EXPECT_EQ(Query(*db,
                  "SELECT created, started_at, network_mode, compose_project FROM containers "
                  "WHERE name = 'nginx-proxy'"),
            (Rows{{"2021-04-02T09:58:11Z", "2026-03-01T04:00:02Z", "proxy", "NULL"}}));
  EXPECT_EQ(Query(*db,
                  "SELECT compose_project, compose_service, compose_workdir FROM containers "
                  "WHERE name = 'v42-prod'"),
            (Rows{{"pinbox24-v42", "v42", "/opt/pinbox24/v42"}}));
}

TEST(DockerContainersParser, Docker28LimitsHealthcheckAndHardening) {
  auto db = Inspect("docker-inspect-28-compose.json");
  EXPECT_EQ(Query(*db,
                  "SELECT name, user, read_only, memory_limit_bytes, nano_cpus, pids_limit, has_healthcheck, "
                  "cap_add, cap_drop, security_opt, health_status, image_untagged FROM containers ORDER BY name"),
            (Rows{{"node-exporter", "nobody", "0", "0", "0", "0", "0", "", "", "", "", "0"},
                  {"shop-api-1", "10001:10001", "1", "536870912", "1500000000", "200", "1", "NET_BIND_SERVICE", "ALL",
                   "no-new-privileges:true", "healthy", "0"},
                  // CpuQuota 50000 over a 100 ms period: half a CPU; PidsLimit -1 is no limit; Test ["NONE"] is off.
                  {"shop-db-1", "", "0", "0", "500000000", "0", "0", "", "", "", "", "0"}}));
  EXPECT_EQ(Query(*db, "SELECT privileged, network_mode, pid_mode FROM containers WHERE name = 'node-exporter'"),
            (Rows{{"1", "host", "host"}}));
  EXPECT_EQ(Query(*db,
                  "SELECT compose_project, compose_service, compose_workdir FROM containers "
                  "WHERE name = 'shop-api-1'"),
            (Rows{{"shop", "api", "/srv/shop"}}));
  EXPECT_EQ(Query(*db, "SELECT container, host_ip, host_port FROM container_ports ORDER BY container, host_ip"),
            (Rows{{"shop-api-1", "127.0.0.1", "8080"}, {"shop-db-1", "0.0.0.0", "5432"}, {"shop-db-1", "::", "5432"}}));
  EXPECT_EQ(Query(*db,
                  "SELECT key, value, redacted, class, length FROM container_env WHERE container = 'shop-api-1' "
                  "AND key IN ('API_TOKEN', 'EMPTY')"),
            (Rows{{"API_TOKEN", "NULL", "1", "ok", "32"}, {"EMPTY", "", "0", "plain", "0"}}));
}

TEST(DockerContainersParser, SeedFleetBms1) {
  Snapshot s = testing::MakeSnapshot("bms-1");
  s.PutCommand("docker-inspect",
               testing::ReadTestFile(testing::FixturesDir() + "/seed-fleet/bms-1/cmd/docker-inspect.out"), 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT name FROM containers WHERE image_untagged = 1 ORDER BY name"),
            (Rows{{"v32-prod-reso"}, {"v32-prod-socket"}, {"v41-prod"}}));
  EXPECT_EQ(Query(*db, "SELECT container, host_port FROM container_ports WHERE container_port = 9000"),
            (Rows{{"portainer-pinbox24", "49154"}}));
}

TEST(DockerContainersParser, EmptyListIsReadWithoutRows) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-inspect", "[]\n", 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM containers"), Rows{{"0"}});
  EXPECT_EQ(Query(*db,
                  "SELECT category, state FROM coverage WHERE category IN ('docker', 'images', 'secrets') "
                  "ORDER BY category"),
            (Rows{{"docker", "ok"}, {"images", "ok"}}));
}

TEST(DockerContainersParser, MalformedJsonIsOneErrorWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-inspect", "[\n    {\n        \"Id\": \"ee1e18cf9293\",\n        \"Name\": \"/nginx-proxy\"\n",
               0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(),
            "h: cmd/docker-inspect.out:5: invalid JSON: parse error: syntax error while parsing object - unexpected "
            "end of input; expected '}'");
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'docker'"), Rows{{"error"}});
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM containers"), Rows{{"0"}});
}

TEST(DockerContainersParser, FailedInspectIsAnErrorButKeepsWhatWasPrinted) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-inspect", Fixture("docker-inspect-28-compose.json"), 1);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM containers"), Rows{{"3"}});
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE category = 'docker' AND state = 'error'"), Rows{{"1"}});
}

}  // namespace
}  // namespace shipshape
