// Parser for nginx configuration (/etc/nginx/nginx.conf on a host, every nginx root of a stack folder,
// with includes): tables nginx_directives, nginx_servers, nginx_locations, nginx_headers, nginx_upstreams.
#include <set>
#include <tuple>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/ip_scope.h"
#include "parse/nginx_effective.h"
#include "parse/nginx_roots.h"
#include "parse/nginx_tables.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

struct Walk {
  FactSink& out;
  std::string config;
  NginxUpstreams upstreams;
  int& next_server;
};

// Blocks that hold value pairs, not directives (map, geo, types, …): their entries are not rows.
bool IsPairsBlock(const std::string& name) {
  return name == "map" || name == "geo" || name == "types" || name == "split_clients" || name == "charset_map" ||
         name == "match";
}

int64_t PortOf(const std::string& listen) {
  if (StartsWith(listen, "unix:")) return 0;
  std::string s = listen;
  size_t bracket = s.rfind(']');
  size_t colon = s.rfind(':');
  if (colon != std::string::npos && (bracket == std::string::npos || colon > bracket)) s = s.substr(colon + 1);
  else if (bracket != std::string::npos) return 80;
  if (auto p = ParseInt(s)) return *p;
  return 80;
}

// The address part of a listen ('' for every address: "80", "*:80", "0.0.0.0:80", "[::]:80").
std::string AddressOf(const std::string& listen) {
  if (StartsWith(listen, "unix:")) return listen;
  std::string addr;
  if (!listen.empty() && listen[0] == '[') {
    addr = listen.substr(1, listen.find(']') - 1);
  } else if (size_t colon = listen.rfind(':'); colon != std::string::npos) {
    addr = listen.substr(0, colon);
  } else if (!ParseInt(listen)) {
    addr = listen;
  }
  return addr == "*" || IsAnyAddress(addr) ? "" : addr;
}

bool IsLoopbackAddress(const std::string& addr) {
  return StartsWith(addr, "unix:") || addr == "localhost" || IsLoopback(addr);
}

void AddServerRow(const NginxDirective& d, const std::string& listen, int index, const std::string& names,
                  bool restricted, Walk& w) {
  bool ssl = false, def = false;
  for (size_t i = 1; i < d.args.size(); ++i) {
    if (d.args[i] == "ssl" || d.args[i] == "quic") ssl = true;
    if (d.args[i] == "default_server" || d.args[i] == "default") def = true;
  }
  std::string addr = AddressOf(listen);
  w.out.Add(kNginxServers,
            {V(int64_t{index}), V(listen), V(PortOf(listen)), VBool(ssl), VBool(def), V(names), V(w.config), V(addr),
             VBool(IsLoopbackAddress(addr)), VNull(), VBool(restricted), V(d.file), V(int64_t{d.line})});
}

void AddServer(const NginxDirective& server, int index, const NginxChain& chain, Walk& w) {
  std::string names;
  for (const auto& d : server.children) {
    if (d.name == "server_name") names += (names.empty() ? "" : " ") + Join(d.args, " ");
  }
  bool restricted = EffectiveAccessRestricted(chain);
  bool any_listen = false;
  for (const auto& d : server.children) {
    if (d.name != "listen" || d.args.empty()) continue;
    any_listen = true;
    AddServerRow(d, d.args[0], index, names, restricted, w);
  }
  if (!any_listen) AddServerRow(server, "", index, names, restricted, w);
}

void AddHeaders(const NginxChain& chain, Value server, Value location, Walk& w) {
  for (const NginxHeader& h : EffectiveHeaders(chain)) {
    w.out.Add(kNginxHeaders,
              {server, location, V(h.name), V(h.value), VBool(h.always), V(h.level), V(h.file), V(int64_t{h.line})});
  }
}

void AddUpstream(const NginxDirective& u, Walk& w) {
  if (u.args.empty()) return;
  NginxUpstreams one = CollectUpstreams({u});
  for (const auto& s : one[u.args[0]]) {
    w.out.Add(kNginxUpstreams, {V(u.args[0]), V(s.addr), V(s.target.host), s.target.port ? V(*s.target.port) : VNull(),
                                V(s.file), V(int64_t{s.line})});
  }
}

const NginxDirective* Direct(const std::vector<NginxDirective>& list, std::initializer_list<const char*> names) {
  for (const auto& c : list) {
    for (const char* n : names) {
      if (c.name == n && !c.args.empty()) return &c;
    }
  }
  return nullptr;
}

// The first directive named one of `names` in the block, else in an `if` inside it.
const NginxDirective* FirstOf(const NginxDirective& block, std::initializer_list<const char*> names) {
  if (const NginxDirective* d = Direct(block.children, names)) return d;
  for (const auto& c : block.children) {
    if (c.name != "if" || !c.block) continue;
    if (const NginxDirective* d = Direct(c.children, names)) return d;
  }
  return nullptr;
}

