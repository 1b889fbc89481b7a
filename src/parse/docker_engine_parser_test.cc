// Tests of the Docker engine parser (docker version, docker info, daemon.json).
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

TEST(DockerEngineParser, ReadsDocker24VersionAndInfo) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-version", Fixture("docker-version-24.json"), 0);
  s.PutCommand("docker-info", Fixture("docker-info-24.json"), 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db,
                  "SELECT version, api_version, os_type, storage_driver, live_restore, userns_remap, rootless, "
                  "log_driver, containers, file, client_version, security_options, tcp_api FROM docker_engine"),
            (Rows{{"24.0.7", "1.43", "linux", "overlay2", "0", "", "0", "json-file", "24", "cmd/docker-info.out",
                   "24.0.7", "apparmor,seccomp", "0"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'docker'"), Rows{{"ok"}});
}

TEST(DockerEngineParser, RootlessDocker28FromInfoAlone) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-info", Fixture("docker-info-28-rootless.json"), 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db,
                  "SELECT version, api_version, storage_driver, rootless, log_driver, containers, cgroup_driver "
                  "FROM docker_engine"),
            (Rows{{"28.5.1", "NULL", "overlayfs", "1", "local", "3", "systemd"}}));
}

TEST(DockerEngineParser, InfoWinsOverDaemonJsonButUsernsComesFromIt) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-version", Fixture("docker-version-24.json"), 0);
  s.PutCommand("docker-info", Fixture("docker-info-24-tcp-userns.json"), 0);
  s.PutFile("/etc/docker/daemon.json", Fixture("daemon.json"));
  auto db = testing::LoadFactsOrDie({s});
  // live-restore and the log driver are effective values in docker info; the remap user is only in daemon.json.
  EXPECT_EQ(Query(*db, "SELECT live_restore, log_driver, userns_remap, tcp_api FROM docker_engine"),
            (Rows{{"1", "json-file", "default", "1"}}));
}

TEST(DockerEngineParser, DaemonJsonFillsWhatInfoDoesNotSay) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-version", Fixture("docker-version-24.json"), 0);
  s.PutFile("/etc/docker/daemon.json", Fixture("daemon.json"));
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db,
                  "SELECT version, live_restore, log_driver, userns_remap, tcp_api, containers, file "
                  "FROM docker_engine"),
            (Rows{{"24.0.7", "1", "local", "default", "1", "NULL", "cmd/docker-version.out"}}));
}

TEST(DockerEngineParser, DaemonDownIsAnErrorNotAbsent) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-version", Fixture("docker-version-daemon-down.json"), 1);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT state, detail FROM coverage WHERE category = 'docker'"),
            (Rows{{"error", "docker-version exited 1 (daemon not running, or no permission on its socket)"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM docker_engine"), Rows{{"0"}});
}

const char* kPsWithoutDockerd =
    "    1 root      9876  86400 systemd         /sbin/init\n"
    "  612 root      7000  86400 sshd            sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups\n";

TEST(DockerEngineParser, CliWithoutDaemonOnARootSnapshotIsAbsent) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-version", Fixture("docker-version-daemon-down.json"), 1);
  s.PutCommand("ps", kPsWithoutDockerd, 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT category, state, detail FROM coverage WHERE category IN ('docker', 'images') "
                       "ORDER BY category"),
            (Rows{{"docker", "absent", "docker CLI only: no Docker daemon runs"},
                  {"images", "absent", "docker CLI only: no Docker daemon runs"}}));
}

TEST(DockerEngineParser, CliWithoutAnswerWhileDockerdRunsIsAnError) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-version", Fixture("docker-version-daemon-down.json"), 1);
  s.PutCommand("ps", std::string(kPsWithoutDockerd) +
                         "  901 root     81234  86000 dockerd         /usr/bin/dockerd -H fd://\n", 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'docker'"), Rows{{"error"}});
}

TEST(DockerEngineParser, CliWithoutAnswerOnAnUnprivilegedSnapshotIsAnError) {
  Snapshot s = testing::MakeSnapshot();
  s.meta().privileged = false;  // the socket may be closed to the collecting user
  s.PutCommand("docker-version", Fixture("docker-version-daemon-down.json"), 1);
  s.PutCommand("ps", kPsWithoutDockerd, 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'docker'"), Rows{{"error"}});
}

TEST(DockerEngineParser, NoDockerCommandAndNoPackageIsAbsent) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("dpkg", "openssh-server\t1:9.2p1-2+deb12u3\tii \ncontainerd\t1.6.20~ds1-1+b1\tii \n", 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'docker'"), Rows{{"absent"}});
}

TEST(DockerEngineParser, InstalledPackageWithoutVersionOutputIsAnError) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("dpkg", "docker-ce\t5:24.0.7-1~ubuntu.20.04~focal\tii \n", 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT state, detail FROM coverage WHERE category = 'docker'"),
            (Rows{{"error", "a Docker package is installed but `docker version` was not collected"}}));
}

TEST(DockerEngineParser, RemovedPackageDoesNotCount) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("dpkg", "docker.io\t20.10.21-0ubuntu1~20.04.2\trc \n", 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'docker'"), Rows{{"absent"}});
}

TEST(DockerEngineParser, MalformedInfoIsReportedWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-version", Fixture("docker-version-24.json"), 0);
  s.PutCommand("docker-info", "{\"ServerVersion\":\"24.0.7\",\n\"Driver\":\n", 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(),
            "h: cmd/docker-info.out:3: invalid JSON: parse error: syntax error while parsing value - unexpected end "
            "of input; expected '[', '{', or a literal");
  EXPECT_EQ(Query(*db, "SELECT DISTINCT state FROM coverage WHERE category = 'docker' AND state = 'error'"),
            Rows{{"error"}});
  EXPECT_EQ(Query(*db, "SELECT version, file FROM docker_engine"), (Rows{{"24.0.7", "cmd/docker-version.out"}}));
}

TEST(DockerEngineParser, MalformedDaemonJsonNamesIt) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-version", Fixture("docker-version-24.json"), 0);
  s.PutFile("/etc/docker/daemon.json", "{\n  \"log-driver\": \"local\",\n  \"live-restore\": true,\n}\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].file, "/etc/docker/daemon.json");
  EXPECT_EQ(diags.all()[0].line, 4);
}

}  // namespace
}  // namespace shipshape
