// Tests of ReadInventory on realistic inventories: the seed fleet, groups, ranges, precedence.
#include "fleet/inventory.h"

#include <gtest/gtest.h>

#include "fleet/inventory_test_util.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::InventoryDir;
using V = std::vector<std::string>;

std::vector<FleetTarget> MustRead(const std::string& path, Diagnostics* diags = nullptr) {
  Diagnostics local;
  Result<std::vector<FleetTarget>> r = ReadInventory(path, diags ? diags : &local);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : std::vector<FleetTarget>{};
}

const FleetTarget* Find(const std::vector<FleetTarget>& ts, const std::string& alias) {
  for (const FleetTarget& t : ts) {
    if (t.alias == alias) return &t;
  }
  ADD_FAILURE() << "no target " << alias;
  static const FleetTarget kNone;
  return &kNone;
}

std::string SeedDir() { return testing::FixturesDir() + "/inventory/seed"; }

TEST(Inventory, SeedFleetIniHasFiveHostsWithConnectionSettings) {
  std::vector<FleetTarget> ts = MustRead(SeedDir() + "/hosts.ini");
  ASSERT_EQ(ts.size(), 5u);
  V aliases;
  for (const FleetTarget& t : ts) aliases.push_back(t.alias);
  EXPECT_EQ(aliases, (V{"bms-1", "bms-2", "bms-3", "bms-4", "vps-i1"}));
  const FleetTarget* b1 = Find(ts, "bms-1");
  EXPECT_EQ(b1->host, "94.23.26.113");
  EXPECT_EQ(b1->user, "root");  // host var beats [bms:vars]
  EXPECT_EQ(b1->port, 0);
  EXPECT_EQ(b1->groups, (V{"bms", "production"}));
  EXPECT_EQ(b1->vars.at("role"), "Pinbox24 production");
  EXPECT_EQ(b1->ssh_args, (V{"-o", "StrictHostKeyChecking=accept-new", "-o", "ServerAliveInterval=30"}));
  const FleetTarget* b2 = Find(ts, "bms-2");
  EXPECT_EQ(b2->user, "ubuntu");  // from the parent group's vars
  EXPECT_EQ(b2->groups, (V{"bms", "mongodb_rs0"}));
  EXPECT_EQ(Find(ts, "bms-4")->user, "root");
  EXPECT_EQ(Find(ts, "vps-i1")->host, "217.154.82.162");
  EXPECT_EQ(Find(ts, "vps-i1")->groups, (V{"monitoring"}));
}

TEST(Inventory, SeedFleetReadsGroupVarsAndHostVarsFolders) {
  std::vector<FleetTarget> ts = MustRead(SeedDir() + "/hosts.ini");
  const FleetTarget* b3 = Find(ts, "bms-3");
  EXPECT_EQ(b3->key_file, "~/.ssh/bms3_ed25519");
  EXPECT_EQ(b3->vars.at("env"), "production");                        // group_vars/all.yml
  EXPECT_EQ(b3->vars.at("mongodb_replica_set"), "rs0");               // group_vars/mongodb_rs0/
  EXPECT_EQ(b3->vars.at("mongodb_members"), R"(["bms-2","bms-3","bms-4"])");
  EXPECT_EQ(b3->vars.at("provider"), "ovh-kimsufi");
  EXPECT_EQ(b3->vars.count("ansible_host"), 0u);  // consumed into the target's fields
  EXPECT_EQ(b3->vars.at("mongodb_admin_password").rfind("[REDACTED class=default", 0), 0u);
  EXPECT_EQ(Find(ts, "vps-i1")->vars.at("prometheus_config"), "/etc/prometheus/prometheus.yml");
  EXPECT_EQ(Find(ts, "bms-1")->vars.count("mongodb_replica_set"), 0u);
}

TEST(Inventory, SeedFleetYamlEqualsIni) {
  std::vector<FleetTarget> ini = MustRead(SeedDir() + "/hosts.ini");
  std::vector<FleetTarget> yaml = MustRead(SeedDir() + "/hosts.yml");
  ASSERT_EQ(yaml.size(), 5u);
  ASSERT_EQ(ini.size(), yaml.size());
  for (size_t i = 0; i < ini.size(); ++i) {
    EXPECT_EQ(yaml[i].alias, ini[i].alias);
    EXPECT_EQ(yaml[i].host, ini[i].host);
    EXPECT_EQ(yaml[i].port, ini[i].port);
    EXPECT_EQ(yaml[i].user, ini[i].user) << ini[i].alias;
    EXPECT_EQ(yaml[i].key_file, ini[i].key_file);
    EXPECT_EQ(yaml[i].ssh_args, ini[i].ssh_args);
    EXPECT_EQ(yaml[i].groups, ini[i].groups);
    EXPECT_EQ(yaml[i].vars, ini[i].vars) << ini[i].alias;
  }
}

TEST(Inventory, IniRangesExpandNumericWithWidthAndAlphabetic) {
  InventoryDir d;
  std::string p = d.Write("hosts", "[web]\nweb[01:03].example.com\n[db]\ndb-[a:c].example.com\n"
                                   "[odd]\nn[1:7:3]\n");
  std::vector<FleetTarget> ts = MustRead(p);
  V aliases;
  for (const FleetTarget& t : ts) aliases.push_back(t.alias);
  EXPECT_EQ(aliases, (V{"web01.example.com", "web02.example.com", "web03.example.com", "db-a.example.com",
                        "db-b.example.com", "db-c.example.com", "n1", "n4", "n7"}));
}

