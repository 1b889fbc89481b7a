// Building the routing matrix from the nginx (and compose) fact tables.
#include "render/route_matrix.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "base/strings.h"

namespace shipshape {
namespace {

using ServerKey = std::pair<std::string, int64_t>;  // host, server block index

struct Location {
  std::string path, upstream, hides, return_target, root;
  int64_t port = 0, return_code = 0;
};

// Service names by host: nginx upstream blocks and compose container names → the service.
using NameMap = std::map<std::pair<std::string, std::string>, std::string>;

// A table another engineer may not have registered yet (older snapshots' fact sets too): naming
// services is a refinement, so its absence is not an error.
void ReadNames(Database& db, const std::string& sql, NameMap* names) {
  (void)ForEachRow(db, sql, [&](Statement& s) {
    names->emplace(std::make_pair(s.ColumnText(0), s.ColumnText(1)), s.ColumnText(2));
  });
}

NameMap ServiceNames(Database& db) {
  NameMap names;
  ReadNames(db, "SELECT host, name, service FROM nginx_upstreams WHERE service <> '' ORDER BY host, file, line",
            &names);
  ReadNames(db, "SELECT host, service, service FROM compose_services", &names);
  ReadNames(db, "SELECT host, container_name, service FROM compose_services WHERE container_name <> ''", &names);
  return names;
}

std::string ServiceOf(const NameMap& names, const std::string& host, const std::string& upstream) {
  auto it = names.find({host, upstream});
  if (it == names.end()) return upstream;
  auto again = names.find({host, it->second});  // an upstream block naming a container
  return again != names.end() ? again->second : it->second;
}

Status ReadLocations(Database& db, std::map<ServerKey, std::vector<Location>>* out) {
  return ForEachRow(db,
                    "SELECT host, server, path, COALESCE(upstream, ''), COALESCE(upstream_port, 0), "
                    "COALESCE(hides_headers, ''), COALESCE(return_code, 0), COALESCE(return_target, ''), "
                    "COALESCE(NULLIF(root, ''), alias, '') FROM nginx_locations ORDER BY host, server, file, line",
                    [&](Statement& s) {
                      Location l{s.ColumnText(2), s.ColumnText(3), s.ColumnText(5), s.ColumnText(7),
                                 s.ColumnText(8), s.ColumnInt(4),  s.ColumnInt(6)};
                      (*out)[{s.ColumnText(0), s.ColumnInt(1)}].push_back(std::move(l));
                    });
}

// The locations that speak for the server: `location /` when it exists, else none (server level).
const Location* RootLocation(const std::vector<Location>& locations) {
  for (const Location& l : locations) {
    if (l.path == "/") return &l;
  }
  return nullptr;
}

void FillUpstreams(const std::vector<Location>& locations, const NameMap& names, RouteRow* row) {
  std::vector<const Location*> order;
  const Location* root = RootLocation(locations);
  if (root) order.push_back(root);
  for (const Location& l : locations) {
    if (&l != root) order.push_back(&l);
  }
  for (const Location* l : order) {
    if (l->upstream.empty()) continue;
    RouteUpstream u{ServiceOf(names, row->host, l->upstream), l->port};
    bool seen = std::any_of(row->upstreams.begin(), row->upstreams.end(),
                            [&](const RouteUpstream& x) { return x.service == u.service && x.port == u.port; });
    if (!seen) row->upstreams.push_back(u);
  }
  if (!row->upstreams.empty() || order.empty()) return;
  const Location& first = *order.front();
  if (first.return_code > 0) {
    row->serves = "return " + std::to_string(first.return_code);
    if (!first.return_target.empty()) row->serves += " " + first.return_target;
  } else if (!first.root.empty()) {
    row->serves = "static " + first.root;
  }
}

void FillStripped(const std::vector<Location>& locations, RouteRow* row) {
  const Location* root = RootLocation(locations);
  if (!root) return;
  for (std::string_view h : SplitWhitespace(root->hides)) {
    if (h == "x-frame-options") row->stripped.push_back("X-Frame-Options");
    if (h == "content-security-policy") row->stripped.push_back("Content-Security-Policy");
  }
}

// Effective security headers: those of `location /` when the server has one, else the server's.
Status ReadHeaders(Database& db, std::map<ServerKey, std::vector<RouteRow*>>& rows,
                   const std::map<ServerKey, std::vector<Location>>& locations) {
  return ForEachRow(
      db,
      "SELECT host, server, COALESCE(location, ''), lower(name), value FROM nginx_headers WHERE lower(name) IN "
      "('x-frame-options', 'content-security-policy', 'strict-transport-security')",
      [&](Statement& s) {
        ServerKey key{s.ColumnText(0), s.ColumnInt(1)};
        auto it = locations.find(key);
        bool has_root = it != locations.end() && RootLocation(it->second) != nullptr;
        if (s.ColumnText(2) != (has_root ? "/" : "")) return;
        std::string name = s.ColumnText(3), value = s.ColumnText(4);
        for (RouteRow* row : rows[key]) {
          if (name == "x-frame-options")
            row->frame_options = value;
          else if (name == "content-security-policy")
            row->csp = value;
          else
            row->hsts = true;
        }
      });
}

// "http > server > location /api/" → "/api/"; "" at server or http level.
std::string LocationOfContext(const std::string& context) {
  size_t at = context.rfind("location ");
  if (at == std::string::npos) return "";
  std::string rest = context.substr(at + 9);
  size_t end = rest.find(" > ");
  return end == std::string::npos ? rest : rest.substr(0, end);
}

// What a limiting directive contributes: "limit_req api", "allow/deny", "auth"; "" for none.
std::string LimitOf(const std::string& name, const std::string& args) {
  if (name == "limit_req") {
    for (std::string_view a : SplitWhitespace(args)) {
      if (StartsWith(a, "zone=")) return "limit_req " + std::string(a.substr(5));
    }
    return "limit_req";
  }
  if (name == "allow" || name == "deny") return "allow/deny";
  return args == "off" ? "" : "auth";
}

// limits by server ("" scope = the whole server), with http-level ones under server -1.
using Scopes = std::map<std::string, std::vector<std::string>>;  // limit → scopes, in order

Status ReadLimits(Database& db, std::map<ServerKey, Scopes>* out) {
  return ForEachRow(db,
                    "SELECT host, COALESCE(server, -1), context, name, args FROM nginx_directives WHERE name IN "
                    "('limit_req', 'allow', 'deny', 'auth_basic', 'auth_request') AND context LIKE 'http%' "
                    "ORDER BY host, file, line",
                    [&](Statement& s) {
                      std::string limit = LimitOf(s.ColumnText(3), s.ColumnText(4));
                      if (limit.empty()) return;
                      std::vector<std::string>& scopes = (*out)[{s.ColumnText(0), s.ColumnInt(1)}][limit];
                      std::string scope = LocationOfContext(s.ColumnText(2));
                      if (std::find(scopes.begin(), scopes.end(), scope) == scopes.end()) scopes.push_back(scope);
                    });
}

void FillLimits(const std::map<ServerKey, Scopes>& limits, const ServerKey& key, RouteRow* row) {
  Scopes merged;
  for (const ServerKey& k : {ServerKey{key.first, -1}, key}) {
    auto it = limits.find(k);
    if (it == limits.end()) continue;
    for (const auto& [limit, scopes] : it->second) {
      auto& into = merged[limit];
      into.insert(into.end(), scopes.begin(), scopes.end());
    }
  }
  for (const auto& [limit, scopes] : merged) {
    bool whole = std::find(scopes.begin(), scopes.end(), "") != scopes.end();
    row->limits.push_back(whole ? limit : limit + " on " + Join(scopes, " "));
  }
}

// A stack host's files are printed relative to its folder, like the audit's report.
void RelativeStackFiles(Database& db, std::vector<RouteRow>* rows) {
  std::set<std::string> stacks;
  (void)ForEachRow(db, "SELECT host FROM hosts WHERE method = 'stack'",
                   [&](Statement& s) { stacks.insert(s.ColumnText(0)); });
  for (RouteRow& r : *rows) {
    if (stacks.count(r.host) && StartsWith(r.file, "/")) r.file = r.file.substr(1);
  }
}

}  // namespace

Result<std::vector<RouteRow>> BuildRouteMatrix(Database& db) {
  std::vector<RouteRow> rows;
  std::vector<ServerKey> keys;
  Status st = ForEachRow(db,
                         "SELECT host, server, server_names, listen, public, file, line FROM nginx_servers "
                         "ORDER BY host, server, line, listen",
                         [&](Statement& s) {
                           RouteRow r;
                           r.host = s.ColumnText(0);
                           r.server_names = s.ColumnText(2);
                           r.listen = s.ColumnText(3);
                           if (!s.ColumnIsNull(4)) r.is_public = s.ColumnInt(4) != 0;
                           r.file = s.ColumnText(5);
                           r.line = static_cast<int>(s.ColumnInt(6));
                           rows.push_back(std::move(r));
                           keys.emplace_back(s.ColumnText(0), s.ColumnInt(1));
                         });
  if (!st.ok()) return st;
  std::map<ServerKey, std::vector<Location>> locations;
  if (st = ReadLocations(db, &locations); !st.ok()) return st;
  std::map<ServerKey, Scopes> limits;
  if (st = ReadLimits(db, &limits); !st.ok()) return st;
  NameMap names = ServiceNames(db);
  std::map<ServerKey, std::vector<RouteRow*>> by_server;
  for (size_t i = 0; i < rows.size(); ++i) {
    by_server[keys[i]].push_back(&rows[i]);
    const std::vector<Location>& locs = locations[keys[i]];
    FillUpstreams(locs, names, &rows[i]);
    FillStripped(locs, &rows[i]);
    FillLimits(limits, keys[i], &rows[i]);
  }
  if (st = ReadHeaders(db, by_server, locations); !st.ok()) return st;
  RelativeStackFiles(db, &rows);
  return rows;
}

}  // namespace shipshape
