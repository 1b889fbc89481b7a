// Tests of the ps parser (table `processes`).
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

// ps -eo pid,user,rss,etimes,comm,args --no-headers (procps-ng 4.0.2) on a Debian 12 host up two
// weeks: sshd, nginx, PostgreSQL, Docker with a published port. Where RSS overflows its column,
// ps realigns by eating the padding of ETIMES (line 9) or, when there is none left, of COMM (line 13).
constexpr const char* kPs =
    "    1 root     12904 1209600 systemd         /sbin/init\n"
    "    2 root         0 1209600 kthreadd        [kthreadd]\n"
    "   41 root         0 1209598 kworker/1:1-eve [kworker/1:1-events]\n"
    "  498 root      5220 1209592 dhclient        /sbin/dhclient -4 -v -i -pf /run/dhclient.eth0.pid eth0\n"
    "  612 root      8960 1209588 sshd            sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups\n"
    "  801 postgres 30116 1209580 postgres        /usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main "
    "-c config_file=/etc/postgresql/15/main/postgresql.conf\n"
    " 1000 root      1620 1209570 nginx           nginx: master process /usr/sbin/nginx -g daemon on; "
    "master_process on;\n"
    " 1001 www-data  5904 1209570 nginx           nginx: worker process\n"
    " 1120 root     112340 864000 dockerd         /usr/bin/dockerd -H fd:// "
    "--containerd=/run/containerd/containerd.sock\n"
    " 1234 root      3952  864000 docker-proxy    /usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 "
    "-container-ip 172.18.0.2 -container-port 8080\n"
    " 1502 systemd+  6400 1209590 systemd-timesyn /lib/systemd/systemd-timesyncd\n"
    " 2210 root      4420    3600 tmux: server    tmux new -s work\n"
    " 2301 app      2254120 1209500 node          node /srv/app/server.js --db-password [REDACTED class=ok len=24]\n"
    " 3100 root         0       5 sh              [sh] <defunct>\n";

TEST(ProcessesParser, ReadsDebian12ProcessList) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("ps", kPs, 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  for (const Diagnostic& d : diags.all()) EXPECT_NE(d.file, "cmd/ps.out") << d.ToString();
  EXPECT_EQ(Query(*db,
                  "SELECT pid, user, rss_bytes, elapsed_seconds, comm, args, file, line, kernel_thread "
                  "FROM processes WHERE pid IN (612, 1502) ORDER BY pid"),
            (Rows{{"612", "root", "9175040", "1209588", "sshd",
                   "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups", "cmd/ps.out", "5", "0"},
                  {"1502", "systemd+", "6553600", "1209590", "systemd-timesyn", "/lib/systemd/systemd-timesyncd",
                   "cmd/ps.out", "11", "0"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*), sum(kernel_thread) FROM processes"), (Rows{{"14", "2"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE source = 'cmd/ps.out'"), Rows{{"ok"}});
}

TEST(ProcessesParser, RealignedColumnsAndSpacesInCommStillSplitRight) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("ps", kPs, 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db,
                  "SELECT pid, rss_bytes, elapsed_seconds, comm, args FROM processes "
                  "WHERE pid IN (1120, 2210, 2301) ORDER BY pid"),
            (Rows{{"1120", "115036160", "864000", "dockerd",
                   "/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock"},
                  {"2210", "4526080", "3600", "tmux: server", "tmux new -s work"},
                  {"2301", "2308218880", "1209500", "node",
                   "node /srv/app/server.js --db-password [REDACTED class=ok len=24]"}}));
  EXPECT_EQ(Query(*db, "SELECT comm, args, kernel_thread FROM processes WHERE pid IN (41, 3100) ORDER BY pid"),
            (Rows{{"kworker/1:1-eve", "[kworker/1:1-events]", "1"}, {"sh", "[sh] <defunct>", "0"}}));
}

TEST(ProcessesParser, MalformedLinesAreReportedWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("ps",
               "    1 root     12904 1209600 systemd         /sbin/init\n"
               "  PID USER       RSS ELAPSED COMMAND         COMMAND\n"
               "  612 root      8960\n"
               "  613 root      -1 1209588 sshd            sshd\n"
               "  614 root      8960 1209588\n",
               0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 4u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: cmd/ps.out:2: expected PID USER RSS ETIMES COMM ARGS");
  EXPECT_EQ(diags.all()[1].ToString(), "h: cmd/ps.out:3: expected PID USER RSS ETIMES COMM ARGS");
  EXPECT_EQ(diags.all()[2].ToString(), "h: cmd/ps.out:4: RSS or ETIMES is out of range");
  EXPECT_EQ(diags.all()[3].ToString(), "h: cmd/ps.out:5: COMM and ARGS are missing");
  EXPECT_EQ(Query(*db, "SELECT pid, comm FROM processes"), (Rows{{"1", "systemd"}}));
  EXPECT_EQ(Query(*db, "SELECT DISTINCT state FROM coverage WHERE category = 'resources'"), Rows{{"error"}});
}

TEST(ProcessesParser, EmptyOutputIsMalformed) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("ps", "", 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: cmd/ps.out: no process lines (ps always lists itself)");
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE source = 'cmd/ps.out'"), Rows{{"error"}});
}

}  // namespace
}  // namespace shipshape
