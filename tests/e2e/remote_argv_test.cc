// End-to-end: hostile target names and --ssh-option values reach ssh as single arguments, and no
// shell runs them on the controller (a recording stand-in for ssh is first in PATH).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>

#include "base/file_io.h"
#include "base/process.h"
#include "base/strings.h"
#include "test_paths.h"

namespace shipshape::testing {
namespace {

class RemoteArgv : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dir = MakeTempDir("shipshape-argv.");
    ASSERT_TRUE(dir.ok());
    dir_ = *dir;
    // The stand-in writes each argument followed by NUL to a file of its own (runs are parallel),
    // then fails like ssh.
    ASSERT_TRUE(WriteWholeFile(dir_ + "/ssh",
                               "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > '" + dir_ +
                                   "/argv.'$$\necho 'ssh: Could not resolve hostname x: Name or service not known' >&2\n"
                                   "exit 255\n").ok());
    ASSERT_EQ(chmod((dir_ + "/ssh").c_str(), 0755), 0);
    const char* path = std::getenv("PATH");
    old_path_ = path ? path : "";
    setenv("PATH", (dir_ + ":" + old_path_).c_str(), 1);
  }
  void TearDown() override {
    setenv("PATH", old_path_.c_str(), 1);
    RemoveTree(dir_);
  }
  // Every recorded ssh run as its argv.
  std::vector<std::vector<std::string>> Runs() {
    std::vector<std::vector<std::string>> runs;
    auto files = ListFilesRecursive(dir_);
    if (!files.ok()) return runs;
    for (const std::string& name : *files) {
      if (!StartsWith(name, "argv.")) continue;
      auto text = ReadWholeFile(dir_ + "/" + name);
      if (!text.ok()) continue;
      std::vector<std::string> argv;
      for (std::string_view arg : Split(*text, '\0')) argv.emplace_back(arg);
      if (!argv.empty() && argv.back().empty()) argv.pop_back();  // after the last NUL
      runs.push_back(argv);
    }
    return runs;
  }

  std::string dir_, old_path_;
};

TEST_F(RemoteArgv, HostileHostAndOptionAreOneArgumentEachAndNothingRuns) {
  std::string marker = dir_ + "/pwned";
  std::string host = "h'\"; touch " + marker + "; $(touch " + marker + ") `touch " + marker + "`\nx";
  std::string option = "ProxyJump=$(touch " + marker + "); 'q\" z";
  std::vector<std::string> args = {BinaryPath(), "audit", "ssh://" + host, "u s$(id)@" + std::string("a;b c"),
                                   "--ssh-option", option, "--timeout", "5"};
  auto r = RunProcess(args, "", 60);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->exit_code, 3) << r->err;
  EXPECT_FALSE(IsRegularFile(marker)) << "a shell ran part of a target name";
  auto runs = Runs();
  ASSERT_EQ(runs.size(), 2u) << "one probe per target (it fails, so no collection)";
  bool saw_host = false, saw_user = false;
  for (const auto& argv : runs) {
    size_t dashdash = std::find(argv.begin(), argv.end(), "--") - argv.begin();
    ASSERT_LT(dashdash + 1, argv.size());
    EXPECT_EQ(argv[0], "-o");  // "$@" of the stand-in: argv without the program
    EXPECT_EQ(argv[1], option);
    if (argv[dashdash + 1] == host) saw_host = true;
    if (argv[dashdash + 1] == "a;b c") {
      auto l = std::find(argv.begin(), argv.end(), "-l");
      ASSERT_NE(l, argv.end());
      EXPECT_EQ(*(l + 1), "u s$(id)");
      saw_user = true;
    }
    EXPECT_EQ(std::vector<std::string>(argv.begin() + dashdash + 2, argv.end()),
              (std::vector<std::string>{"uname", "-s"}));
  }
  EXPECT_TRUE(saw_host);
  EXPECT_TRUE(saw_user);
  // Each failure is one line: the newline of the host name is written as \n.
  EXPECT_NE(r->err.find("touch " + marker + "`\\nx: could not resolve host name\n"), std::string::npos) << r->err;
  EXPECT_NE(r->err.find("shipshape audit: a;b c: could not resolve host name\n"), std::string::npos) << r->err;
}

// A host that answers but is not Linux, and one without a shell, fail on their own line each.
TEST_F(RemoteArgv, HostThatIsNotLinuxOrHasNoShellIsReportedWithTheReason) {
  ASSERT_TRUE(WriteWholeFile(dir_ + "/ssh",
                             "#!/bin/sh\nwhile [ $# -gt 0 ] && [ \"$1\" != -- ]; do shift; done\n"
                             "[ $# -gt 0 ] && shift\n"
                             "case \"$1\" in\n"
                             "  bsd) echo FreeBSD; exit 0 ;;\n"
                             "  noshell) echo 'This account is currently not available.' >&2; exit 127 ;;\n"
                             "esac\nexit 255\n").ok());
  auto r = RunProcess({BinaryPath(), "audit", "ssh://bsd", "ssh://noshell", "--timeout", "5", "--no-history"}, "", 60);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->exit_code, 3) << r->err;
  EXPECT_NE(r->err.find("shipshape audit: bsd: not Linux (uname -s: FreeBSD)\n"), std::string::npos) << r->err;
  EXPECT_NE(r->err.find("shipshape audit: noshell: no shell to run commands"), std::string::npos) << r->err;
}

}  // namespace
}  // namespace shipshape::testing
