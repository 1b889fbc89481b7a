// Tests of accept checks over inline snapshots: each kind passes, fails with its reason, or is
// unknown when the facts are missing.
#include "plan/accept_checks.h"

#include <gtest/gtest.h>

#include "fact_query.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::LoadFactsOrDie;
using testing::MakeSnapshot;

AcceptCheck Path(const std::string& path, const std::string& owner, const std::string& mode) {
  AcceptCheck c;
  c.kind = AcceptCheck::Kind::kPath;
  c.path = path, c.owner = owner, c.mode = mode;
  return c;
}

AcceptCheck Port(int port, std::vector<std::string> only_on) {
  AcceptCheck c;
  c.kind = AcceptCheck::Kind::kPort;
  c.port = port;
  c.listens_only_on = std::move(only_on);
  return c;
}

AcceptCheck Service(const std::string& unit, std::optional<bool> active, std::optional<bool> enabled = {}) {
  AcceptCheck c;
  c.kind = AcceptCheck::Kind::kService;
  c.service = unit;
  c.active = active, c.enabled = enabled;
  return c;
}

AcceptCheck Query(AcceptCheck::Kind kind, const std::string& text) {
  AcceptCheck c;
  c.kind = kind;
  (kind == AcceptCheck::Kind::kRule ? c.rule : c.sql) = text;
  return c;
}

std::string Show(const CheckOutcome& o) { return CheckStateName(o.state) + ": " + o.reason; }

class AcceptChecks : public ::testing::Test {
 protected:
  void SetUp() override {
    Snapshot s = MakeSnapshot("mx1");
    s.PutCommand("stat-paths",
                 "/srv/mail|vmail|vmail|750|directory\n/srv/pg|root|root|755|directory\n"
                 "/srv/gone|-|-|-|missing\n/root/x|-|-|-|unreachable\n",
                 0);
    s.PutCommand("ss-listen",
                 "tcp   LISTEN 0      128      10.8.0.1:2222       0.0.0.0:*    users:((\"sshd\",pid=9,fd=3))\n"
                 "tcp   LISTEN 0      128       0.0.0.0:2222       0.0.0.0:*    users:((\"sshd\",pid=9,fd=4))\n"
                 "tcp   LISTEN 0      128      10.8.0.1:5432       0.0.0.0:*    users:((\"postgres\",pid=7,fd=4))\n",
                 0);
    s.PutCommand("systemctl-units",
                 "fail2ban.service   loaded active   running Fail2Ban Service\n"
                 "nginx.service      loaded inactive dead    A high performance web server\n",
                 0);
    // Shaped as Debian 12's systemd 252 prints them.
    s.PutCommand("systemctl-unit-files",
                 "fail2ban.service                       enabled  enabled\n"
                 "nginx.service                          disabled enabled\n"
                 "redis-server.service                   masked   enabled\n"
                 "wg-quick@.service                      disabled enabled\n"
                 "dbus.service                           static   -\n"
                 "apt-daily.timer                        enabled  enabled\n",
                 0);
    s.PutCommand("systemd-links",
                 "/etc/systemd/system/multi-user.target.wants/fail2ban.service\n"
                 "/etc/systemd/system/multi-user.target.wants/wg-quick@wg0.service\n"
                 "/etc/systemd/system/timers.target.wants/apt-daily.timer\n"
                 "/etc/systemd/system/multi-user.target.wants/redis-server.service\n",
                 0);
    s.PutFile("/etc/ssh/sshd_config", testing::ReadTestFile(testing::CorpusDir() + "/debian12/etc/ssh/sshd_config"));
    s.PutCommand("sshd-T", testing::ReadTestFile(testing::CorpusDir() + "/debian12/cmd/sshd-T.out"), 0);
    Snapshot bare = MakeSnapshot("bare");  // collected without root, nothing readable
    bare.meta().privileged = false;
    db_ = LoadFactsOrDie({s, bare});
    ASSERT_NE(db_, nullptr);
    std::vector<Status> errors;
    checker_ = std::make_unique<AcceptChecker>(*db_, LoadRules({}, &errors));
  }
  std::string Run(const AcceptCheck& c, const std::string& host = "mx1") { return Show(checker_->Evaluate(c, host)); }

  std::unique_ptr<FactDb> db_;
  std::unique_ptr<AcceptChecker> checker_;
};

