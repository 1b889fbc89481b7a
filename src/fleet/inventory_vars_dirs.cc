// group_vars/ and host_vars/ beside an inventory: the files Ansible's host_group_vars plugin reads.
#include "base/file_io.h"
#include "base/strings.h"
#include "base/yaml.h"
#include "fleet/inventory_model.h"

namespace shipshape {
namespace {

bool VarsExtension(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string base = path.substr(slash == std::string::npos ? 0 : slash + 1);
  size_t dot = base.rfind('.');
  if (dot == std::string::npos || dot == 0) return true;
  std::string ext = base.substr(dot);
  return ext == ".yml" || ext == ".yaml" || ext == ".json";
}

bool Hidden(const std::string& relative) {
  return relative[0] == '.' || relative.find("/.") != std::string::npos;
}

// A name that would leave the folder (../x, a/b) or is hidden is never used as a path.
bool SafeName(const std::string& name) {
  return !name.empty() && name[0] != '.' && name.find('/') == std::string::npos &&
         name.find('\0') == std::string::npos;
}

// As Ansible: a folder named after the entity (every vars file in it, sorted, recursively), else
// the files NAME, NAME.yml, NAME.yaml, NAME.json that exist.
std::vector<std::string> VarsFiles(const std::string& dir, const std::string& name) {
  std::vector<std::string> out;
  std::string base = dir + "/" + name;
  if (IsDirectory(base)) {
    Result<std::vector<std::string>> files = ListFilesRecursive(base);
    if (!files.ok()) return out;
    for (const std::string& f : *files) {
      if (!Hidden(f) && VarsExtension(f)) out.push_back(base + "/" + f);
    }
    return out;
  }
  for (const char* ext : {"", ".yml", ".yaml", ".json"}) {
    if (IsRegularFile(base + ext)) out.push_back(base + ext);
  }
  return out;
}

void LoadVarsFile(const std::string& path, const std::string& what, VarMap& vars, InventoryModel& m) {
  Result<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return m.Error(path, 0, "cannot read variables file");
  if (StartsWith(Trim(*text), "$ANSIBLE_VAULT")) {
    return m.Warn(path, 1, "encrypted with ansible-vault; its variables are not read");
  }
  Result<YamlNode> root = ParseYaml(*text, path);
  if (!root.ok()) return m.Error(path, root.status().line(), root.status().message());
  if (root->IsNull() || !root->IsDefined()) return;
  if (!root->IsMap()) return m.Error(path, root->Line(), "variables file must be a mapping");
  ReadYamlVars(*root, path, what, vars, m);
}

}  // namespace

void LoadVarsDirs(const std::string& inventory_dir, InventoryModel& model) {
  std::string group_dir = inventory_dir + "/group_vars", host_dir = inventory_dir + "/host_vars";
  if (IsDirectory(group_dir)) {
    for (auto& [name, group] : model.groups()) {
      if (!SafeName(name)) continue;
      for (const std::string& f : VarsFiles(group_dir, name)) {
        LoadVarsFile(f, "group '" + name + "'", group.dir_vars, model);
      }
    }
  }
  if (IsDirectory(host_dir)) {
    for (auto& [name, host] : model.hosts()) {
      if (!SafeName(name)) continue;
      for (const std::string& f : VarsFiles(host_dir, name)) LoadVarsFile(f, "host", host.dir_vars, model);
    }
  }
}

}  // namespace shipshape
