// ReadInventory: choosing the format as Ansible does, then vars folders, then resolution.
#include "fleet/inventory.h"

#include "base/file_io.h"
#include "base/strings.h"
#include "base/yaml.h"
#include "fleet/inventory_model.h"

namespace shipshape {
namespace {

std::string Extension(const std::string& path) {
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return ToLower(path.substr(dot));
}

std::string DirName(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// A mapping with 'all', or with a group whose value has hosts, children or vars.
bool LooksLikeYamlInventory(const YamlNode& root) {
  if (!root.IsMap()) return false;
  if (root["all"].IsDefined()) return true;
  for (const auto& [name, node] : root.Entries()) {
    if (node["hosts"].IsDefined() || node["children"].IsDefined() || node["vars"].IsDefined()) return true;
  }
  return false;
}

void ReadFormat(const std::string& text, const std::string& path, InventoryModel& model) {
  std::string ext = Extension(path);
  if (ext == ".ini") return ReadIniInventory(text, path, model);
  Result<YamlNode> yaml = ParseYaml(text, path);
  if (ext == ".yml" || ext == ".yaml" || ext == ".json") {
    if (!yaml.ok()) return model.Error(path, yaml.status().line(), yaml.status().message());
    return ReadYamlInventory(*yaml, path, model);
  }
  if (yaml.ok() && LooksLikeYamlInventory(*yaml)) return ReadYamlInventory(*yaml, path, model);
  ReadIniInventory(text, path, model);
}

}  // namespace

Result<std::vector<FleetTarget>> ReadInventory(const std::string& path, Diagnostics* diags) {
  InventoryModel model(diags);
  Result<std::string> text = IsDirectory(path) ? Result<std::string>(Status::Io("is a folder", path))
                                               : ReadWholeFile(path);
  if (!text.ok()) {
    model.Error(path, 0, "cannot read inventory: " + text.status().message());
    return model.first_error();
  }
  ReadFormat(*text, path, model);
  if (model.first_error().ok()) LoadVarsDirs(DirName(path), model);
  std::vector<FleetTarget> targets;
  if (model.first_error().ok()) targets = ResolveTargets(model);
  if (!model.first_error().ok()) return model.first_error();
  if (targets.empty()) model.Warn(path, 0, "inventory lists no hosts");
  return targets;
}

}  // namespace shipshape
