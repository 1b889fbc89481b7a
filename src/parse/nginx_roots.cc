// Finds nginx configuration roots in a host or stack snapshot and reads each with its includes.
#include "parse/nginx_roots.h"

#include <map>
#include <set>

#include "base/strings.h"

namespace shipshape {
namespace {

std::string Dirname(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == 0 || slash == std::string::npos ? "/" : path.substr(0, slash);
}

std::string Basename(const std::string& path) { return path.substr(path.rfind('/') + 1); }

std::string InFolder(const std::string& dir, const std::string& name) {
  return dir == "/" ? "/" + name : dir + "/" + name;
}

enum class Kind { kOther, kRoot, kServers, kFragment };

// What a *.conf holds at top level, parsed without reporting errors.
Kind Classify(const Snapshot& snap, const std::string& path) {
  std::vector<NginxSyntaxError> ignored;
  Kind kind = Kind::kOther;
  for (const NginxDirective& d : ParseNginxText(*snap.File(path), path, &ignored)) {
    if (!d.block) continue;
    if (d.name == "http") return Kind::kRoot;
    if (d.name == "server" || d.name == "upstream") kind = Kind::kServers;
    if (d.name == "location" && kind == Kind::kOther) kind = Kind::kFragment;
  }
  return kind;
}

// The folder an implicit root resolves relative includes from: the nearest folder above the file
// holding an nginx.conf, else the parent of a conf.d-like folder (the image's /etc/nginx), else the
// file's own folder.
std::string ImplicitRootDir(const Snapshot& snap, const std::string& file) {
  std::string folder = Dirname(file);
  for (std::string dir = folder;; dir = Dirname(dir)) {
    if (snap.File(InFolder(dir, "nginx.conf"))) return dir;
    if (dir == "/") break;
  }
  static const std::set<std::string> kDropIn = {"conf.d", "sites-enabled", "sites-available", "http.d", "vhosts.d"};
  if (folder != "/" && kDropIn.count(Basename(folder))) return Dirname(folder);
  return folder;
}

// A root whose top level has server blocks and no http block is a conf.d file (awesome-compose mounts
// a proxy/nginx.conf as /etc/nginx/conf.d/default.conf): read as the content of http {}.
bool IsHttpContent(const std::vector<NginxDirective>& top) {
  bool servers = false;
  for (const NginxDirective& d : top) {
    if (d.block && d.name == "http") return false;
    if (d.block && (d.name == "server" || d.name == "upstream")) servers = true;
  }
  return servers;
}

NginxRoot ReadRoot(const Snapshot& snap, const std::string& config, const std::vector<std::string>& files,
                   const std::string& dir, bool implicit) {
  NginxTree tree = ReadNginxTree(snap, files, NginxReadOptions{dir, true});
  if (!implicit) implicit = IsHttpContent(tree.directives);
  return NginxRoot{config, implicit, std::move(tree)};
}

// Orphans included by another orphan are read through it, not on their own.
std::vector<std::string> DropIncluded(const Snapshot& snap, const std::vector<std::string>& orphans) {
  std::set<std::string> included;
  for (const std::string& f : orphans) {
    NginxTree t = ReadNginxTree(snap, {f}, NginxReadOptions{ImplicitRootDir(snap, f), true});
    for (const std::string& g : t.files) {
      if (g != f) included.insert(g);
    }
  }
  std::vector<std::string> out;
  for (const std::string& f : orphans) {
    if (!included.count(f)) out.push_back(f);
  }
  return out;
}

NginxConfigs FindStackConfigs(const Snapshot& snap) {
  NginxConfigs out;
  std::set<std::string> read;
  std::vector<std::string> servers, fragments;
  auto add_root = [&](NginxRoot root) {
    read.insert(root.tree.files.begin(), root.tree.files.end());
    out.roots.push_back(std::move(root));
  };
  for (const auto& [path, text] : snap.files()) {
    if (Basename(path) == "nginx.conf") add_root(ReadRoot(snap, path, {path}, Dirname(path), false));
  }
  for (const auto& [path, text] : snap.files()) {
    std::string base = Basename(path);
    // *.conf, or a name without extension (awesome-compose's proxy/conf, copied into the image's conf.d).
    bool candidate = EndsWith(base, ".conf") || base.find('.') == std::string::npos;
    if (!candidate || base == "nginx.conf" || base[0] == '.' || read.count(path)) continue;
    Kind kind = Classify(snap, path);
    if (kind == Kind::kRoot) add_root(ReadRoot(snap, path, {path}, Dirname(path), false));
    if (kind == Kind::kServers) servers.push_back(path);
    if (kind == Kind::kFragment) fragments.push_back(path);
  }
  std::map<std::string, std::vector<std::string>> groups;  // folder → its orphan files, in name order
  for (const std::string& f : DropIncluded(snap, servers)) {
    if (!read.count(f)) groups[Dirname(f)].push_back(f);
  }
  for (const auto& [folder, files] : groups) {
    add_root(ReadRoot(snap, InFolder(folder, "*.conf"), files, ImplicitRootDir(snap, files[0]), true));
  }
  for (const std::string& f : fragments) {
    if (read.count(f)) continue;
    std::vector<NginxSyntaxError> errors;
    ParseNginxText(*snap.File(f), f, &errors);
    for (const auto& e : errors) out.fragment_issues.push_back({f, e.line, e.message, false});
  }
  return out;
}

}  // namespace

NginxConfigs FindNginxConfigs(const Snapshot& snap) {
  if (snap.meta().method == "stack") return FindStackConfigs(snap);
  NginxConfigs out;
  const std::string main = "/etc/nginx/nginx.conf";
  if (snap.File(main)) {
    out.roots.push_back(NginxRoot{main, false, ReadNginxTree(snap, {main}, NginxReadOptions{"/etc/nginx", false})});
  }
  return out;
}

}  // namespace shipshape
