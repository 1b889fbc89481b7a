// Tests of the plan file reader: the mail-server example and every error with its file:line.
#include "plan/plan_file.h"

#include <gtest/gtest.h>

#include "test_paths.h"

namespace shipshape {
namespace {

// A small plan; `task_extra` is spliced into task b (indented as its keys).
std::string Plan(const std::string& task_extra, const std::string& top = "hosts: [mx1]\n") {
  return "format: shipshape-plan/1\n"              // 1
         "title: t\n" +                            // 2
         top +                                     // 3
         "milestones:\n"                           // 4
         "  - id: \"1\"\n"                         // 5
         "    title: M\n"                          // 6
         "    groups:\n"                           // 7
         "      - id: \"1.1\"\n"                   // 8
         "        tasks:\n"                        // 9
         "          - id: a\n"                     // 10
         "            title: A\n"                  // 11
         "            estimate: 30m\n"             // 12
         "            accept:\n"                   // 13
         "              - rule: SSH-ROOT-LOGIN\n"  // 14
         "          - id: b\n"                     // 15
         "            title: B\n" +                // 16
         task_extra;                               // 17…
}

std::string ErrorOf(const std::string& text) {
  auto plan = ParsePlanFile(text, "plan.yaml");
  return plan.ok() ? "(no error)" : plan.status().ToString();
}

const std::string kAccept = "            accept:\n              - sql: \"SELECT 1 FROM os WHERE host = :host\"\n";

TEST(PlanFile, ReadsTheMailServerExample) {
  auto plan = ReadPlanFile(testing::SourceDir() + "/examples/mail-server-plan.yaml");
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(plan->title, "Mail Server Cluster PoC");
  ASSERT_EQ(plan->milestones.size(), 2u);
  std::vector<std::string> groups;
  for (const PlanMilestone& m : plan->milestones) {
    for (const PlanGroup& g : m.groups) groups.push_back(g.id);
  }
  EXPECT_EQ(groups, (std::vector<std::string>{"1.1", "1.2", "1.3", "1.4", "2.1"}));
  EXPECT_EQ(plan->Tasks().size(), 20u);
  const PlanTask* t = plan->FindTask("1.3.5");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->estimate_minutes, 30);
  EXPECT_EQ(t->depends_on, std::vector<std::string>{"1.3.1"});
  EXPECT_EQ(t->hosts, std::vector<std::string>{"mail-vps"});
  const PlanTask* ssh = plan->FindTask("1.3.4");
  ASSERT_NE(ssh, nullptr);
  ASSERT_EQ(ssh->accept.front().kind, AcceptCheck::Kind::kPort);
  EXPECT_EQ(ssh->accept.front().port, 2288);
  EXPECT_EQ(ssh->accept.front().listens_only_on, std::vector<std::string>{"10.100.0.25"});
  const PlanTask* human = plan->FindTask("1.2.5");
  ASSERT_NE(human, nullptr);
  ASSERT_TRUE(human->signoff.has_value());
  EXPECT_EQ(human->signoff->by, "GMCE");
  EXPECT_EQ(human->signoff->date, "2025-01-05");
  const PlanTask* dirs = plan->FindTask("1.4.2");
  ASSERT_NE(dirs, nullptr);
  EXPECT_EQ(dirs->accept[3].path, "/var/mail/queue");
  EXPECT_EQ(dirs->accept[3].owner, "vmail");
  EXPECT_EQ(dirs->accept[3].mode, "0750");
}

TEST(PlanFile, AValidSmallPlanReads) {
  auto plan = ParsePlanFile(Plan(kAccept + "            depends_on: [a]\n"), "plan.yaml");
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(plan->FindTask("b")->depends_on, std::vector<std::string>{"a"});
  EXPECT_EQ(plan->FindTask("a")->accept[0].line, 14);
}

TEST(PlanFile, UnknownKeyIsAnErrorAtItsLine) {
  EXPECT_EQ(ErrorOf(Plan(kAccept + "            depnds_on: [a]\n")), "plan.yaml:19: unknown key 'depnds_on' in task b");
  EXPECT_EQ(ErrorOf(Plan(kAccept, "hosts: [mx1]\nowner: me\n")), "plan.yaml:4: unknown key 'owner' in the plan");
}

TEST(PlanFile, MissingAndDuplicateIds) {
  std::string no_id = Plan(kAccept) + "          - title: C\n" + kAccept;
  EXPECT_EQ(ErrorOf(no_id), "plan.yaml:19: a task has no 'id'");
  std::string dup = Plan(kAccept) + "          - id: a\n            title: C\n" + kAccept;
  EXPECT_EQ(ErrorOf(dup), "plan.yaml:19: duplicate task id a (first at line 10)");
}

TEST(PlanFile, DependencyOnAnUnknownTask) {
  EXPECT_EQ(ErrorOf(Plan(kAccept + "            depends_on: [a, zz]\n")),
            "plan.yaml:19: task b depends on zz, which is no task of this plan");
}

TEST(PlanFile, ACycleIsNamed) {
  std::string text = Plan(kAccept + "            depends_on: [c]\n") +
                     "          - id: c\n            title: C\n            depends_on: [b]\n" + kAccept;
  EXPECT_EQ(ErrorOf(text), "plan.yaml:19: dependency cycle: b -> c -> b");
  EXPECT_EQ(ErrorOf(Plan(kAccept + "            depends_on: [b]\n")), "plan.yaml:19: dependency cycle: b -> b");
}

TEST(PlanFile, ATaskWithoutChecksMustBeAHumanAction) {
  EXPECT_EQ(ErrorOf(Plan("            estimate: 1h\n")),
            "plan.yaml:15: task b has no accept checks and is not a human action: no way to verify it");
  auto human = ParsePlanFile(Plan("            human_action: true\n"), "plan.yaml");
  EXPECT_TRUE(human.ok()) << human.status().ToString();
}

TEST(PlanFile, BadEstimate) {
  EXPECT_EQ(ErrorOf(Plan(kAccept + "            estimate: 30 minutes\n")),
            "plan.yaml:19: estimate of task b must be like 15m, 1h, 1d or 1w");
}

TEST(PlanFile, TaskHostOutsideThePlansHosts) {
  EXPECT_EQ(ErrorOf(Plan(kAccept + "            hosts: [mx2]\n")),
            "plan.yaml:19: task b: host mx2 is not among the plan's hosts (mx1)");
}

TEST(PlanFile, SignoffOnlyOnHumanActions) {
  EXPECT_EQ(ErrorOf(Plan(kAccept + "            signoff: {by: a, date: \"2026-01-02\"}\n")),
            "plan.yaml:19: task b has a signoff but is not a human action");
  EXPECT_EQ(ErrorOf(Plan("            human_action: true\n            signoff: {by: a, date: \"2 Jan\"}\n")),
            "plan.yaml:18: signoff of task b: date must be YYYY-MM-DD");
}

TEST(PlanFile, AcceptEntriesAreChecked) {
  auto entry = [](const std::string& body) { return Plan("            accept:\n              - " + body + "\n"); };
  EXPECT_EQ(ErrorOf(entry("port: 2288")),
            "plan.yaml:18: accept check of task b: a port check needs listens_only_on (a list of addresses; [] = "
            "not listening)");
  EXPECT_EQ(ErrorOf(entry("{path: /srv, mode: \"rwx\"}")),
            "plan.yaml:18: accept check of task b: mode must be octal like \"0750\" (quote it)");
  EXPECT_EQ(ErrorOf(entry("{rule: X, sql: Y}")),
            "plan.yaml:18: accept check of task b has both rule and sql: one check per entry");
  EXPECT_EQ(ErrorOf(entry("{path: /srv, owners: x}")), "plan.yaml:18: unknown key 'owners' in path check of task b");
  EXPECT_EQ(ErrorOf(entry("{path: \"/srv/a|b\"}")),
            "plan.yaml:18: accept check of task b: path must be one line without '|' or control characters");
  EXPECT_EQ(ErrorOf(entry("{service: fail2ban}")),
            "plan.yaml:18: accept check of task b: a service check needs enabled: and/or active:");
}

TEST(PlanFile, NotAPlanFile) {
  EXPECT_EQ(ErrorOf("format: shipshape-report/1\nmilestones: []\n"),
            "plan.yaml:1: not a plan file: format must be shipshape-plan/1");
}

TEST(PlanFile, HostsMustBeAmongTheTargets) {
  auto plan = ParsePlanFile(Plan(kAccept), "plan.yaml");
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_TRUE(CheckPlanHosts(*plan, {"mx1", "mx2"}).ok());
  EXPECT_EQ(CheckPlanHosts(*plan, {"web1"}).ToString(),
            "plan.yaml:3: task a: host mx1 is not among the targets (web1)");
}

}  // namespace
}  // namespace shipshape