TEST_F(AcceptChecks, PathOwnerAndMode) {
  EXPECT_EQ(Run(Path("/srv/mail/", "vmail", "0750")), "pass: /srv/mail is vmail:vmail 750");
  EXPECT_EQ(Run(Path("/srv/pg", "postgres", "")), "fail: /srv/pg is owned by root, not postgres");
  EXPECT_EQ(Run(Path("/srv/pg", "", "0700")), "fail: /srv/pg has mode 755, not 0700");
  EXPECT_EQ(Run(Path("/srv/gone", "", "")), "fail: /srv/gone does not exist");
  EXPECT_EQ(Run(Path("/root/x", "", "")), "unknown: /root/x could not be examined (a folder above it needs root)");
  EXPECT_EQ(Run(Path("/opt/else", "", "")),
            "unknown: /opt/else was not examined (not among the snapshot's stat-paths)");
}

TEST_F(AcceptChecks, PortListensOnlyOn) {
  EXPECT_EQ(Run(Port(2222, {"10.8.0.1"})), "fail: port 2222/tcp also listens on 0.0.0.0 (sshd)");
  EXPECT_EQ(Run(Port(2222, {"10.8.0.1", "0.0.0.0"})), "pass: port 2222/tcp listens only on 10.8.0.1, 0.0.0.0");
  EXPECT_EQ(Run(Port(5432, {"10.8.0.1"})), "pass: port 5432/tcp listens only on 10.8.0.1");
  EXPECT_EQ(Run(Port(25, {"10.8.0.1"})), "fail: nothing listens on port 25/tcp");
  EXPECT_EQ(Run(Port(22, {})), "pass: nothing listens on port 22/tcp");
  EXPECT_EQ(Run(Port(5432, {})), "fail: port 5432/tcp listens on 10.8.0.1 (postgres)");
  EXPECT_EQ(Run(Port(2222, {"10.8.0.1"}), "bare"), "unknown: no listening sockets of bare (ss-listen not collected)");
}

TEST(AcceptCheckPort, DockerPublishedPortsCount) {
  // Published ports need not show in ss (no userland proxy), and they bypass ufw.
  Snapshot s = MakeSnapshot("mx1");
  s.PutCommand("ss-listen", "tcp   LISTEN 0      128      10.8.0.1:22       0.0.0.0:*\n", 0);
  s.PutCommand("docker-inspect",
               testing::ReadTestFile(testing::FixturesDir() + "/docker/docker-inspect-28-compose.json"), 0);
  auto db = LoadFactsOrDie({s});
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(Show(CheckPort(db->db(), Port(5432, {"10.8.0.1"}), "mx1")),
            "fail: port 5432/tcp also listens on 0.0.0.0 (container shop-db-1)");
  EXPECT_EQ(Show(CheckPort(db->db(), Port(8080, {"127.0.0.1"}), "mx1")),
            "pass: port 8080/tcp listens only on 127.0.0.1");
}

TEST_F(AcceptChecks, ServiceState) {
  EXPECT_EQ(Run(Service("fail2ban.service", true)), "pass: fail2ban.service is active (running)");
  EXPECT_EQ(Run(Service("nginx.service", true)), "fail: nginx.service is inactive (dead)");
  EXPECT_EQ(Run(Service("nginx.service", false)), "pass: nginx.service is not running");
  EXPECT_EQ(Run(Service("redis.service", true)), "fail: redis.service is not installed or not loaded");
  EXPECT_EQ(Run(Service("fail2ban.service", true, true)),
            "pass: fail2ban.service is active (running); fail2ban.service is enabled (wanted by multi-user.target)");
  EXPECT_EQ(Run(Service("nginx.service", true, true)), "fail: nginx.service is inactive (dead)");
  EXPECT_EQ(Run(Service("fail2ban.service", true), "bare"),
            "unknown: no service units of bare (systemctl-units not collected)");
}

