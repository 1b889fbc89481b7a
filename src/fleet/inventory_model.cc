// The inventory graph: groups, children without loops, hosts in first-seen order, error collection.
#include "fleet/inventory_model.h"

#include <algorithm>

namespace shipshape {

InventoryModel::InventoryModel(Diagnostics* diags) : diags_(diags) {
  groups_["all"];
  groups_["ungrouped"];
}

InventoryGroup& InventoryModel::AddGroup(const std::string& name) { return groups_[name]; }

bool InventoryModel::IsAncestorOrSelf(const std::string& maybe_ancestor, const std::string& group) const {
  // Iterative walk up the parents: the graph is acyclic (AddChild refuses loops) but may be deep.
  std::vector<std::string> stack{group};
  std::vector<std::string> seen;
  while (!stack.empty()) {
    std::string g = std::move(stack.back());
    stack.pop_back();
    if (g == maybe_ancestor) return true;
    if (std::find(seen.begin(), seen.end(), g) != seen.end()) continue;
    seen.push_back(g);
    auto it = groups_.find(g);
    if (it != groups_.end()) stack.insert(stack.end(), it->second.parents.begin(), it->second.parents.end());
  }
  return false;
}

Status InventoryModel::AddChild(const std::string& parent, const std::string& child) {
  if (child == "all") return Status::Invalid("group 'all' cannot be a child of another group");
  AddGroup(parent);
  InventoryGroup& c = AddGroup(child);
  if (parent == "all") return Status::Ok();
  if (IsAncestorOrSelf(child, parent)) {
    return Status::Invalid("adding group '" + child + "' as a child of '" + parent + "' creates a loop");
  }
  InventoryGroup& p = groups_[parent];
  if (std::find(p.children.begin(), p.children.end(), child) == p.children.end()) {
    p.children.push_back(child);
    c.parents.push_back(parent);
  }
  return Status::Ok();
}

bool InventoryModel::RoomFor(size_t more, const std::string& file, int line) {
  if (hosts_.size() + more <= kMaxInventoryHosts) return true;
  if (!too_many_hosts_) Error(file, line, "inventory has more than " + std::to_string(kMaxInventoryHosts) + " hosts");
  too_many_hosts_ = true;
  return false;
}

InventoryHost& InventoryModel::AddHost(const std::string& name, const std::string& group) {
  auto [it, added] = hosts_.try_emplace(name);
  if (added) host_order_.push_back(name);
  if (group != "all") {
    AddGroup(group);
    std::vector<std::string>& g = it->second.groups;
    if (std::find(g.begin(), g.end(), group) == g.end()) g.push_back(group);
  }
  return it->second;
}

void InventoryModel::Error(const std::string& file, int line, const std::string& message) {
  if (diags_ != nullptr) diags_->Add("", file, line, message);
  if (first_error_.ok()) first_error_ = Status::Invalid(message, file, line);
}

void InventoryModel::Warn(const std::string& file, int line, const std::string& message) {
  if (diags_ != nullptr) diags_->Add("", file, line, "warning: " + message);
}

std::string UnquoteIniValue(const std::string& v) {
  if (v.size() < 2 || (v[0] != '\'' && v[0] != '"') || v.back() != v[0]) return v;
  std::string out;
  for (size_t i = 1; i + 1 < v.size(); ++i) {
    char c = v[i];
    if (c == v[0]) return v;  // an unescaped inner quote: not one Python string literal
    if (c != '\\' || i + 2 >= v.size()) {
      out += c;
      continue;
    }
    char n = v[++i];
    switch (n) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case '\\': case '\'': case '"': out += n; break;
      default: out += '\\'; out += n;
    }
  }
  return out;
}

}  // namespace shipshape
