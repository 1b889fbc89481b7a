// Tests of the `software` deriver and of the version and name helpers it uses.
#include <gtest/gtest.h>

#include "fact_query.h"
#include "facts/software_versions.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

std::string Fixture(const std::string& path) { return testing::ReadTestFile(testing::FixturesDir() + "/" + path); }

constexpr const char* kSelect = "SELECT product, version, cycle, source, subject, file, line FROM software";

TEST(SoftwareVersions, UpstreamVersionStripsEpochRevisionAndSuffixes) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"5:24.0.7-1~ubuntu.20.04~focal", "24.0.7"},
      {"12.22-0ubuntu0.20.04.1", "12.22"},
      {"5:5.0.7-2ubuntu0.1", "5.0.7"},
      {"10.19.0~dfsg-3ubuntu1.6", "10.19.0"},
      {"20.10.24+dfsg1-1+b3", "20.10.24"},
      {"1.18.0-6ubuntu14.4", "1.18.0"},
      {"7.0.5-1.el8", "7.0.5"},
      {"15-alpine", "15"},
      {"18-slim", "18"},
      {"v1.9.1", "1.9.1"},
      {"1.", "1"},
      {"latest", ""},
      {"alpine", ""},
      {"", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(UpstreamVersion(in), want) << in;
}

TEST(SoftwareVersions, PackagesMapToLifecycleProducts) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"mongodb-org-server", "mongodb"},
      {"mongodb-server", "mongodb"},
      {"mongodb", "mongodb"},
      {"postgresql-15", "postgresql"},
      {"postgresql-9.6", "postgresql"},
      {"postgresql-server", "postgresql"},
      {"postgresql16-server", "postgresql"},
      {"redis-server", "redis"},
      {"redis", "redis"},
      {"nodejs", "nodejs"},
      {"nginx", "nginx"},
      {"nginx-core", "nginx"},
      {"nginx-full", "nginx"},
      {"docker-ce", "docker-engine"},
      {"docker.io", "docker-engine"},
      {"moby-engine", "docker-engine"},
      {"postgresql", ""},
      {"postgresql-client-15", ""},
      {"postgresql-common", ""},
      {"docker-ce-cli", ""},
      {"redis-tools", ""},
      {"nginx-common", ""},
      {"mongodb-org-shell", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(ProductOfPackage(in), want) << in;
}

TEST(SoftwareVersions, ImageTagsGiveProductAndVersion) {
  struct Case {
    std::string ref, product, version;
  };
  const std::vector<Case> cases = {
      {"mongo:6.0.14", "mongodb", "6.0.14"},
      {"postgres:15-alpine", "postgresql", "15"},
      {"redis:7.2", "redis", "7.2"},
      {"node:18-slim", "nodejs", "18"},
      {"nginx:1.25", "nginx", "1.25"},
      {"portainer/portainer:1.24.1", "portainer", "1.24.1"},
      {"portainer/portainer-ce:2.19.4", "portainer", "2.19.4"},
      {"docker.io/library/postgres:16.2@sha256:4d7ad3ca1b4b0b1f", "postgresql", "16.2"},
      {"registry.example.com:5000/library/redis:6.2.14", "redis", "6.2.14"},
      {"library/nginx:1.27.0-alpine", "nginx", "1.27.0"},
  };
  for (const auto& c : cases) {
    auto sw = SoftwareOfImage(c.ref);
    ASSERT_TRUE(sw.has_value()) << c.ref;
    EXPECT_EQ(sw->product, c.product) << c.ref;
    EXPECT_EQ(sw->version, c.version) << c.ref;
  }
  for (const char* none : {"mongo", "mongo:latest", "redis:alpine", "node:lts", "postgres@sha256:4d7ad3ca1b4b0b1f",
                           "sha256:cd258c7a8cb8", "4c1d2e3f5a6b", "<none>", "jwilder/nginx-proxy:0.9.0",
                           "localhost:5000/redis", "prom/node-exporter:v1.9.1", ""}) {
    EXPECT_FALSE(SoftwareOfImage(none).has_value()) << none;
  }
}

TEST(SoftwareVersions, CycleIsTheLongestMatchAtADot) {
  const std::vector<std::string> docker = {"20.10", "24.0", "26.0", "26.1", "27"};
  EXPECT_EQ(MatchCycle("24.0.7", docker), "24.0");
  EXPECT_EQ(MatchCycle("26.1.5", docker), "26.1");
  EXPECT_EQ(MatchCycle("27.5.1", docker), "27");
  EXPECT_EQ(MatchCycle("20.10", docker), "20.10");
  EXPECT_EQ(MatchCycle("270.1", docker), "");
  EXPECT_EQ(MatchCycle("1.24.1", {"1", "2.27"}), "1");
  EXPECT_EQ(MatchCycle("15.4", {"1", "15", "9.5"}), "15");
  EXPECT_EQ(MatchCycle("7", {"7.0", "7.2"}), "");
  EXPECT_EQ(MatchCycle("3.19.1", {"3.1", "3.19"}), "3.19");
}

