// End-to-end: `shipshape audit` and `collect` of remote targets against the loopback sshd harness.
#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "base/file_io.h"
#include "base/json.h"
#include "base/process.h"
#include "shipshape_cli.h"
#include "snapshot/snapshot.h"
#include "ssh/loopback_sshd.h"
#include "test_paths.h"

namespace shipshape::testing {
namespace {

using Clock = std::chrono::steady_clock;

struct HostLine {
  bool privileged = false;
  std::map<std::string, std::string> categories;
};

// hosts[] of a JSON report by host name.
std::map<std::string, HostLine> HostsOf(const std::string& json) {
  std::map<std::string, HostLine> hosts;
  auto doc = ParseJson(json, "report");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  if (!doc.ok()) return hosts;
  JsonRef list = doc->root()["hosts"];
  for (size_t i = 0; i < list.Size(); ++i) {
    HostLine& h = hosts[list.At(i)["host"].Str()];
    h.privileged = list.At(i)["privileged"].Bool();
    for (const char* c : {"firewall", "ssh", "os"}) h.categories[c] = list.At(i)["categories"][c].Str();
  }
  return hosts;
}

class RemoteAudit : public ::testing::Test {
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

  static std::string Url(const std::string& user, int port) {
    return "ssh://" + user + "@127.0.0.1:" + std::to_string(port);
  }
  // The harness key and a throw-away known_hosts, as a user would pass them.
  static std::vector<std::string> SshOptions() {
    return {"--ssh-option", "IdentityFile=" + setup_->sshd->client_key(),
            "--ssh-option", "IdentitiesOnly=yes",
            "--ssh-option", "UserKnownHostsFile=/dev/null",
            "--ssh-option", "StrictHostKeyChecking=no",
            "--ssh-option", "LogLevel=ERROR"};
  }
  static ProcessResult Audit(std::vector<std::string> args) {
    args.insert(args.begin(), "audit");
    for (const std::string& a : SshOptions()) args.push_back(a);
    return RunShipshape(args, 120);
  }

