// Loading Compose projects: file discovery, .env, override merge, extends.
#include "parse/compose_model.h"

#include <map>

#include "base/strings.h"
#include "parse/compose_dotenv.h"
#include "parse/compose_merge.h"
#include "parse/compose_shapes.h"

namespace shipshape::compose {
namespace {

constexpr const char* kBases[] = {"compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"};
constexpr const char* kOverrides[] = {"compose.override.yaml", "compose.override.yml", "docker-compose.override.yaml",
                                      "docker-compose.override.yml"};

std::string_view BaseName(std::string_view path) { return path.substr(path.rfind('/') + 1); }

bool IsOverrideName(std::string_view base) {
  for (const char* o : kOverrides) {
    if (base == o) return true;
  }
  return false;
}

void Erase(CNode& map, std::string_view key) {
  for (auto it = map.entries.begin(); it != map.entries.end(); ++it) {
    if (it->first == key) {
      map.entries.erase(it);
      return;
    }
  }
}

class ProjectLoader {
 public:
  ProjectLoader(const Snapshot& snap, Project& project) : snap_(snap), p_(project) {
    lookup_ = [this](std::string_view name) -> const std::string* {
      auto it = p_.vars.find(name);
      return it == p_.vars.end() ? nullptr : &it->second;
    };
  }

  // Parses one file into a document whose services are all maps and normalized; nullopt when
  // the file cannot be used at all (not in the snapshot, invalid YAML, not a mapping).
  std::optional<CNode> LoadFile(const std::string& path) {
    const std::string* text = snap_.File(path);
    if (!text) return std::nullopt;
    auto yaml = ParseYaml(*text, path);
    if (!yaml.ok()) {
      Error(path, std::max(yaml.status().line(), 1), yaml.status().message());
      return std::nullopt;
    }
    ConvertContext ctx{&lookup_, path, &p_.refs, &p_.diags};
    CNode doc = ConvertDocument(*yaml, ctx);
    if (!doc.IsMap()) {
      Error(path, std::max(doc.line, 1), "not a Compose file: the top level is not a mapping");
      return std::nullopt;
    }
    CleanServices(doc, path);
    return doc;
  }

  // The document of another file named by `extends: file:`, loaded once.
  const CNode* Cached(const std::string& path) {
    auto it = docs_.find(path);
    if (it == docs_.end()) it = docs_.emplace(path, LoadFile(path)).first;
    return it->second ? &*it->second : nullptr;
  }

  void ResolveExtends(CNode& svc, const std::string& name, const CNode* services, int depth) {
    const CNode* ext = svc.Get("extends");
    if (!ext) return;
    std::string target = ext->IsMap() ? CNode::TextOf(ext->Get("service")) : CNode::TextOf(ext);
    std::string other = ext->IsMap() ? CNode::TextOf(ext->Get("file")) : "";
    std::string where = ext->file;
    int line = ext->line;
    bool file_missing = false;
    if (!other.empty()) {
      const CNode* doc = Cached(ResolvePath(DirOf(where), other));
      services = doc ? doc->Get("services") : nullptr;
      file_missing = doc == nullptr;
      if (file_missing)
        Error(where, line, "service " + name + ": extends: file " + other + " is not in the snapshot or not usable");
    }
    const CNode* base = services && services->IsMap() ? services->Get(target) : nullptr;
    Erase(svc, "extends");
    if (!base || !base->IsMap()) {
      if (!file_missing) Error(where, line, "service " + name + ": extends: unknown service " + target);
      return;
    }
    if (depth > 8) {
      Error(where, line, "service " + name + ": extends: chain too long or circular");
      return;
    }
    CNode resolved = *base;
    ResolveExtends(resolved, target, services, depth + 1);
    MergeService(resolved, svc);
    resolved.file = svc.file;
    resolved.line = svc.line;
    svc = std::move(resolved);
  }

  void Error(const std::string& file, int line, std::string message) {
    p_.diags.push_back({file, line, std::move(message), true});
  }

