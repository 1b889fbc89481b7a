// Proves the loopback sshd harness (root, sudo and plain users, black hole) and remote collection through it.
#include "ssh/loopback_sshd.h"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>

#include "base/file_io.h"
#include "base/process.h"
#include "collect/local_collector.h"
#include "snapshot/snapshot.h"
#include "test_paths.h"

namespace shipshape::testing {
namespace {

// One sshd and two users for the whole suite: starting them is the slow part.
class LoopbackSshdTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    skip_ = LoopbackSshdSkipReason();
    if (!skip_.empty()) return;
    auto setup = StartLoopbackSetup();
    if (!setup.ok()) {
      error_ = setup.status().ToString();
      return;
    }
    setup_ = std::move(*setup);
  }
  static void TearDownTestSuite() { setup_.reset(); }
  void SetUp() override {
    if (!skip_.empty()) GTEST_SKIP() << skip_;
    ASSERT_TRUE(setup_ != nullptr) << error_;
  }

  static ProcessResult Ssh(const std::string& user, const std::vector<std::string>& remote,
                           const std::string& input = "") {
    auto r = RunProcess(setup_->sshd->SshArgv(user, remote), input, 60);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : ProcessResult{};
  }

  static std::string skip_, error_;
  static std::unique_ptr<LoopbackSetup> setup_;
};
std::string LoopbackSshdTest::skip_, LoopbackSshdTest::error_;
std::unique_ptr<LoopbackSetup> LoopbackSshdTest::setup_;

TEST_F(LoopbackSshdTest, RootLogsInWithTheClientKey) {
  ProcessResult r = Ssh("root", {"id", "-u"});
  EXPECT_EQ(r.exit_code, 0) << r.err << setup_->sshd->Log();
  EXPECT_EQ(r.out, "0\n");
}

TEST_F(LoopbackSshdTest, TemporaryUsersLogInWithTheirOwnUid) {
  for (const TempUser* user : {setup_->sudo_user.get(), setup_->plain_user.get()}) {
    ASSERT_NE(user->uid(), 0u);
    ProcessResult r = Ssh(user->name(), {"id", "-u"});
    EXPECT_EQ(r.exit_code, 0) << user->name() << ": " << r.err << setup_->sshd->Log();
    EXPECT_EQ(r.out, std::to_string(user->uid()) + "\n") << user->name();
  }
}

TEST_F(LoopbackSshdTest, OnlyTheSudoUserHasPasswordlessSudo) {
  ProcessResult with = Ssh(setup_->sudo_user->name(), {"sudo", "-n", "id", "-u"});
  EXPECT_EQ(with.exit_code, 0) << with.err;
  EXPECT_EQ(with.out, "0\n");
  ProcessResult without = Ssh(setup_->plain_user->name(), {"sudo", "-n", "true"});
  EXPECT_EQ(without.exit_code, 1) << without.err;  // sudo: a password is required
  EXPECT_NE(without.err.find("sudo"), std::string::npos) << without.err;
}

TEST_F(LoopbackSshdTest, UnknownKeyIsRefused) {
  // The harness grants the client key only: a fresh key is refused (key auth is really checked).
  auto dir = MakeTempDir("shipshape-key.");
  ASSERT_TRUE(dir.ok());
  auto gen = RunProcess({"ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", *dir + "/k"}, "", 20);
  ASSERT_TRUE(gen.ok() && gen->exit_code == 0);
  auto r = RunProcess(LoopbackSshArgv(setup_->sshd->port(), *dir + "/k", "root", {"true"}, 5), "", 30);
  RemoveTree(*dir);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->exit_code, 255);
  EXPECT_NE(r->err.find("Permission denied"), std::string::npos) << r->err;
}

// Remote collection as DESIGN.md describes it: the collector arrives on ssh's standard input
// (`sh -s -- -`, like the local `/bin/sh -s -- DIR`) and streams the snapshot back as a .tar.gz
// on standard output. Returns the archive loaded with LoadSnapshot.
Result<Snapshot> CollectOverSsh(const LoopbackSshd& sshd, const std::string& user, const std::string& dir) {
  auto r = RunProcess(sshd.SshArgv(user, {"env", "SHIPSHAPE_METHOD=ssh", "sh", "-s", "--", "-"}),
                      std::string(CollectorScript()), 120);
  if (!r.ok()) return r.status();
  if (r->exit_code != 0) return Status::Io("remote collector exited " + std::to_string(r->exit_code) + ": " + r->err);
  std::string archive = dir + "/" + user + ".tar.gz";
  if (Status st = WriteWholeFile(archive, r->out); !st.ok()) return st;
  return LoadSnapshot(archive);
}

