// Tests of ReadInventory on malformed inventories (exact file:line: message) and hostile values.
#include <gtest/gtest.h>

#include "fleet/inventory.h"
#include "fleet/inventory_test_util.h"

namespace shipshape {
namespace {

using testing::InventoryDir;
using V = std::vector<std::string>;

// The Status text of a failed read ("" if it succeeded).
std::string ErrorOf(const std::string& path, Diagnostics* diags = nullptr) {
  Diagnostics local;
  Result<std::vector<FleetTarget>> r = ReadInventory(path, diags ? diags : &local);
  return r.ok() ? "" : r.status().ToString();
}

struct ErrorCase {
  const char* file;
  const char* text;
  const char* want;  // after "<dir>/<file>"
};

TEST(InventoryErrors, MalformedInputNamesFileAndLine) {
  const ErrorCase cases[] = {
      {"a.ini", "[web]\nw1 ansible_user=x\nw2 stray\n", ":3: expected key=value host variable assignment"},
      {"b.ini", "[web:vars]\nnot an assignment\n", ":2: expected key=value in [web:vars]"},
      {"c.ini", "[web]\nw1\n[web:hosts2]\n", ":3: section [web:hosts2] has an unknown type (vars or children)"},
      {"d.ini", "[ web ]\n", ":1: invalid section header (expected [group], [group:vars] or [group:children])"},
      {"e.ini", "[site:children]\nweb\n", ":2: section [site:children] includes undefined group 'web'"},
      {"f.ini", "[db:vars]\nx=1\n", ":1: section [db:vars] is not valid for undefined group 'db'"},
      {"g.ini", "[a:children]\nb\n[b:children]\na\n", ":4: adding group 'a' as a child of 'b' creates a loop"},
      {"h.ini", "w1 note=\"open\n", ":1: host line: unterminated double quote"},
      {"i.ini", "web[5:1]\n", ":1: host range must have begin <= end"},
      {"j.ini", "web[01:100]\n", ":1: host range must specify equal-length begin and end formats"},
      {"k.ini", "web[0:99999999]\n", ":1: host range expands to too many hosts"},
      {"l.ini", "w1:99999\n", ":1: invalid port in host pattern (1-65535)"},
      {"m.yml", "all:\n  hosts:\n    w1:\n      ansible_port: ssh\n", ":4: ansible_port must be a port number (1-65535)"},
      {"n.yml", "all:\n  children:\n    web: [w1, w2]\n", ":3: group 'web' must be a mapping (hosts, children, vars)"},
      {"o.yml", "all:\n  hosts:\n    - w1\n", ":3: hosts of group 'all' must be a mapping"},
      {"p.yml", "- just\n- a list\n", ":1: YAML inventory must be a mapping of groups"},
      {"q.yml", "plugin: amazon.aws.aws_ec2\n", ":1: inventory plugin configurations are not supported"},
      {"r.yml", "all:\n  hosts: {w1: }\n  vars:\n    ansible_ssh_common_args: \"-o 'Proxy\"\n",
       ":4: ansible_ssh_common_args: unterminated single quote"},
  };
  for (const ErrorCase& c : cases) {
    InventoryDir d;
    std::string p = d.Write(c.file, c.text);
    EXPECT_EQ(ErrorOf(p), p + c.want) << c.file;
  }
}

TEST(InventoryErrors, InvalidYamlReportsTheParserLine) {
  InventoryDir d;
  std::string p = d.Write("inv.yaml", "all:\n  hosts:\n    w1: {a: 1\n    w2:\n");
  std::string err = ErrorOf(p);
  EXPECT_EQ(err.rfind(p + ":", 0), 0u) << err;
  EXPECT_NE(err.find("invalid YAML"), std::string::npos) << err;
}

TEST(InventoryErrors, BadGroupVarsFileNamesThatFile) {
  InventoryDir d;
  std::string vars = d.Write("group_vars/web.yml", "- not\n- a mapping\n");
  std::string p = d.Write("inv.ini", "[web]\nw1\n");
  EXPECT_EQ(ErrorOf(p), vars + ":1: variables file must be a mapping");
}

TEST(InventoryErrors, EveryErrorGoesToDiagnosticsFirstIsReturned) {
  InventoryDir d;
  std::string p = d.Write("inv.ini", "w1 x\n[ bad ]\nw2 y\n");
  Diagnostics diags;
  EXPECT_EQ(ErrorOf(p, &diags), p + ":1: expected key=value host variable assignment");
  ASSERT_EQ(diags.all().size(), 3u);
  EXPECT_EQ(diags.all()[2].line, 3);
}

TEST(InventoryErrors, TooManyHostsIsRefusedNotExhaustingMemory) {
  InventoryDir d;
  std::string text;
  for (int i = 0; i < 11; ++i) text += "g" + std::to_string(i) + "-[0:9999]\n";
  std::string p = d.Write("inv.ini", text);
  EXPECT_EQ(ErrorOf(p), p + ":11: inventory has more than 100000 hosts");
}

TEST(InventoryErrors, MissingFileIsAnError) {
  InventoryDir d;
  std::string err = ErrorOf(d.path() + "/nope.ini");
  EXPECT_EQ(err.rfind(d.path() + "/nope.ini: cannot read inventory", 0), 0u) << err;
}

TEST(InventoryErrors, MessagesNeverQuoteValues) {
  InventoryDir d;
  std::string p = d.Write("inv.yml", "all:\n  hosts:\n    w1:\n      ansible_port: s3cr3t-value\n");
  std::string err = ErrorOf(p);
  EXPECT_FALSE(err.empty());
  EXPECT_EQ(err.find("s3cr3t"), std::string::npos) << err;
}

// Names and values with quotes, blanks, ';', '$()' and newlines stay single values and nothing is
// ever run: the '$(touch …)' would create the marker file if a shell saw it.
TEST(InventoryHostile, IniQuotedNamesAndValuesSurviveAndNothingRuns) {
  InventoryDir d;
  std::string marker = d.path() + "/pwned";
  std::string p = d.Write(
      "inv.ini",
      "[web]\n"
      "\"db one;$(touch " + marker + ")\" ansible_host='10.0.0.5' note=\"it's; $(touch " + marker + ") `id`\"\n"
      "[web:vars]\n"
      "ansible_ssh_common_args='-o ProxyCommand=\"ssh -W %h:%p -q jump; $(touch " + marker + ")\"'\n"
      "ansible_ssh_extra_args=-o 'User=a b' -o \"Banner=x\\\"y\"\n");
  Result<std::vector<FleetTarget>> r = ReadInventory(p, nullptr);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 1u);
  const FleetTarget& t = (*r)[0];
  EXPECT_EQ(t.alias, "db one;$(touch " + marker + ")");
  EXPECT_EQ(t.host, "10.0.0.5");
  EXPECT_EQ(t.vars.at("note"), "it's; $(touch " + marker + ") `id`");
  EXPECT_EQ(t.ssh_args, (V{"-o", "ProxyCommand=ssh -W %h:%p -q jump; $(touch " + marker + ")", "-o",
                           "User=a b", "-o", "Banner=x\"y"}));
  EXPECT_FALSE(IsRegularFile(marker));
}

TEST(InventoryHostile, YamlNewlinesQuotesAndSubstitutionsSurvive) {
  InventoryDir d;
  std::string marker = d.path() + "/pwned";
  std::string p = d.Write("inv.yml",
                          "all:\n  hosts:\n"
                          "    \"host \\\"q\\\"\\nline2;$(touch " + marker + ")\":\n"
                          "      ansible_user: \"o'brien; rm -rf /\"\n"
                          "      ansible_ssh_extra_args: |\n"
                          "        -o 'LocalCommand=$(touch " + marker + ")'\n"
                          "        -o \"SetEnv=A=1 B=2\"\n"
                          "      motd: \"two\\nlines\"\n");
  Result<std::vector<FleetTarget>> r = ReadInventory(p, nullptr);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 1u);
  const FleetTarget& t = (*r)[0];
  EXPECT_EQ(t.alias, "host \"q\"\nline2;$(touch " + marker + ")");
  EXPECT_EQ(t.host, t.alias);
  EXPECT_EQ(t.user, "o'brien; rm -rf /");
  EXPECT_EQ(t.ssh_args, (V{"-o", "LocalCommand=$(touch " + marker + ")", "-o", "SetEnv=A=1 B=2"}));
  EXPECT_EQ(t.vars.at("motd"), "two\nlines");
  EXPECT_FALSE(IsRegularFile(marker));
}

TEST(InventoryHostile, HostNamesNeverLeaveTheHostVarsFolder) {
  InventoryDir d;
  d.Write("secret.yml", "leak: yes\n");
  std::string p = d.Write("inv/inv.ini", "../secret\n");
  d.Write("inv/host_vars/placeholder", "a: 1\n");
  Result<std::vector<FleetTarget>> r = ReadInventory(p, nullptr);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].vars.count("leak"), 0u);
}

}  // namespace
}  // namespace shipshape
