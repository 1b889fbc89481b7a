// Reading an Ansible YAML inventory: groups with hosts, children and vars, nested to any depth.
#include "base/json.h"
#include "base/yaml.h"
#include "fleet/host_pattern.h"
#include "fleet/inventory_model.h"

namespace shipshape {

namespace {

// Aliases can make a small file describe a huge value ("billion laughs"): the text of one value
// stops growing past this many bytes.
constexpr size_t kMaxValueBytes = 1 << 20;

void AppendValueText(const YamlNode& node, bool quote, std::string& out) {
  if (out.size() > kMaxValueBytes) return;
  if (node.IsScalar()) {
    out += quote ? JsonQuote(node.Scalar()) : node.Scalar();
  } else if (node.IsSeq()) {
    out += "[";
    for (const YamlNode& e : node.Elements()) {
      if (out.back() != '[') out += ",";
      AppendValueText(e, true, out);
    }
    out += "]";
  } else if (node.IsMap()) {
    out += "{";
    for (const auto& [k, v] : node.Entries()) {
      if (out.back() != '{') out += ",";
      out += JsonQuote(k) + ":";
      AppendValueText(v, true, out);
    }
    out += "}";
  } else if (quote) {
    out += "null";
  }
}

}  // namespace

std::string YamlValueText(const YamlNode& node) {
  std::string out;
  AppendValueText(node, false, out);
  return out.size() > kMaxValueBytes ? std::string() : out;
}

// Reads a mapping of variables into `vars`; `what` names its owner in messages.
void ReadYamlVars(const YamlNode& node, const std::string& file, const std::string& what, VarMap& vars,
                  InventoryModel& m) {
  if (node.IsNull()) return;
  if (!node.IsMap()) return m.Error(file, node.Line(), "vars of " + what + " must be a mapping");
  for (const auto& [key, value] : node.Entries()) {
    if (key.empty()) {
      m.Error(file, value.Line(), "a variable of " + what + " has no name");
      continue;
    }
    std::string text = YamlValueText(value);
    if (text.empty() && (value.IsMap() || value.IsSeq())) {
      m.Error(file, value.Line(), "variable '" + key + "' of " + what + " is too large");
      continue;
    }
    vars[key] = {std::move(text), file, value.Line()};
  }
}

namespace {

class YamlReader {
 public:
  YamlReader(const std::string& file, InventoryModel& m) : file_(file), m_(m) {}
  void Group(const std::string& name, const YamlNode& node, const std::string& parent);

 private:
  void Hosts(const std::string& group, const YamlNode& node);
  void Children(const std::string& group, const YamlNode& node);

  const std::string& file_;
  InventoryModel& m_;
  size_t visits_ = 0;
};

// Aliases can repeat a group's or a host's definition many times over; past this many visits of
// groups and host entries the file is refused.
constexpr size_t kMaxVisits = 100000;

void YamlReader::Group(const std::string& name, const YamlNode& node, const std::string& parent) {
  if (name.empty()) return m_.Error(file_, node.Line(), "a group has no name");
  if (++visits_ > kMaxVisits) {
    if (visits_ == kMaxVisits + 1) m_.Error(file_, node.Line(), "inventory has too many groups and hosts");
    return;
  }
  m_.AddGroup(name);
  if (!parent.empty()) {
    Status s = m_.AddChild(parent, name);
    if (!s.ok()) return m_.Error(file_, node.Line(), s.message());
  }
  if (node.IsNull()) return;
  if (!node.IsMap()) {
    return m_.Error(file_, node.Line(), "group '" + name + "' must be a mapping (hosts, children, vars)");
  }
  for (const auto& [key, value] : node.Entries()) {
    if (key == "hosts") {
      Hosts(name, value);
    } else if (key == "children") {
      Children(name, value);
    } else if (key == "vars") {
      ReadYamlVars(value, file_, "group '" + name + "'", m_.AddGroup(name).vars, m_);
    } else {
      m_.Warn(file_, value.Line(), "skipping unexpected key in group '" + name +
                                       "'; only vars, children and hosts are valid");
    }
  }
}

void YamlReader::Hosts(const std::string& group, const YamlNode& node) {
  if (node.IsNull()) return;
  if (!node.IsMap()) return m_.Error(file_, node.Line(), "hosts of group '" + group + "' must be a mapping");
  for (const auto& [pattern, value] : node.Entries()) {
    if (++visits_ > kMaxVisits) {
      if (visits_ == kMaxVisits + 1) m_.Error(file_, value.Line(), "inventory has too many groups and hosts");
      return;
    }
    Result<HostPattern> hp = ExpandHostPattern(pattern);
    if (!hp.ok()) {
      m_.Error(file_, value.Line(), hp.status().message());
      continue;
    }
    VarMap vars;
    if (hp->port != 0) vars["ansible_port"] = {std::to_string(hp->port), file_, value.Line()};
    ReadYamlVars(value, file_, "a host of group '" + group + "'", vars, m_);
    if (!m_.RoomFor(hp->names.size(), file_, value.Line())) return;
    for (const std::string& name : hp->names) {
      InventoryHost& h = m_.AddHost(name, group);
      for (const auto& [k, v] : vars) h.vars[k] = v;
    }
  }
}

void YamlReader::Children(const std::string& group, const YamlNode& node) {
  if (node.IsNull()) return;
  if (!node.IsMap()) {
    return m_.Error(file_, node.Line(), "children of group '" + group + "' must be a mapping");
  }
  for (const auto& [child, value] : node.Entries()) Group(child, value, group);
}

}  // namespace

void ReadYamlInventory(const YamlNode& root, const std::string& file, InventoryModel& model) {
  if (root.IsNull()) return;
  if (!root.IsMap()) return model.Error(file, root.Line(), "YAML inventory must be a mapping of groups");
  if (root["plugin"].IsDefined()) {
    return model.Error(file, root["plugin"].Line(), "inventory plugin configurations are not supported");
  }
  YamlReader reader(file, model);
  for (const auto& [name, node] : root.Entries()) reader.Group(name, node, "");
}

}  // namespace shipshape
