// The collector's file discovery on a fake root: which Prometheus files are copied, and how
// stat-paths reports a path it cannot reach without root, and the paths a caller adds.
#include <grp.h>
#include <gtest/gtest.h>
#include <pwd.h>
#include <unistd.h>

#include <filesystem>

#include "base/file_io.h"
#include "base/process.h"
#include "collect/local_collector.h"
#include "collect/stat_paths_request.h"
#include "snapshot/snapshot.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

class CollectorFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = *MakeTempDir("shipshape-collector-files.");
    root_ = dir_ + "/root";
    fs::permissions(dir_, fs::perms::all);  // the unprivileged run writes its snapshot here
  }
  void TearDown() override { RemoveTree(dir_); }

  void Put(const std::string& path, const std::string& text) {
    ASSERT_TRUE(WriteWholeFile(root_ + path, text).ok()) << path;
  }

  // Runs the collector over the fake root (prefix: e.g. setpriv to drop root) into dir_/snap.
  // `stat_paths` go in as the status command sends them (collect/stat_paths_request.h).
  Snapshot Collect(std::vector<std::string> prefix = {}, const std::vector<std::string>& stat_paths = {}) {
    std::vector<std::string> args = prefix;
    args.insert(args.end(), {"env", "SHIPSHAPE_ROOT=" + root_, "/bin/sh", "-s", "--", dir_ + "/snap"});
    auto r = RunProcess(args, CollectorScriptStatting(stat_paths), 300);
    EXPECT_TRUE(r.ok() && r->exit_code == 0) << (r.ok() ? r->err : r.status().ToString());
    auto snap = LoadSnapshot(dir_ + "/snap");
    EXPECT_TRUE(snap.ok()) << snap.status().ToString();
    return snap.ok() ? std::move(*snap) : Snapshot();
  }

  std::string dir_, root_;
};

TEST_F(CollectorFiles, EveryPrometheusYamlAndRulesFileButWebConfigs) {
  Put("/etc/prometheus/prometheus.yml", "rule_files:\n  - alerts.yml\n  - rules/*/*.yaml\n");
  Put("/etc/prometheus/alerts.yml", "groups: []\n");
  Put("/etc/prometheus/recording.yaml", "groups: []\n");
  Put("/etc/prometheus/node.rules", "groups: []\n");
  Put("/etc/prometheus/rules/team/db.yaml", "groups: []\n");
  Put("/etc/prometheus/rules/host.yml", "groups: []\n");
  Put("/etc/prometheus/web.yml", "basic_auth_users:\n  admin: $2y$10$0123456789abcdefghijkl\n");
  Put("/etc/prometheus/notes.txt", "not a configuration\n");
  Snapshot snap = Collect();
  for (const char* f : {"/etc/prometheus/prometheus.yml", "/etc/prometheus/alerts.yml", "/etc/prometheus/recording.yaml",
                        "/etc/prometheus/node.rules", "/etc/prometheus/rules/team/db.yaml",
                        "/etc/prometheus/rules/host.yml"}) {
    EXPECT_NE(snap.File(f), nullptr) << f;
  }
  EXPECT_EQ(snap.File("/etc/prometheus/web.yml"), nullptr);
  EXPECT_EQ(snap.File("/etc/prometheus/notes.txt"), nullptr);
}