TEST(SoftwareVersions, DistroSupportTellsDistributionBuildsFromVendorRepositories) {
  // Debian builds, from the archive or a security update.
  EXPECT_TRUE(DistroSupported("nginx", "dpkg", "1.22.1-9+deb12u1"));
  EXPECT_TRUE(DistroSupported("nginx", "dpkg", "1.22.1-9"));
  EXPECT_TRUE(DistroSupported("redis", "dpkg", "5:7.0.15-1~deb12u1"));
  EXPECT_TRUE(DistroSupported("postgresql", "dpkg", "15.8-0+deb12u1"));
  EXPECT_TRUE(DistroSupported("nodejs", "dpkg", "18.19.0+dfsg-6~deb12u2"));
  // Ubuntu: main is supported, universe is not.
  EXPECT_TRUE(DistroSupported("postgresql", "dpkg", "12.22-0ubuntu0.20.04.1"));
  EXPECT_FALSE(DistroSupported("redis", "dpkg", "5:5.0.7-2ubuntu0.1"));
  EXPECT_FALSE(DistroSupported("nodejs", "dpkg", "10.19.0~dfsg-3ubuntu1.6"));
  // Vendor repositories.
  EXPECT_FALSE(DistroSupported("postgresql", "dpkg", "16.4-1.pgdg120+1"));
  EXPECT_FALSE(DistroSupported("nodejs", "dpkg", "18.20.4-1nodesource1"));
  EXPECT_FALSE(DistroSupported("nginx", "dpkg", "1.24.0-1~bookworm"));
  EXPECT_FALSE(DistroSupported("docker-engine", "dpkg", "5:24.0.7-1~ubuntu.20.04~focal"));
  EXPECT_FALSE(DistroSupported("redis", "dpkg", "6:7.2.4-1rl1~jammy1"));
  EXPECT_FALSE(DistroSupported("mongodb", "dpkg", "6.0.14"));
  // RHEL AppStream against vendor RPMs.
  EXPECT_TRUE(DistroSupported("nginx", "rpm", "1.20.1-14.el9_2.1"));
  EXPECT_FALSE(DistroSupported("nginx", "rpm", "1.24.0-1.el9.ngx"));
  EXPECT_FALSE(DistroSupported("postgresql", "rpm", "15.5-1PGDG.rhel9"));
  EXPECT_FALSE(DistroSupported("mongodb", "rpm", "6.0.14-1.el8"));
}

// bms-1 of the seed fleet: recorded dpkg, docker and pm2 output of a real Ubuntu 20.04 server.
TEST(SoftwareDeriver, FindsPackagesEngineContainersAndPm2OnRecordedHost) {
  Snapshot s = testing::MakeSnapshot("bms-1");
  for (const char* cmd : {"dpkg", "docker-version", "docker-info", "docker-inspect", "pm2-jlist"}) {
    s.PutCommand(cmd, Fixture(std::string("seed-fleet/bms-1/cmd/") + cmd + ".out"), 0);
  }
  auto db = testing::LoadFactsOrDie({s});
  ASSERT_NE(db, nullptr);
  Rows rows = Query(*db, std::string(kSelect) + " ORDER BY source, product, subject");
  EXPECT_EQ(rows, (Rows{
                      {"portainer", "1.24.1", "1", "container", "portainer-pinbox24", "cmd/docker-inspect.out", "0"},
                      {"docker-engine", "24.0.7", "24.0", "engine", "dockerd", "cmd/docker-info.out", "0"},
                      {"docker-engine", "24.0.7", "24.0", "package", "docker-ce", "cmd/dpkg.out", "3"},
                      {"nodejs", "10.19.0", "10", "package", "nodejs", "cmd/dpkg.out", "16"},
                      {"postgresql", "12.22", "12", "package", "postgresql-12", "cmd/dpkg.out", "6"},
                      {"redis", "5.0.7", "5.0", "package", "redis-server", "cmd/dpkg.out", "8"},
                      {"nodejs", "10.19.0", "10", "pm2", "NodeChat", "cmd/pm2-jlist.out", "0"},
                  }));
  // The join rules make: everything on this host is past its end of life, as of the test clock.
  EXPECT_EQ(Query(*db,
                  "SELECT COUNT(*) FROM software s JOIN lifecycle l ON l.product = s.product AND "
                  "l.cycle = s.cycle CROSS JOIN clock WHERE l.eol <= clock.today"),
            Rows{{"7"}});
}

TEST(SoftwareDeriver, ContainerTagsWithoutVersionGiveNoRowAndUnknownCycleIsNull) {
  Snapshot s = testing::MakeSnapshot();
  // The least of `docker inspect` the containers parser needs: ID, name, image, state.
  auto container = [](const std::string& name, const std::string& image) {
    const std::string id(64, 'a');
    return R"({"Id":")" + id + R"(","Name":"/)" + name + R"(","Image":"sha256:)" + id +
           R"(","State":{"Status":"running"},"Config":{"Image":")" + image + R"("},"HostConfig":{}})";
  };
  s.PutCommand("docker-inspect",
               "[" + container("db", "postgres:15-alpine") + "," + container("cache", "redis:7") + "," +
                   container("web", "nginx:latest") + "," + container("mongo", "mongo:6.0.14") + "]",
               0);
  s.PutCommand("dpkg", "redis\t5:7.0.15-1~deb12u1\tii\nredis-server\t5:7.0.15-1~deb12u1\tii\nnginx\t1.22.1-9\trc\n", 0);
  auto db = testing::LoadFactsOrDie({s});
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(Query(*db, "SELECT product, version, cycle, source, subject FROM software ORDER BY source, subject"),
            (Rows{{"redis", "7", "NULL", "container", "cache"},
                  {"postgresql", "15", "15", "container", "db"},
                  {"mongodb", "6.0.14", "6.0", "container", "mongo"},
                  // One row per product version: the redis metapackage and redis-server are the same 7.0.15;
                  // nginx is removed (rc) and gives none.
                  {"redis", "7.0.15", "7.0", "package", "redis"}}));
}

}  // namespace
}  // namespace shipshape