// Enabled at boot: the unit file's state, or an enable link for an instance of a template (which
// list-unit-files folds into the template).
TEST_F(AcceptChecks, ServiceEnabledAtBoot) {
  EXPECT_EQ(Run(Service("nginx.service", {}, true)), "fail: nginx.service is disabled");
  EXPECT_EQ(Run(Service("nginx.service", {}, false)), "pass: nginx.service is disabled");
  // Masked wins over a link left behind: the unit cannot start.
  EXPECT_EQ(Run(Service("redis-server.service", {}, false)), "pass: redis-server.service is masked");
  EXPECT_EQ(Run(Service("redis-server.service", {}, true)), "fail: redis-server.service is masked");
  EXPECT_EQ(Run(Service("wg-quick@wg0.service", {}, true)),
            "pass: wg-quick@wg0.service is enabled (wanted by multi-user.target)");
  EXPECT_EQ(Run(Service("wg-quick@wg1.service", {}, true)),
            "fail: wg-quick@wg1.service is not enabled (no enable link for this instance of a disabled template)");
  EXPECT_EQ(Run(Service("apt-daily.timer", {}, true)), "pass: apt-daily.timer is enabled (wanted by timers.target)");
  EXPECT_EQ(Run(Service("postfix.service", {}, true)), "fail: postfix.service has no unit file");
  EXPECT_EQ(Run(Service("postfix.service", {}, false)), "pass: postfix.service has no unit file");
  EXPECT_EQ(Run(Service("dbus.service", {}, true)),
            "unknown: dbus.service is static: it is not enabled itself, it starts when another unit pulls it in");
  EXPECT_EQ(Run(Service("fail2ban.service", {}, true), "bare"),
            "unknown: no unit files of bare (systemctl-unit-files not collected)");
}

TEST_F(AcceptChecks, RuleGivesNoFinding) {
  // Debian's default sshd_config leaves password authentication on.
  std::string out = Run(Query(AcceptCheck::Kind::kRule, "SSH-PASSWORD-AUTH"));
  EXPECT_EQ(out.rfind("fail: SSH-PASSWORD-AUTH: ", 0), 0u) << out;
  EXPECT_EQ(Run(Query(AcceptCheck::Kind::kRule, "SSH-EMPTY-PASSWORDS")), "pass: SSH-EMPTY-PASSWORDS gives no finding");
  EXPECT_EQ(Run(Query(AcceptCheck::Kind::kRule, "SSH-EMPTY-PASSWORDS"), "bare"),
            "unknown: SSH-EMPTY-PASSWORDS gives no finding, but no ssh facts in the snapshot");
}

TEST_F(AcceptChecks, SqlReturnsRows) {
  const std::string port = "SELECT 1 FROM sshd_settings WHERE host = :host AND key = 'port' AND value = '22'";
  EXPECT_EQ(Run(Query(AcceptCheck::Kind::kSql, port)), "pass: the query returns a row");
  const std::string other = "SELECT 1 FROM sshd_settings WHERE host = :host AND key = 'port' AND value = '2288'";
  EXPECT_EQ(Run(Query(AcceptCheck::Kind::kSql, other)), "fail: no row from: " + other);
  EXPECT_EQ(Run(Query(AcceptCheck::Kind::kSql, other), "bare"),
            "unknown: no sshd_settings facts of bare (not collected or not readable)");
  // As root an empty table is a real "none".
  const std::string cron = "SELECT 1 FROM cron_jobs WHERE host = :host AND command LIKE '%pg_dump%'";
  EXPECT_EQ(Run(Query(AcceptCheck::Kind::kSql, cron)), "fail: no row from: " + cron);
}

TEST(AcceptCheckerValidate, UnknownRuleAndBadSqlAreErrorsAtTheirLine) {
  auto db = LoadFactsOrDie({MakeSnapshot("mx1")});
  ASSERT_NE(db, nullptr);
  std::vector<Status> errors;
  AcceptChecker checker(*db, LoadRules({}, &errors));
  auto plan = ParsePlanFile(
      "format: shipshape-plan/1\nhosts: [mx1]\nmilestones:\n  - id: \"1\"\n    groups:\n      - id: \"1.1\"\n"
      "        tasks:\n          - id: a\n            title: A\n            accept:\n"
      "              - rule: SSH-NO-SUCH-RULE\n",
      "p.yaml");
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(checker.Validate(*plan).ToString(),
            "p.yaml:11: task a: unknown rule SSH-NO-SUCH-RULE (see `shipshape rules list`)");
  plan->milestones[0].groups[0].tasks[0].accept[0] = Query(AcceptCheck::Kind::kSql, "SELECT nope FROM nowhere");
  plan->milestones[0].groups[0].tasks[0].accept[0].line = 11;
  EXPECT_EQ(checker.Validate(*plan).ToString(), "p.yaml:11: task a: SQL error: no such table: nowhere");
}

}  // namespace
}  // namespace shipshape
