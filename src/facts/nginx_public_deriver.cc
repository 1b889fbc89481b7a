// Derives nginx_servers.public: is each nginx listen port reachable from outside? On a host, from
// the exposure table; in a stack, from the compose service that runs nginx and the ports it publishes.
#include <map>
#include <optional>
#include <tuple>
#include <vector>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

struct Listen {
  int64_t rowid = 0;
  std::string host, config, file;
  int64_t port = 0;
  bool loopback = false;
};

struct Service {
  std::string project, dir, name, image, network_mode;
  bool built = false;
  std::vector<std::string> binds;  // bind-mount sources as stack paths ("/nginx/conf.d")
};

struct Port {
  std::string project, service, published;
  int64_t container_port = 0;
  bool all_interfaces = false;
};

// "/a/./b/../c/" → "/a/c"; `rel` is resolved against `dir` unless absolute.
std::string NormalizePath(const std::string& dir, const std::string& rel) {
  std::vector<std::string> parts;
  std::string joined = !rel.empty() && rel[0] == '/' ? rel : dir + "/" + rel;
  for (std::string_view seg : Split(joined, '/')) {
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else {
      parts.emplace_back(seg);
    }
  }
  return "/" + Join(parts, "/");
}

bool Covers(const std::string& source, const std::string& path) {
  return path == source || StartsWith(path, source + "/");
}

std::string Dirname(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == 0 || slash == std::string::npos ? "/" : path.substr(0, slash);
}

// A host: the exposure verdicts of the port ('yes' anywhere → 1; only 'no'/'private' → 0).
constexpr const char* kHostSql =
    "UPDATE nginx_servers SET public = CASE WHEN loopback = 1 THEN 0 ELSE ("
    "  SELECT CASE WHEN max(e.reachable = 'yes') = 1 THEN 1 WHEN min(e.reachable IN ('no', 'private')) = 1 THEN 0 END"
    "  FROM exposure e WHERE e.host = nginx_servers.host AND e.port = nginx_servers.port AND e.proto = 'tcp') END "
    "WHERE host IN (SELECT host FROM hosts WHERE method <> 'stack')";

Result<std::vector<Listen>> ReadStackListens(Database& db) {
  std::vector<Listen> out;
  Status st = ForEachRow(db,
                         "SELECT s.rowid, s.host, s.config, s.file, s.port, s.loopback FROM nginx_servers s "
                         "JOIN hosts h ON h.host = s.host WHERE h.method = 'stack'",
                         [&](Statement& s) {
                           out.push_back({s.ColumnInt(0), s.ColumnText(1), s.ColumnText(2), s.ColumnText(3),
                                          s.ColumnInt(4), s.ColumnInt(5) != 0});
                         });
  if (!st.ok()) return st;
  return out;
}

using ServicesByHost = std::map<std::string, std::vector<Service>>;

Status ReadServices(Database& db, ServicesByHost& out) {
  std::map<std::tuple<std::string, std::string, std::string>, Service*> index;
  Status st = ForEachRow(db, "SELECT host, project, dir, service, image, network_mode, build FROM compose_services",
                         [&](Statement& s) {
                           out[s.ColumnText(0)].push_back({s.ColumnText(1),
                                                           s.ColumnText(2),
                                                           s.ColumnText(3),
                                                           ToLower(s.ColumnText(4)),
                                                           s.ColumnText(5),
                                                           s.ColumnInt(6) != 0,
                                                           {}});
                         });
  if (!st.ok()) return st;
  for (auto& [host, services] : out) {
    for (Service& svc : services) index[{host, svc.project, svc.name}] = &svc;
  }
  return ForEachRow(db, "SELECT host, project, service, source FROM compose_mounts WHERE type = 'bind'",
                    [&](Statement& s) {
                      auto it = index.find({s.ColumnText(0), s.ColumnText(1), s.ColumnText(2)});
                      if (it == index.end()) return;
                      std::string source = s.ColumnText(3);
                      // Absolute host paths cannot be placed in the stack folder.
                      if (!source.empty() && source[0] != '/') {
                        it->second->binds.push_back(NormalizePath(it->second->dir, source));
                      }
                    });
}

