// The parsed inventory before resolution: groups, their children, hosts, variables with their origin.
// Internal to src/fleet: the INI and YAML readers fill it, ResolveTargets turns it into targets.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/status.h"
#include "base/yaml.h"
#include "fleet/target.h"

namespace shipshape {

struct VarValue {
  std::string value;
  std::string file;  // where it was set, for errors about it
  int line = 0;
};
using VarMap = std::map<std::string, VarValue>;

struct InventoryGroup {
  std::vector<std::string> children;  // direct children, in declaration order
  std::vector<std::string> parents;   // direct parents other than 'all'
  VarMap vars;                        // set in the inventory file
  VarMap dir_vars;                    // from group_vars/
};

struct InventoryHost {
  std::vector<std::string> groups;  // direct groups other than 'all'
  VarMap vars;                      // set in the inventory file (inline, YAML host entry)
  VarMap dir_vars;                  // from host_vars/
};

// More hosts than one inventory may hold: beyond it ranges are refused rather than exhausting memory.
inline constexpr size_t kMaxInventoryHosts = 100000;

// Groups 'all' and 'ungrouped' always exist. Errors and warnings go to the Diagnostics (host "");
// the first error is kept as the Status ReadInventory returns. Not thread-safe.
class InventoryModel {
 public:
  explicit InventoryModel(Diagnostics* diags);

  bool HasGroup(const std::string& name) const { return groups_.count(name) > 0; }
  InventoryGroup& AddGroup(const std::string& name);
  // Makes `child` a child of `parent` (both created if new); refuses a loop. 'all' as parent is
  // implicit and recorded nowhere.
  Status AddChild(const std::string& parent, const std::string& child);
  // False (and one error) when `more` new names would take the inventory past kMaxInventoryHosts.
  bool RoomFor(size_t more, const std::string& file, int line);
  // Adds the host (once) and puts it in `group` ('all' adds no membership).
  InventoryHost& AddHost(const std::string& name, const std::string& group);

  const std::map<std::string, InventoryGroup>& groups() const { return groups_; }
  std::map<std::string, InventoryGroup>& groups() { return groups_; }
  const std::vector<std::string>& host_order() const { return host_order_; }
  std::map<std::string, InventoryHost>& hosts() { return hosts_; }
  const std::map<std::string, InventoryHost>& hosts() const { return hosts_; }

  void Error(const std::string& file, int line, const std::string& message);
  void Warn(const std::string& file, int line, const std::string& message);
  const Status& first_error() const { return first_error_; }

 private:
  bool IsAncestorOrSelf(const std::string& maybe_ancestor, const std::string& group) const;

  Diagnostics* diags_;
  Status first_error_;
  bool too_many_hosts_ = false;
  std::map<std::string, InventoryGroup> groups_;
  std::map<std::string, InventoryHost> hosts_;
  std::vector<std::string> host_order_;
};

// Reading each format into the model. Every problem is reported through model.Error/Warn.
void ReadIniInventory(const std::string& text, const std::string& file, InventoryModel& model);
void ReadYamlInventory(const YamlNode& root, const std::string& file, InventoryModel& model);
// A YAML variable's value as text (scalars as written, lists and maps as compact JSON), and a
// mapping of them read into `vars`; `what` names the owner in messages.
std::string YamlValueText(const YamlNode& node);
void ReadYamlVars(const YamlNode& node, const std::string& file, const std::string& what, VarMap& vars,
                  InventoryModel& model);
// group_vars/ and host_vars/ beside the inventory file, for every group and host of the model.
void LoadVarsDirs(const std::string& inventory_dir, InventoryModel& model);
// Applies Ansible's variable precedence and builds one target per host, in inventory order.
std::vector<FleetTarget> ResolveTargets(InventoryModel& model);

// Ansible reads INI values with Python's literal_eval: a value written as a quoted string loses
// its quotes and escapes; anything else is kept as written.
std::string UnquoteIniValue(const std::string& value);

}  // namespace shipshape