 private:
  void CleanServices(CNode& doc, const std::string& path) {
    CNode* services = doc.Get("services");
    if (!services || services->IsNull()) return;
    if (!services->IsMap()) {
      Error(path, services->line, "services is not a mapping");
      Erase(doc, "services");
      return;
    }
    std::vector<CEntry> kept;
    for (auto& [name, def] : services->entries) {
      if (!def.IsMap()) {
        Error(path, def.line, "service " + name + " is not a mapping");
        continue;
      }
      for (Diag& d : DropMisshapenKeys(name, def)) Error(d.file.empty() ? path : d.file, d.line, std::move(d.message));
      NormalizeService(def);
      kept.emplace_back(name, std::move(def));
    }
    services->entries = std::move(kept);
  }

  const Snapshot& snap_;
  Project& p_;
  VarLookup lookup_;
  std::map<std::string, std::optional<CNode>> docs_;
};

std::string FolderName(const Snapshot& snap, const std::string& dir) {
  if (dir == "/") return snap.meta().host;
  return std::string(BaseName(dir));
}

Project LoadProject(const Snapshot& snap, const std::string& base, const std::string& override_file) {
  Project p;
  p.dir = DirOf(base);
  if (const std::string* env = snap.File(p.dir == "/" ? "/.env" : p.dir + "/.env")) p.vars = ProjectVariables(*env);
  ProjectLoader loader(snap, p);
  std::optional<CNode> doc = loader.LoadFile(base);
  if (!doc) return p;
  p.parsed.push_back(base);
  if (!override_file.empty()) {
    if (std::optional<CNode> over = loader.LoadFile(override_file)) {
      MergeDocument(*doc, *over);
      p.parsed.push_back(override_file);
    }
  }
  p.name = CNode::TextOf(doc->Get("name"));
  if (p.name.empty()) p.name = FolderName(snap, p.dir);
  if (CNode* services = doc->Get("services")) {
    for (auto& [name, def] : services->entries) loader.ResolveExtends(def, name, services, 0);
    for (auto& [name, def] : services->entries) p.services.push_back({name, std::move(def)});
  }
  if (const CNode* networks = doc->Get("networks")) p.networks = *networks;
  return p;
}

}  // namespace

bool IsComposeFileName(std::string_view path) {
  std::string_view base = BaseName(path);
  if (!EndsWith(base, ".yml") && !EndsWith(base, ".yaml")) return false;
  return StartsWith(base, "docker-compose") || StartsWith(base, "compose");
}

std::string DirOf(std::string_view path) {
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos || slash == 0) return "/";
  return std::string(path.substr(0, slash));
}

std::string ResolvePath(std::string_view dir, std::string_view path) {
  std::string joined = StartsWith(path, "/") ? std::string(path) : std::string(dir) + "/" + std::string(path);
  std::vector<std::string_view> parts;
  for (std::string_view part : Split(joined, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  std::string out;
  for (std::string_view part : parts) out += "/" + std::string(part);
  return out.empty() ? "/" : out;
}

std::vector<Project> LoadProjects(const Snapshot& snap) {
  std::map<std::string, std::vector<std::string>> by_dir;  // folder → compose files in it
  for (const auto& [path, text] : snap.files()) {
    if (IsComposeFileName(path)) by_dir[DirOf(path)].push_back(path);
  }
  std::vector<Project> out;
  for (const auto& [dir, files] : by_dir) {
    std::string prefix = dir == "/" ? "/" : dir + "/";
    std::string base, override_file;
    for (const char* b : kBases) {
      if (base.empty() && snap.File(prefix + b)) base = prefix + b;
    }
    for (const char* o : kOverrides) {
      if (override_file.empty() && snap.File(prefix + o)) override_file = prefix + o;
    }
    for (const std::string& file : files) {
      bool is_override = IsOverrideName(BaseName(file));
      if (is_override && !base.empty()) continue;  // merged into the base
      out.push_back(LoadProject(snap, file, file == base ? override_file : ""));
    }
  }
  return out;
}

}  // namespace shipshape::compose