TEST(Inventory, HostInSeveralGroupsIsOneTargetWithEveryAncestor) {
  InventoryDir d;
  std::string p = d.Write("inv.ini",
                          "[web]\nweb1\n[db]\nweb1 ansible_port=2222\ndb1\n"
                          "[eu:children]\nweb\n[prod:children]\neu\ndb\n");
  std::vector<FleetTarget> ts = MustRead(p);
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(ts[0].alias, "web1");
  EXPECT_EQ(ts[0].port, 2222);
  EXPECT_EQ(ts[0].groups, (V{"db", "eu", "prod", "web"}));
  EXPECT_EQ(ts[1].groups, (V{"db", "prod"}));
}

TEST(Inventory, IniChildrenMayBeDeclaredAfterTheirParent) {
  InventoryDir d;
  std::string p = d.Write("inv.ini", "[site:children]\nweb\n[site:vars]\ntier=front\n[web]\nw1\n");
  std::vector<FleetTarget> ts = MustRead(p);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0].groups, (V{"site", "web"}));
  EXPECT_EQ(ts[0].vars.at("tier"), "front");
}

TEST(Inventory, PrecedenceAllThenParentThenChildThenHostThenHostVars) {
  InventoryDir d;
  d.Write("host_vars/h1.yml", "a5: host_vars\n");
  std::string p = d.Write("inv.ini",
                          "[child]\nh1 a4=host a5=host\nh2\n[parent:children]\nchild\n"
                          "[all:vars]\na1=all\na2=all\na3=all\na4=all\na5=all\n"
                          "[parent:vars]\na2=parent\na3=parent\na4=parent\na5=parent\n"
                          "[child:vars]\na3=child\na4=child\na5=child\n");
  std::vector<FleetTarget> ts = MustRead(p);
  ASSERT_EQ(ts.size(), 2u);
  std::map<std::string, std::string> want{
      {"a1", "all"}, {"a2", "parent"}, {"a3", "child"}, {"a4", "host"}, {"a5", "host_vars"}};
  EXPECT_EQ(ts[0].vars, want);
  EXPECT_EQ(ts[1].vars.at("a5"), "child");
}

TEST(Inventory, GroupVarsFilesOverrideInventoryGroupVarsAsAnsibleDoes) {
  InventoryDir d;
  d.Write("group_vars/all.yml", "from_all: group_vars\n");
  d.Write("group_vars/parent", "p: group_vars_parent\n");  // no extension
  std::string p = d.Write("inv.ini",
                          "[child]\nh1\n[parent:children]\nchild\n[all:vars]\nfrom_all=inline\n"
                          "[child:vars]\np=inline_child\n");
  std::vector<FleetTarget> ts = MustRead(p);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0].vars.at("from_all"), "group_vars");
  // Ansible merges every inventory group var before any group_vars/ file.
  EXPECT_EQ(ts[0].vars.at("p"), "group_vars_parent");
}

TEST(Inventory, GroupPriorityOrdersSiblingGroups) {
  InventoryDir d;
  std::string p = d.Write("inv.yml",
                          "all:\n  children:\n    a:\n      vars: {x: from_a, ansible_group_priority: 5}\n"
                          "      hosts: {h: }\n    b:\n      vars: {x: from_b}\n      hosts: {h: }\n");
  std::vector<FleetTarget> ts = MustRead(p);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0].vars.at("x"), "from_a");
}

TEST(Inventory, YamlNestedChildrenHostsAndPorts) {
  InventoryDir d;
  std::string p = d.Write("inventory.yaml", R"(all:
  hosts:
    mail.example.com:
  children:
    webservers:
      hosts:
        foo.example.com:
        bar.example.com:2200:
        www[01:02].example.com:
          ansible_port: 8022
    dbservers:
      hosts:
        "[2001:db8::1]:2201":
      children:
        replicas:
          hosts:
            one.example.com:
)");
  std::vector<FleetTarget> ts = MustRead(p);
  ASSERT_EQ(ts.size(), 7u);
  EXPECT_EQ(ts[0].alias, "mail.example.com");
  EXPECT_TRUE(ts[0].groups.empty());
  EXPECT_EQ(Find(ts, "bar.example.com")->port, 2200);
  EXPECT_EQ(Find(ts, "www02.example.com")->port, 8022);
  EXPECT_EQ(Find(ts, "2001:db8::1")->port, 2201);
  EXPECT_EQ(Find(ts, "one.example.com")->groups, (V{"dbservers", "replicas"}));
}

TEST(Inventory, FormatIsChosenByContentWithoutExtension) {
  InventoryDir d;
  std::string yaml = d.Write("a/hosts", "web:\n  hosts:\n    w1:\n      ansible_user: deploy\n");
  std::string ini = d.Write("b/hosts", "w1 ansible_user=deploy\n");
  std::vector<FleetTarget> y = MustRead(yaml), i = MustRead(ini);
  ASSERT_EQ(y.size(), 1u);
  ASSERT_EQ(i.size(), 1u);
  EXPECT_EQ(y[0].groups, (V{"web"}));
  EXPECT_EQ(y[0].user, "deploy");
  EXPECT_EQ(i[0].user, "deploy");
  EXPECT_TRUE(i[0].groups.empty());
}

TEST(Inventory, VaultFileIsSkippedWithAWarning) {
  InventoryDir d;
  std::string vault = d.Write("group_vars/all/vault.yml", "$ANSIBLE_VAULT;1.1;AES256\n6231\n");
  d.Write("group_vars/all/main.yml", "x: 1\n");
  std::string p = d.Write("inv.ini", "h1\n");
  Diagnostics diags;
  std::vector<FleetTarget> ts = MustRead(p, &diags);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0].vars.at("x"), "1");
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(),
            vault + ":1: warning: encrypted with ansible-vault; its variables are not read");
}

}  // namespace
}  // namespace shipshape
