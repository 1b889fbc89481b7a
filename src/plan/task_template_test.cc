// Template expansion: placeholders filled, shell and Go template syntax left alone; effort text.
#include "plan/task_template.h"

#include <gtest/gtest.h>

#include "plan/effort.h"

namespace shipshape {
namespace {

TEST(TaskTemplate, FillsKnownPlaceholdersAndLeavesShellSyntaxAlone) {
  TemplateVars vars = {{"host", "bms-1"}, {"port", "27017"}};
  EXPECT_EQ(ExpandTemplate("ssh root@{host} && ufw deny {port}/tcp", vars), "ssh root@bms-1 && ufw deny 27017/tcp");
  EXPECT_EQ(ExpandTemplate("docker inspect -f '{{.Image}}' {host}", vars), "docker inspect -f '{{.Image}}' bms-1");
  EXPECT_EQ(ExpandTemplate("echo ${host} {unknown} awk '{print $1}' {{host}}", vars),
            "echo ${host} {unknown} awk '{print $1}' {{host}}");
}

TEST(TaskTemplate, FindingColumnsAreVariables) {
  Finding f;
  f.host = "bms-3";
  f.subject = "mongod";
  f.line = 12;
  f.columns = {{"container", "v41-prod"}};
  EXPECT_EQ(ExpandTemplate("{container} on {host}, {subject} line {line}", FindingVars(f)),
            "v41-prod on bms-3, mongod line 12");
}

TEST(TaskTemplate, TitleJoinsTheDistinctValuesOfItsFindings) {
  Finding a, b;
  a.subject = "port 80";
  b.subject = "port 81";
  EXPECT_EQ(ExpandTitle("Close {subject} on {host}", {"h1", "h2"}, {&a, &b, &a}), "Close port 80, port 81 on h1, h2");
}

TEST(Effort, ParsesUnitsAndSums) {
  EXPECT_EQ(ParseEffort("30m"), 30);
  EXPECT_EQ(ParseEffort("2h"), 120);
  EXPECT_EQ(ParseEffort("1d"), 480);
  EXPECT_EQ(ParseEffort("1w"), 2400);
  EXPECT_EQ(ParseEffort("1d 4h"), 720);
  EXPECT_EQ(ParseEffort("2 hours"), std::nullopt);
  EXPECT_EQ(ParseEffort("h"), std::nullopt);
  EXPECT_EQ(ParseEffort("0h"), std::nullopt);
  EXPECT_EQ(ParseEffort(""), std::nullopt);
  EXPECT_EQ(FormatEffort(720), "1d 4h");
  EXPECT_EQ(FormatEffort(2400 + 480 + 90), "1w 1d 1h 30m");
}

}  // namespace
}  // namespace shipshape