// What must be the same in two collections of one machine: file paths and command names with
// exit codes (not contents: ps, ss, date, /proc differ by nature). Traces of concurrently running
// harnesses (shipshape-t-* users and sudoers drop-ins) are left out.
std::set<std::string> Shape(const Snapshot& snap) {
  std::set<std::string> shape;
  for (const auto& [path, content] : snap.files()) {
    if (path.find("shipshape-t-") == std::string::npos) shape.insert("file " + path);
  }
  for (const auto& [name, cmd] : snap.commands()) {
    // du exits 1 when a file vanishes while it walks (logs rotated, temp files of parallel tests).
    std::string rc = name.rfind("du-", 0) == 0 ? "" : " rc=" + (cmd.exit_code ? std::to_string(*cmd.exit_code) : "-");
    shape.insert("cmd " + name + rc + (cmd.output ? " out" : ""));
  }
  return shape;
}

TEST_F(LoopbackSshdTest, RootRemoteSnapshotMatchesALocalCollection) {
  auto dir = MakeTempDir("shipshape-remote.");
  ASSERT_TRUE(dir.ok());
  auto local = RunProcess({BinaryPath(), "collect", "local", "-o", *dir + "/local.tar.gz"}, "", 120);
  ASSERT_TRUE(local.ok() && local->exit_code == 0) << (local.ok() ? local->err : local.status().ToString());
  auto local_snap = LoadSnapshot(*dir + "/local.tar.gz");
  auto remote_snap = CollectOverSsh(*setup_->sshd, "root", *dir);
  RemoveTree(*dir);
  ASSERT_TRUE(local_snap.ok()) << local_snap.status().ToString();
  ASSERT_TRUE(remote_snap.ok()) << remote_snap.status().ToString();
  EXPECT_EQ(remote_snap->meta().method, "ssh");
  EXPECT_EQ(remote_snap->meta().host, local_snap->meta().host);
  EXPECT_TRUE(remote_snap->meta().privileged);
  EXPECT_EQ(remote_snap->meta().privileged, local_snap->meta().privileged);
  EXPECT_EQ(remote_snap->meta().collector, local_snap->meta().collector);
  ASSERT_NE(remote_snap->File("/etc/os-release"), nullptr);
  EXPECT_EQ(*remote_snap->File("/etc/os-release"), *local_snap->File("/etc/os-release"));
  ASSERT_NE(remote_snap->CommandOk("sshd-T"), nullptr);
  EXPECT_EQ(*remote_snap->CommandOk("sshd-T"), *local_snap->CommandOk("sshd-T"));
  std::set<std::string> remote_shape = Shape(*remote_snap), local_shape = Shape(*local_snap);
  EXPECT_GT(remote_shape.size(), 20u);
  EXPECT_EQ(remote_shape, local_shape);
}

TEST_F(LoopbackSshdTest, RemoteCollectionUsesSudoOnlyWhereAllowed) {
  auto dir = MakeTempDir("shipshape-remote.");
  ASSERT_TRUE(dir.ok());
  auto with = CollectOverSsh(*setup_->sshd, setup_->sudo_user->name(), *dir);
  auto without = CollectOverSsh(*setup_->sshd, setup_->plain_user->name(), *dir);
  RemoveTree(*dir);
  ASSERT_TRUE(with.ok()) << with.status().ToString();
  ASSERT_TRUE(without.ok()) << without.status().ToString();
  EXPECT_TRUE(with->meta().privileged);
  EXPECT_FALSE(without->meta().privileged);
  // Root-only reads succeed through sudo -n and fail without it.
  ASSERT_NE(with->Command("sshd-T"), nullptr);
  ASSERT_NE(without->Command("sshd-T"), nullptr);
  EXPECT_EQ(with->Command("sshd-T")->exit_code, 0);
  EXPECT_NE(without->Command("sshd-T")->exit_code, 0);
  EXPECT_GT(with->files().size(), without->files().size());
}

TEST(LoopbackBlackHole, SshTimesOutWithinTheConnectTimeout) {
  if (std::string why = LoopbackSshdSkipReason(); !why.empty()) GTEST_SKIP() << why;
  auto hole = BlackHole::Start();
  ASSERT_TRUE(hole.ok()) << hole.status().ToString();
  auto start = std::chrono::steady_clock::now();
  auto r = RunProcess(LoopbackSshArgv((*hole)->port(), "/dev/null", "root", {"true"}, 2), "", 30);
  auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->timed_out);  // ssh gave up by itself, not killed by RunProcess
  EXPECT_EQ(r->exit_code, 255);
  EXPECT_NE(r->err.find("timed out"), std::string::npos) << r->err;
  EXPECT_GE((*hole)->accepted(), 1);
  EXPECT_GE(elapsed, std::chrono::seconds(1));
  EXPECT_LT(elapsed, std::chrono::seconds(15));
}

}  // namespace
}  // namespace shipshape::testing
