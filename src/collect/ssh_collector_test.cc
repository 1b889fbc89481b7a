// The ssh argv and the one-line reasons for ssh failures.
#include "collect/ssh_collector.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace shipshape {
namespace {

TEST(SshCollector, ArgvPutsUserArgsFirstAndTheDestinationAfterDashDash) {
  SshEndpoint e{"-oProxyCommand=x", "u s", 2222, "/k", {"-o", "ConnectTimeout=99"}};
  SshCollectOptions o;
  o.timeout_seconds = 7;
  o.control_dir = "/tmp/c";
  std::vector<std::string> argv = SshArgv(e, o, {"uname", "-s"});
  std::vector<std::string> want = {"ssh", "-o", "ConnectTimeout=99", "-o", "BatchMode=yes", "-o", "ConnectTimeout=7",
                                   "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3",
                                   "-o", "ControlMaster=auto", "-o", "ControlPath=/tmp/c/%C", "-o", "ControlPersist=30",
                                   "-i", "/k", "-p", "2222", "-l", "u s", "--", "-oProxyCommand=x", "uname", "-s"};
  EXPECT_EQ(argv, want);
}

TEST(SshCollector, FailureReasons) {
  auto reason = [](const std::string& err, int code = 255, bool timed_out = false) {
    ProcessResult r;
    r.exit_code = code;
    r.timed_out = timed_out;
    r.err = err;
    return DescribeSshFailure(r, 120, 10);
  };
  EXPECT_EQ(reason("ssh: connect to host h port 22: Connection refused\r\n"), "connection refused");
  EXPECT_EQ(reason("root@h: Permission denied (publickey,password).\n"), "permission denied (publickey,password)");
  EXPECT_EQ(reason("Connection timed out during banner exchange\n"), "timed out after 10s");
  EXPECT_EQ(reason("", -1, true), "timed out after 120s");
  EXPECT_EQ(reason("ssh: Could not resolve hostname h: Name or service not known\n"), "could not resolve host name");
  EXPECT_EQ(reason("Host key verification failed.\n").substr(0, 29), "host key verification failed ");
  EXPECT_EQ(reason("kex_exchange_identification: Connection closed by remote host\n"), "connection closed by the server");
  EXPECT_EQ(reason("weird\nsomething odd\x1b[0m\n"), "ssh: something odd [0m");
  EXPECT_EQ(reason(""), "ssh failed (status 255)");
  EXPECT_EQ(reason("Connection refused", 1), "") << "not ssh's own failure";
}

}  // namespace
}  // namespace shipshape
