// Resolving the inventory model into targets: group depth, Ansible's variable precedence, ssh settings.
#include <algorithm>
#include <set>
#include <tuple>

#include "base/strings.h"
#include "collect/secret_redactor.h"
#include "fleet/inventory_model.h"
#include "fleet/shell_words.h"

namespace shipshape {
namespace {

using Groups = std::map<std::string, InventoryGroup>;

// Ansible's group depth: the longest path from 'all' (top-level groups are 1). Iterative, so that
// a long chain of children cannot exhaust the stack; the graph has no loops (AddChild refuses them).
std::map<std::string, int> Depths(const Groups& groups) {
  std::map<std::string, int> depth{{"all", 0}};
  for (const auto& [root, unused] : groups) {
    std::vector<std::string> stack{root};
    while (!stack.empty()) {
      const std::string g = stack.back();
      if (depth.count(g)) {
        stack.pop_back();
        continue;
      }
      int d = 1;
      bool ready = true;
      for (const std::string& p : groups.at(g).parents) {
        auto it = depth.find(p);
        if (it == depth.end()) {
          stack.push_back(p);
          ready = false;
        } else {
          d = std::max(d, it->second + 1);
        }
      }
      if (ready) depth[g] = d, stack.pop_back();
    }
  }
  return depth;
}

// The host's direct groups and all their ancestors ('all' excluded).
std::set<std::string> AllGroupsOf(const InventoryHost& host, const Groups& groups) {
  std::set<std::string> out;
  std::vector<std::string> stack = host.groups;
  if (stack.empty()) stack.push_back("ungrouped");
  while (!stack.empty()) {
    std::string g = std::move(stack.back());
    stack.pop_back();
    if (!out.insert(g).second) continue;
    const InventoryGroup& group = groups.at(g);
    stack.insert(stack.end(), group.parents.begin(), group.parents.end());
  }
  return out;
}

int Priority(const InventoryGroup& g) {
  const VarValue* v = nullptr;
  for (const VarMap* vars : {&g.vars, &g.dir_vars}) {
    auto it = vars->find("ansible_group_priority");
    if (it != vars->end()) v = &it->second;
  }
  std::optional<int64_t> p = v ? ParseInt(v->value) : std::nullopt;
  return p ? static_cast<int>(std::clamp<int64_t>(*p, -1000000, 1000000)) : 1;
}

void Merge(VarMap& into, const VarMap& from) {
  for (const auto& [k, v] : from) into[k] = v;
}

// all < group_vars/all < groups by (depth, priority, name) < their group_vars/ < host < host_vars/.
VarMap EffectiveVars(const InventoryHost& host, const std::set<std::string>& member_of, const Groups& groups,
                     const std::map<std::string, int>& depth) {
  std::vector<std::tuple<int, int, std::string>> order;
  for (const std::string& g : member_of) order.emplace_back(depth.at(g), Priority(groups.at(g)), g);
  std::sort(order.begin(), order.end());
  VarMap vars = groups.at("all").vars;
  Merge(vars, groups.at("all").dir_vars);
  for (const auto& entry : order) Merge(vars, groups.at(std::get<2>(entry)).vars);
  for (const auto& entry : order) Merge(vars, groups.at(std::get<2>(entry)).dir_vars);
  Merge(vars, host.vars);
  Merge(vars, host.dir_vars);
  return vars;
}

// Removes every one of `names` from vars; copies the first that was set into `slot` and returns it
// (nullptr when none was set).
const VarValue* Take(VarMap& vars, std::initializer_list<const char*> names, VarValue& slot) {
  const VarValue* found = nullptr;
  for (const char* n : names) {
    auto it = vars.find(n);
    if (it == vars.end()) continue;
    if (found == nullptr) slot = it->second, found = &slot;
    vars.erase(it);
  }
  return found;
}

void SetConnection(VarMap& vars, FleetTarget& t, InventoryModel& m) {
  VarValue v;
  if (Take(vars, {"ansible_host", "ansible_ssh_host"}, v) && !v.value.empty()) t.host = v.value;
  if (Take(vars, {"ansible_user", "ansible_ssh_user"}, v)) t.user = v.value;
  if (Take(vars, {"ansible_ssh_private_key_file", "ansible_private_key_file"}, v)) t.key_file = v.value;
  if (Take(vars, {"ansible_port", "ansible_ssh_port"}, v) && !v.value.empty()) {
    std::optional<int64_t> port = ParseInt(Trim(v.value));
    if (!port || *port < 1 || *port > 65535) m.Error(v.file, v.line, "ansible_port must be a port number (1-65535)");
    else t.port = static_cast<int>(*port);
  }
  for (const char* key : {"ansible_ssh_common_args", "ansible_ssh_extra_args"}) {
    if (!Take(vars, {key}, v)) continue;
    Result<std::vector<std::string>> words = SplitShellWords(v.value);
    if (!words.ok()) m.Error(v.file, v.line, std::string(key) + ": " + words.status().message());
    else t.ssh_args.insert(t.ssh_args.end(), words->begin(), words->end());
  }
}

}  // namespace

std::vector<FleetTarget> ResolveTargets(InventoryModel& model) {
  const Groups& groups = model.groups();
  std::map<std::string, int> depth = Depths(groups);
  std::vector<FleetTarget> out;
  for (const std::string& name : model.host_order()) {
    const InventoryHost& host = model.hosts().at(name);
    std::set<std::string> member_of = AllGroupsOf(host, groups);
    VarMap vars = EffectiveVars(host, member_of, groups, depth);
    FleetTarget t;
    t.alias = t.host = name;
    SetConnection(vars, t, model);
    for (const std::string& g : member_of) {
      if (g != "ungrouped") t.groups.push_back(g);
    }
    for (const auto& [k, v] : vars) {
      t.vars[k] = secrets::IsSecretKey(k) ? secrets::RedactionToken(v.value) : v.value;
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace shipshape