Status ReadPorts(Database& db, std::map<std::string, std::vector<Port>>& out) {
  return ForEachRow(db,
                    "SELECT host, project, service, published, container_port, all_interfaces FROM compose_ports "
                    "WHERE protocol = 'tcp' AND published <> ''",
                    [&](Statement& s) {
                      out[s.ColumnText(0)].push_back(
                          {s.ColumnText(1), s.ColumnText(2), s.ColumnText(3), s.ColumnInt(4), s.ColumnInt(5) != 0});
                    });
}

// The service running this nginx: one bind-mounting the server's file or its config's folder, else
// one whose image is nginx or openresty, else one named like the config's top folder, else the
// only service built from source.
const Service* NginxService(const std::vector<Service>& services, const Listen& l) {
  std::string config_dir = Dirname(l.config);
  for (const Service& svc : services) {
    for (const std::string& b : svc.binds) {
      if (b == "/") continue;  // the whole folder (".") says nothing about which service is nginx
      if (Covers(b, l.file) || Covers(b, config_dir) || (config_dir != "/" && Covers(config_dir, b))) return &svc;
    }
  }
  for (const Service& svc : services) {
    if (svc.image.find("nginx") != std::string::npos || svc.image.find("openresty") != std::string::npos) return &svc;
  }
  // An image built from the config's folder (`build: ./nginx` copies nginx/nginx.conf in): the
  // service named like the config's top folder.
  std::string top = l.config.substr(1, l.config.find('/', 1) - 1);
  const Service* only_built = nullptr;
  int built = 0;
  for (const Service& svc : services) {
    if (svc.name == top) return &svc;
    if (svc.built) {
      ++built;
      only_built = &svc;
    }
  }
  // A stack whose one built image is the web front (react-nginx: `build: .`).
  return built == 1 ? only_built : nullptr;
}

// How many ports a published range spans ("8881-8886" → 6, "80" → 1).
int64_t RangeLength(const std::string& published) {
  std::string_view last = published;
  if (size_t colon = last.rfind(':'); colon != std::string_view::npos) last = last.substr(colon + 1);
  size_t dash = last.find('-');
  if (dash == std::string_view::npos) return 1;
  auto lo = ParseInt(last.substr(0, dash)), hi = ParseInt(last.substr(dash + 1));
  return lo && hi && *hi >= *lo ? *hi - *lo + 1 : 1;
}

bool StackPublic(const Service* svc, const std::vector<Port>& ports, const Listen& l) {
  if (l.loopback || !svc) return false;
  if (svc->network_mode == "host") return true;
  for (const Port& p : ports) {
    if (p.project != svc->project || p.service != svc->name || !p.all_interfaces) continue;
    if (l.port >= p.container_port && l.port < p.container_port + RangeLength(p.published)) return true;
  }
  return false;
}

Status DeriveStacks(Database& db) {
  auto listens = ReadStackListens(db);
  if (!listens.ok()) return listens.status();
  if (listens->empty()) return Status::Ok();
  // Without the compose tables (not built in), a stack's exposure stays unknown.
  if (!FindTable("compose_services") || !FindTable("compose_ports") || !FindTable("compose_mounts")) {
    return Status::Ok();
  }
  ServicesByHost services;
  std::map<std::string, std::vector<Port>> ports;
  if (Status st = ReadServices(db, services); !st.ok()) return st;
  if (Status st = ReadPorts(db, ports); !st.ok()) return st;
  auto update = db.Prepare("UPDATE nginx_servers SET public = ? WHERE rowid = ?");
  if (!update.ok()) return update.status();
  for (const Listen& l : *listens) {
    // A folder without compose file: nothing tells how nginx runs, so reachability stays unknown.
    if (services[l.host].empty() && !l.loopback) continue;
    const Service* svc = NginxService(services[l.host], l);
    (*update)->BindInt(1, StackPublic(svc, ports[l.host], l) ? 1 : 0);
    (*update)->BindInt(2, l.rowid);
    if (Status st = (*update)->Run(); !st.ok()) return st;
    (*update)->Reset();
  }
  return Status::Ok();
}

Status DeriveNginxPublic(FactDb& db, Diagnostics&) {
  if (Status st = db.db().Exec(kHostSql); !st.ok()) return st;
  return DeriveStacks(db.db());
}

// After the exposure deriver (order 30), whose table it reads.
const bool kRegistered = RegisterDeriver(
    {"nginx_public", "nginx_servers.public: listen ports reachable from outside", DeriveNginxPublic, 40});

}  // namespace
}  // namespace shipshape