// Without root, stat cannot look into /root: its entries are "unreachable", not "missing"; an
// entry whose folder can be searched stays "missing".
TEST_F(CollectorFiles, StatPathsTellsUnreachableFromMissing) {
  if (geteuid() != 0 || !fs::exists("/usr/bin/setpriv")) GTEST_SKIP() << "needs root and setpriv to drop it";
  Put("/root/.ssh/authorized_keys", "ssh-ed25519 AAAA k\n");
  Put("/etc/ssh/sshd_config", "Port 22\n");
  fs::permissions(root_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(root_ + "/etc", fs::perms::owner_all | fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(root_ + "/root", fs::perms::owner_all);
  Snapshot snap = Collect({"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"});
  const CommandResult* stat = snap.Command("stat-paths");
  ASSERT_NE(stat, nullptr);
  std::string out = stat->output.value_or("");
  EXPECT_NE(out.find("/root/.ssh|-|-|-|unreachable\n"), std::string::npos) << out;
  EXPECT_NE(out.find("/root/.ssh/authorized_keys|-|-|-|unreachable\n"), std::string::npos) << out;
  EXPECT_NE(out.find("/var/lib/mongodb|-|-|-|missing\n"), std::string::npos) << out;
  EXPECT_NE(out.find("/etc/ssh/sshd_config|"), std::string::npos) << out;
}

// As root the same paths are reached: the key file is stat'ed, an absent one is missing.
TEST_F(CollectorFiles, StatPathsAsRootReachesEverything) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root";
  Put("/root/.ssh/authorized_keys", "ssh-ed25519 AAAA k\n");
  fs::permissions(root_ + "/root", fs::perms::owner_all);
  Snapshot snap = Collect();
  const CommandResult* stat = snap.Command("stat-paths");
  ASSERT_NE(stat, nullptr);
  std::string out = stat->output.value_or("");
  EXPECT_NE(out.find("/root/.ssh/authorized_keys|root|root|"), std::string::npos) << out;
  EXPECT_NE(out.find("/var/lib/mongodb|-|-|-|missing\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("unreachable"), std::string::npos) << out;
}

// The paths of a plan's checks are statted too, whatever characters a shell would care about; a
// path the probe already has is listed once; an invalid one never reaches the script.
TEST_F(CollectorFiles, StatPathsAddsTheCallersPaths) {
  Put("/srv/mail/vmail/.keep", "");
  Put("/srv/it's $HOME `x`/a b", "");
  fs::permissions(root_ + "/srv/mail/vmail", fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
  Snapshot snap =
      Collect({}, {"/srv/mail/vmail", "/srv/it's $HOME `x`/a b", "/srv/none", "/etc/shadow", "relative/path", "/a|b"});
  const CommandResult* stat = snap.Command("stat-paths");
  ASSERT_NE(stat, nullptr);
  std::string out = "\n" + stat->output.value_or("");
  const std::string me = getpwuid(geteuid())->pw_name, group = getgrgid(getegid())->gr_name;
  EXPECT_NE(out.find("\n/srv/mail/vmail|" + me + "|" + group + "|750|directory\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\n/srv/it's $HOME `x`/a b|"), std::string::npos) << out;
  EXPECT_NE(out.find("\n/srv/none|-|-|-|missing\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("/etc/shadow|", out.find("/etc/shadow|") + 1), std::string::npos) << out;
  EXPECT_EQ(out.find("relative/path"), std::string::npos) << out;
  EXPECT_EQ(out.find("/a|b"), std::string::npos) << out;
}

TEST(StatPathsRequest, OnlyAbsoluteOneLinePathsWithoutTheSeparator) {
  EXPECT_TRUE(IsStatPath("/var/mail/vmail"));
  EXPECT_TRUE(IsStatPath("/srv/it's here"));
  EXPECT_FALSE(IsStatPath(""));
  EXPECT_FALSE(IsStatPath("var/mail"));
  EXPECT_FALSE(IsStatPath("/a|b"));
  EXPECT_FALSE(IsStatPath("/a\nb"));
  EXPECT_FALSE(IsStatPath(std::string("/a\0b", 4)));
  EXPECT_EQ(CollectorScriptStatting({}), std::string(CollectorScript()));
  EXPECT_EQ(CollectorScriptStatting({"/x", "/it's", "/x"}),
            "SHIPSHAPE_STAT_PATHS='/x\n/it'\\''s\n'\n" + std::string(CollectorScript()));
}

}  // namespace
}  // namespace shipshape