  static std::string skip_, error_;
  static std::unique_ptr<LoopbackSetup> setup_;
};
std::string RemoteAudit::skip_, RemoteAudit::error_;
std::unique_ptr<LoopbackSetup> RemoteAudit::setup_;

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

TEST_F(RemoteAudit, RootHostIsReportedUnderItsTargetName) {
  size_t logins = Count(setup_->sshd->Log(), "Accepted publickey for root");
  ProcessResult a = Audit({Url("root", setup_->sshd->port()), "--format", "json"});
  ASSERT_EQ(a.exit_code, 0) << a.err << setup_->sshd->Log();
  // The probe and the collection share one connection (ControlMaster): one login.
  EXPECT_EQ(Count(setup_->sshd->Log(), "Accepted publickey for root"), logins + 1) << setup_->sshd->Log();
  auto hosts = HostsOf(a.out);
  ASSERT_EQ(hosts.size(), 1u) << a.out;
  ASSERT_TRUE(hosts.count("127.0.0.1")) << a.out;
  EXPECT_TRUE(hosts["127.0.0.1"].privileged);
  EXPECT_EQ(a.err.find('\r'), std::string::npos) << "progress drawn on a pipe: " << a.err;
}

TEST_F(RemoteAudit, SudoUserIsPrivilegedPlainUserIsNotAndItsFirewallIsUnknown) {
  int port = setup_->sshd->port();
  std::string sudo = setup_->sudo_user->name(), plain = setup_->plain_user->name();
  ProcessResult a = Audit({Url(sudo, port), Url(plain, port), "--format", "json", "--jobs", "2"});
  ASSERT_EQ(a.exit_code, 0) << a.err << setup_->sshd->Log();
  auto hosts = HostsOf(a.out);
  // One machine reached as two users: the aliases say which is which.
  std::string with = sudo + "@127.0.0.1:" + std::to_string(port),
              without = plain + "@127.0.0.1:" + std::to_string(port);
  ASSERT_TRUE(hosts.count(with) && hosts.count(without)) << a.out;
  EXPECT_TRUE(hosts[with].privileged);
  EXPECT_FALSE(hosts[without].privileged);
  EXPECT_EQ(hosts[without].categories["firewall"], "Unknown");
  EXPECT_NE(hosts[with].categories["firewall"], "Unknown");
}

TEST_F(RemoteAudit, RefusedAndSilentHostsFailOnOneLineEachOthersAreAudited) {
  auto hole = BlackHole::Start();
  ASSERT_TRUE(hole.ok()) << hole.status().ToString();
  int refused_port = 0;
  {
    auto gone = BlackHole::Start();  // a port that was free and is closed again: connection refused
    ASSERT_TRUE(gone.ok());
    refused_port = (*gone)->port();
  }
  std::string good = Url("root", setup_->sshd->port()), refused = Url("root", refused_port),
              silent = Url("root", (*hole)->port());
  auto start = Clock::now();
  ProcessResult a = Audit({silent, refused, good, "--format", "json", "--timeout", "4"});
  auto elapsed = Clock::now() - start;
  EXPECT_EQ(a.exit_code, 3) << a.err;
  auto hosts = HostsOf(a.out);
  EXPECT_EQ(hosts.size(), 1u) << a.out;
  EXPECT_TRUE(hosts.count("root@127.0.0.1:" + std::to_string(setup_->sshd->port()))) << a.out;
  EXPECT_NE(a.err.find("shipshape audit: root@127.0.0.1:" + std::to_string(refused_port) + ": connection refused\n"),
            std::string::npos)
      << a.err;
  EXPECT_NE(a.err.find("shipshape audit: root@127.0.0.1:" + std::to_string((*hole)->port()) + ": timed out after 4s\n"),
            std::string::npos)
      << a.err;
  EXPECT_LT(elapsed, std::chrono::seconds(25));
}

TEST_F(RemoteAudit, UnknownKeyIsPermissionDenied) {
  ProcessResult a = RunShipshape({"audit", Url("root", setup_->sshd->port()), "--ssh-option", "IdentityFile=/dev/null",
                                  "--ssh-option", "IdentitiesOnly=yes", "--ssh-option", "UserKnownHostsFile=/dev/null",
                                  "--ssh-option", "StrictHostKeyChecking=no", "--ssh-option", "LogLevel=ERROR"},
                                 120);
  EXPECT_EQ(a.exit_code, 3);
  EXPECT_NE(a.err.find("127.0.0.1: permission denied (publickey)\n"), std::string::npos) << a.err;
}

TEST_F(RemoteAudit, CollectWritesTheRemoteSnapshot) {
  auto dir = MakeTempDir("shipshape-remote-collect.");
  ASSERT_TRUE(dir.ok());
  std::vector<std::string> args = {"collect", Url("root", setup_->sshd->port()), "-o", *dir + "/r.tar.gz"};
  for (const std::string& a : SshOptions()) args.push_back(a);
  ProcessResult c = RunShipshape(args, 120);
  auto snap = LoadSnapshot(*dir + "/r.tar.gz");
  RemoveTree(*dir);
  ASSERT_EQ(c.exit_code, 0) << c.err;
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  EXPECT_EQ(snap->meta().host, "127.0.0.1");
  EXPECT_EQ(snap->meta().method, "ssh");
  EXPECT_TRUE(snap->meta().privileged);
  EXPECT_NE(snap->File("/etc/os-release"), nullptr);
}

// status over SSH: the remote collection stats the plan's paths (sent inside the script, so a quote
// or a space in a path reaches neither the remote login shell nor an argument vector).
TEST_F(RemoteAudit, StatusChecksThePlansPathsOnTheRemoteHost) {
  auto dir = MakeTempDir("shipshape-remote-status.");
  ASSERT_TRUE(dir.ok());
  const std::string spool = *dir + "/it's spool";
  ASSERT_TRUE(WriteWholeFile(spool + "/.keep", "").ok());
  const std::string plan = *dir + "/plan.yaml";
  ASSERT_TRUE(WriteWholeFile(plan,
                             "format: shipshape-plan/1\ntitle: Remote\nhosts: [127.0.0.1]\nmilestones:\n"
                             "  - id: \"1\"\n    groups:\n      - id: \"1.1\"\n        tasks:\n"
                             "          - id: a\n            title: Spool\n            accept:\n"
                             "              - {path: \"" +
                                 spool +
                                 "\", owner: root}\n"
                                 "          - id: b\n            title: Archive\n            accept:\n"
                                 "              - {path: \"" +
                                 *dir + "/archive\"}\n")
                  .ok());
  std::vector<std::string> args = {"status", plan, "--no-history", Url("root", setup_->sshd->port())};
  for (const std::string& a : SshOptions()) args.push_back(a);
  ProcessResult r = RunShipshape(args, 120);
  RemoveTree(*dir);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("50% (1 of 2 tasks done)"), std::string::npos) << r.out << r.err;
  EXPECT_NE(r.out.find(*dir + "/archive does not exist"), std::string::npos) << r.out;
}

// An Ansible inventory (-i) names the hosts, their ports, users, keys and ssh arguments; its aliases
// become the report's host names. A host of the inventory that refuses fails on its own line.
TEST_F(RemoteAudit, InventoryHostsAreAuditedUnderTheirAliases) {
  auto dir = MakeTempDir("shipshape-inventory.");
  ASSERT_TRUE(dir.ok());
  int refused_port = 0;
  {
    auto gone = BlackHole::Start();
    ASSERT_TRUE(gone.ok());
    refused_port = (*gone)->port();
  }
  std::string inventory = *dir + "/hosts.ini";
  ASSERT_TRUE(WriteWholeFile(
                  inventory,
                  "[web]\n"
                  "web-1 ansible_host=127.0.0.1 ansible_port=" +
                      std::to_string(setup_->sshd->port()) +
                      "\n"
                      "web-2 ansible_host=127.0.0.1 ansible_port=" +
                      std::to_string(refused_port) +
                      "\n\n[web:vars]\nansible_user=root\nansible_ssh_private_key_file=" + setup_->sshd->client_key() +
                      "\nansible_ssh_common_args='-o UserKnownHostsFile=/dev/null "
                      "-o StrictHostKeyChecking=no -o LogLevel=ERROR'\n")
                  .ok());
  ProcessResult a = RunShipshape({"audit", "-i", inventory, "--format", "json", "--timeout", "10"}, 120);
  ProcessResult broken = RunShipshape({"audit", "-i", *dir + "/missing.ini"}, 120);
  ASSERT_TRUE(WriteWholeFile(*dir + "/bad.ini", "[web]\nweb-1 ansible_port=notaport\n").ok());
  ProcessResult bad = RunShipshape({"audit", "-i", *dir + "/bad.ini"}, 120);
  RemoveTree(*dir);
  EXPECT_EQ(a.exit_code, 3) << a.err << setup_->sshd->Log();
  auto hosts = HostsOf(a.out);
  ASSERT_EQ(hosts.size(), 1u) << a.out;
  ASSERT_TRUE(hosts.count("web-1")) << a.out;
  EXPECT_TRUE(hosts["web-1"].privileged);
  EXPECT_NE(a.err.find("shipshape audit: web-2: connection refused\n"), std::string::npos) << a.err;
  EXPECT_EQ(broken.exit_code, 2) << broken.err;
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("bad.ini:2: "), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace shipshape::testing
