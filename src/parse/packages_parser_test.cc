// Tests of the package list parser (table `packages`).
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

// dpkg-query -W -f '${Package}\t${Version}\t${db:Status-Abbrev}\n' on a Debian 12 host running
// sshd, nginx, PostgreSQL 15 and Docker: an old kernel removed with its config kept (rc), containerd
// held (hi), a package left half-configured by an interrupted upgrade (iF).
constexpr const char* kDpkg =
    "adduser\t3.134\tii \n"
    "base-files\t12.4+deb12u5\tii \n"
    "containerd.io\t1.6.33-1\thi \n"
    "docker-ce\t5:26.1.4-1~debian.12~bookworm\tii \n"
    "libc6\t2.36-9+deb12u7\tii \n"
    "libc6\t2.36-9+deb12u7\tii \n"
    "libssl3\t3.0.13-1~deb12u1\tii \n"
    "linux-image-6.1.0-18-amd64\t6.1.76-1\trc \n"
    "linux-image-6.1.0-21-amd64\t6.1.90-1\tii \n"
    "nginx\t1.22.1-9\tii \n"
    "openssh-server\t1:9.2p1-2+deb12u2\tii \n"
    "postgresql-15\t15.6-0+deb12u1\tiF \n"
    "sudo\t1.9.13p3-1+deb12u1\tii \n";

// rpm -qa --qf '%{NAME}\t%{VERSION}-%{RELEASE}\n' on Rocky Linux 9: two kernels and a GPG key.
constexpr const char* kRpm =
    "bash\t5.1.8-9.el9\n"
    "kernel\t5.14.0-427.13.1.el9_4\n"
    "kernel\t5.14.0-362.24.1.el9_3\n"
    "openssh-server\t8.7p1-38.el9\n"
    "gpg-pubkey\t350d275d-6279464b\n";

TEST(PackagesParser, DebianHostListsInstalledHeldAndRemovedPackages) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("dpkg", kDpkg, 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  for (const Diagnostic& d : diags.all()) EXPECT_NE(d.file, "cmd/dpkg.out") << d.ToString();
  EXPECT_EQ(Query(*db,
                  "SELECT name, version, status, installed, manager, file, line FROM packages "
                  "WHERE name IN ('openssh-server', 'containerd.io', 'linux-image-6.1.0-18-amd64', "
                  "'postgresql-15') ORDER BY line"),
            (Rows{{"containerd.io", "1.6.33-1", "hi", "1", "dpkg", "cmd/dpkg.out", "3"},
                  {"linux-image-6.1.0-18-amd64", "6.1.76-1", "rc", "0", "dpkg", "cmd/dpkg.out", "8"},
                  {"openssh-server", "1:9.2p1-2+deb12u2", "ii", "1", "dpkg", "cmd/dpkg.out", "11"},
                  {"postgresql-15", "15.6-0+deb12u1", "iF", "0", "dpkg", "cmd/dpkg.out", "12"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*), sum(installed) FROM packages"), (Rows{{"13", "11"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE source = 'cmd/dpkg.out'"), Rows{{"ok"}});
}

TEST(PackagesParser, RpmHostRowsAreInstalled) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("rpm", kRpm, 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db,
                  "SELECT name, version, status, installed, manager, file FROM packages WHERE name = 'kernel' "
                  "ORDER BY line"),
            (Rows{{"kernel", "5.14.0-427.13.1.el9_4", "ii", "1", "rpm", "cmd/rpm.out"},
                  {"kernel", "5.14.0-362.24.1.el9_3", "ii", "1", "rpm", "cmd/rpm.out"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM packages"), Rows{{"5"}});
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE source = 'cmd/rpm.out'"), Rows{{"ok"}});
}

TEST(PackagesParser, EmptyRpmDatabaseBesideDpkgIsNotAnError) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("dpkg", kDpkg, 0);
  s.PutCommand("rpm", "", 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Query(*db, "SELECT DISTINCT manager FROM packages"), Rows{{"dpkg"}});
  EXPECT_EQ(Query(*db, "SELECT source, state FROM coverage WHERE source IN ('cmd/dpkg.out', 'cmd/rpm.out')"),
            (Rows{{"cmd/dpkg.out", "ok"}}));
}

TEST(PackagesParser, MalformedDpkgLinesAreReportedWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("dpkg",
               "openssh-server\t1:9.2p1-2+deb12u2\tii \n"
               "nginx 1.22.1-9 ii\n"
               "sudo\t1.9.13p3-1+deb12u1\tzz \n"
               "\t1.0\tii \n"
               "curl\t\tii \n"
               "old-package\t\tun \n",
               0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  std::vector<std::string> messages;
  for (const Diagnostic& d : diags.all()) {
    if (d.file == "cmd/dpkg.out") messages.push_back(d.ToString());
  }
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "h: cmd/dpkg.out:2: expected Package<TAB>Version<TAB>Status-Abbrev",
                          "h: cmd/dpkg.out:3: status is not a dpkg status abbreviation such as 'ii' or 'rc'",
                          "h: cmd/dpkg.out:4: package name is empty or has spaces or control characters",
                          "h: cmd/dpkg.out:5: version is empty for a package that is not 'not-installed'"}));
  EXPECT_EQ(Query(*db, "SELECT name, version, installed FROM packages ORDER BY line"),
            (Rows{{"openssh-server", "1:9.2p1-2+deb12u2", "1"}, {"old-package", "", "0"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE source = 'cmd/dpkg.out'"),
            (Rows{{"error"}, {"error"}, {"error"}, {"error"}}));
}

TEST(PackagesParser, MalformedRpmLineIsReported) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("rpm", "bash\t5.1.8-9.el9\nkernel\t5.14.0\nopenssh-server\n", 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 2u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: cmd/rpm.out:2: expected VERSION-RELEASE after the tab");
  EXPECT_EQ(diags.all()[1].ToString(), "h: cmd/rpm.out:3: expected NAME<TAB>VERSION-RELEASE");
  EXPECT_EQ(Query(*db, "SELECT name FROM packages"), Rows{{"bash"}});
}

TEST(PackagesParser, FailedDpkgQueryMarksOsUnknown) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n");
  s.PutCommand("dpkg", "", 2);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT state, detail FROM coverage WHERE source = 'cmd/dpkg.out'"),
            (Rows{{"error", "dpkg exited with status 2"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM packages"), Rows{{"0"}});
}

}  // namespace
}  // namespace shipshape
