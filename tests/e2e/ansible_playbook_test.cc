// deploy/ansible/collect.yml run by the real ansible-playbook against the loopback sshd harness,
// and `shipshape audit FOLDER` of the fetched archives (and of archives from `collect -o`).
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <map>

#include "base/file_io.h"
#include "base/json.h"
#include "base/process.h"
#include "base/strings.h"
#include "ssh/loopback_sshd.h"
#include "test_paths.h"

namespace shipshape::testing {
namespace {

ProcessResult RunTool(const std::vector<std::string>& argv, int timeout_seconds = 120) {
  auto r = RunProcess(argv, "", timeout_seconds);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : ProcessResult{};
}

// host → privileged, from a JSON report.
std::map<std::string, bool> PrivilegedByHost(const std::string& json) {
  std::map<std::string, bool> hosts;
  auto doc = ParseJson(json, "report");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  if (!doc.ok()) return hosts;
  JsonRef list = doc->root()["hosts"];
  for (size_t i = 0; i < list.Size(); ++i) hosts[list.At(i)["host"].Str()] = list.At(i)["privileged"].Bool();
  return hosts;
}

class AnsiblePlaybook : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = *MakeTempDir("shipshape-ansible-test."); }
  void TearDown() override { RemoveTree(dir_); }
  std::string dir_;
};

TEST_F(AnsiblePlaybook, AuditsAFolderOfArchivesWrittenByCollect) {
  for (const char* name : {"one.tar.gz", "two.tgz"}) {
    ProcessResult c = RunTool({BinaryPath(), "collect", "local", "-o", dir_ + "/" + name});
    ASSERT_EQ(c.exit_code, 0) << c.err;
  }
  ASSERT_TRUE(WriteWholeFile(dir_ + "/notes.txt", "not a snapshot\n").ok());
  ProcessResult a = RunTool({BinaryPath(), "audit", dir_, "--format", "json"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  auto doc = ParseJson(a.out, "report");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->root()["hosts"].Size(), 2u) << "both archives are hosts of the fleet, notes.txt is not";
  EXPECT_FALSE(doc->root()["hosts"].At(0)["os"].Str().empty());
}

TEST_F(AnsiblePlaybook, CollectsEveryHostAndTheFolderAuditsAsOneFleet) {
  if (std::string why = LoopbackSshdSkipReason(); !why.empty()) GTEST_SKIP() << why;
  if (access("/usr/bin/ansible-playbook", X_OK) != 0) GTEST_SKIP() << "ansible-core is not installed";
  auto setup = StartLoopbackSetup();
  ASSERT_TRUE(setup.ok()) << setup.status().ToString();
  const LoopbackSshd& sshd = *(*setup)->sshd;
  const std::string port = std::to_string(sshd.port());
  // root, a user with passwordless sudo (become), a user without sudo (collected unprivileged).
  std::string inventory = "[fleet]\n";
  for (const auto& [alias, user] : std::vector<std::pair<std::string, std::string>>{
           {"web-root", "root"}, {"db-sudo", (*setup)->sudo_user->name()}, {"app-plain", (*setup)->plain_user->name()}}) {
    inventory += alias + " ansible_host=127.0.0.1 ansible_port=" + port + " ansible_user=" + user + "\n";
  }
  inventory += "[all:vars]\nansible_ssh_private_key_file=" + sshd.client_key() +
               "\nansible_ssh_transfer_method=piped\n"
               "ansible_ssh_common_args=\"-F /dev/null -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null\"\n";
  ASSERT_TRUE(WriteWholeFile(dir_ + "/inventory.ini", inventory).ok());
  const std::string snaps = dir_ + "/snapshots";
  ProcessResult play = RunTool({"ansible-playbook", "-i", dir_ + "/inventory.ini",
                            SourceDir() + "/deploy/ansible/collect.yml", "-e", "snapshot_dir=" + snaps}, 180);
  ASSERT_EQ(play.exit_code, 0) << play.out << play.err << sshd.Log();
  auto files = ListFilesRecursive(snaps);
  ASSERT_TRUE(files.ok());
  std::sort(files->begin(), files->end());
  EXPECT_EQ(*files, (std::vector<std::string>{"app-plain.tar.gz", "db-sudo.tar.gz", "web-root.tar.gz"}));
  ProcessResult audit = RunTool({BinaryPath(), "audit", snaps, "--format", "json"});
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  EXPECT_EQ(PrivilegedByHost(audit.out),
            (std::map<std::string, bool>{{"app-plain", false}, {"db-sudo", true}, {"web-root", true}}));
  // The temporary folders are gone from the target (this machine).
  auto tmp = RunProcess({"find", "/tmp", "-maxdepth", "1", "-name", "shipshape-collect.*"}, "", 10);
  ASSERT_TRUE(tmp.ok());
  EXPECT_EQ(tmp->out, "");
}

}  // namespace
}  // namespace shipshape::testing