// upstream and upstream_port of a location: the host and port of its proxy target, through
// `upstream` blocks (their first server's port).
std::pair<Value, Value> TargetOf(const NginxDirective& loc, const Walk& w) {
  const NginxDirective* pass = FirstOf(loc, {"proxy_pass"});
  if (!pass) pass = FirstOf(loc, {"fastcgi_pass", "uwsgi_pass", "grpc_pass", "scgi_pass"});
  if (!pass) return {V(""), VNull()};
  NginxTarget t = ParseNginxTarget(pass->args[0]);
  auto up = w.upstreams.find(t.host);
  if (up != w.upstreams.end()) t.port = up->second.empty() ? std::nullopt : up->second[0].target.port;
  return {V(t.host), t.port ? V(*t.port) : VNull()};
}

void AddLocation(const NginxDirective& loc, Value server, const NginxChain& chain, Walk& w) {
  const NginxDirective* proxy = FirstOf(loc, {"proxy_pass"});
  const NginxDirective* alias = Direct(loc.children, {"alias"});
  const NginxDirective* ret = Direct(loc.children, {"return"});
  Value code = VNull(), target = V("");
  if (ret) {
    auto n = ParseInt(ret->args[0]);
    code = V(n ? *n : int64_t{302});
    target = V(n ? (ret->args.size() > 1 ? ret->args[1] : "") : ret->args[0]);
  }
  auto [upstream, port] = TargetOf(loc, w);
  w.out.Add(kNginxLocations,
            {server, V(Join(loc.args, " ")), V(proxy ? proxy->args[0] : ""), VBool(EffectiveLimitReq(chain)),
             VBool(EffectiveAccessRestricted(chain)), V(alias ? alias->args[0] : ""), V(EffectiveRoot(chain)), code,
             target, upstream, port, V(EffectiveHiddenHeaders(chain)), V(loc.file), V(int64_t{loc.line})});
}

void WalkList(const std::vector<NginxDirective>& list, const std::string& context, Value server, NginxChain& chain,
              Walk& w);

// A block: servers and locations push a level on the inheritance chain; `if` and others do not.
void WalkBlock(const NginxDirective& d, const std::string& context, Value server, NginxChain& chain, Walk& w) {
  std::string label = d.name;
  size_t depth = chain.size();
  if (d.name == "http" && context.empty()) {
    chain.push_back({&d.children, "http"});
  } else if (d.name == "server" && context == "http") {
    int index = w.next_server++;
    server = V(int64_t{index});
    chain.push_back({&d.children, "server"});
    AddServer(d, index, chain, w);
    AddHeaders(chain, server, VNull(), w);
  } else if (d.name == "location") {
    label += " " + Join(d.args, " ");
    if (!std::holds_alternative<std::monostate>(server)) {
      chain.push_back({&d.children, "location"});
      AddLocation(d, server, chain, w);
      AddHeaders(chain, server, V(Join(d.args, " ")), w);
    }
  } else if (d.name == "upstream" && context == "http") {
    AddUpstream(d, w);
  }
  WalkList(d.children, context.empty() ? label : context + " > " + label, server, chain, w);
  chain.resize(depth);
}

void WalkList(const std::vector<NginxDirective>& list, const std::string& context, Value server, NginxChain& chain,
              Walk& w) {
  for (const NginxDirective& d : list) {
    w.out.Add(kNginxDirectives, {V(context), server, V(d.name), V(Join(d.args, " ")), V(d.file), V(int64_t{d.line})});
    if (d.block && !IsPairsBlock(d.name)) WalkBlock(d, context, server, chain, w);
  }
}

NginxUpstreams UpstreamsOf(const NginxRoot& root) {
  if (root.implicit) return CollectUpstreams(root.tree.directives);
  NginxUpstreams all;
  for (const auto& d : root.tree.directives) {
    if (d.name == "http" && d.block) all.merge(CollectUpstreams(d.children));
  }
  return all;
}

void ReportIssues(const std::vector<NginxIssue>& issues, std::set<std::tuple<std::string, int, std::string>>& seen,
                  FactSink& out) {
  for (const NginxIssue& i : issues) {
    if (!seen.insert({i.file, i.line, i.message}).second) continue;  // a file included twice errs once
    if (i.warning)
      out.Warn(i.file, i.line, i.message);
    else
      out.Error("web", i.file, i.line, i.message);
  }
}

void ParseNginx(const Snapshot& snap, FactSink& out) {
  NginxConfigs configs = FindNginxConfigs(snap);
  if (configs.roots.empty() && snap.meta().method != "stack") {
    if (snap.Command("dpkg") || snap.Command("rpm"))
      out.Coverage("web", "/etc/nginx/nginx.conf", CoverageState::kAbsent);
  }
  std::set<std::tuple<std::string, int, std::string>> seen;
  int next_server = 0;
  for (const NginxRoot& root : configs.roots) {
    ReportIssues(root.tree.issues, seen, out);
    Walk w{out, root.config, UpstreamsOf(root), next_server};
    NginxChain chain;
    if (root.implicit) chain.push_back({&root.tree.directives, "http"});
    WalkList(root.tree.directives, root.implicit ? "http" : "", VNull(), chain, w);
    std::string source = root.implicit && !root.tree.files.empty() ? *root.tree.files.begin() : root.config;
    out.Coverage("web", source, CoverageState::kOk);
  }
  ReportIssues(configs.fragment_issues, seen, out);
}

const bool kRegistered = RegisterParser({"nginx", "nginx configuration with includes", ParseNginx, "web",
                                         {"/etc/nginx/nginx.conf"}});

}  // namespace
}  // namespace shipshape
