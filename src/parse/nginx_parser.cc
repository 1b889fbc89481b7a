// Parser for nginx configuration (/etc/nginx/nginx.conf and what it includes): tables
// nginx_directives, nginx_servers and nginx_locations.
#include "base/strings.h"
#include "facts/registry.h"
#include "parse/nginx_config.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

const TableDef& kDirectives = RegisterTable(
    {"nginx_directives",
     "Every nginx directive after include expansion, with the block it sits in (the raw material for web rules).",
     {Text("context", "enclosing blocks, outermost first: 'http > server > location /api'"),
      Int("server", "index of the enclosing server block (0-based, in file order), or NULL outside servers"),
      Text("name", "directive name"), Text("args", "arguments joined by single spaces, quotes removed"), FileCol(),
      LineCol()}});

const TableDef& kServers = RegisterTable(
    {"nginx_servers", "One row per `listen` of each http server block (a server without listen listens on 80).",
     {Int("server", "index of the server block (0-based, in file order)"),
      Text("listen", "the listen directive's first argument as written ('443', '[::]:80', '127.0.0.1:8080')"),
      Int("port", "port number"), Int("ssl", "1 when the listen has the ssl parameter (or http2/quic with ssl)"),
      Int("default_server", "1 for default_server"), Text("server_names", "server_name arguments joined by spaces"),
      FileCol(), LineCol()}});

const TableDef& kLocations = RegisterTable(
    {"nginx_locations", "Location blocks of http server blocks.",
     {Int("server", "index of the server block"), Text("path", "location modifier and path ('/api', '~ \\.php$')"),
      Text("proxy_pass", "proxy_pass target, or ''"), FileCol(), LineCol()}});

struct Walk {
  FactSink& out;
  int next_server = 0;
};

int64_t PortOf(const std::string& listen) {
  std::string s = listen;
  size_t bracket = s.rfind(']');
  size_t colon = s.rfind(':');
  if (colon != std::string::npos && (bracket == std::string::npos || colon > bracket)) s = s.substr(colon + 1);
  else if (bracket != std::string::npos) return 80;
  if (auto p = ParseInt(s)) return *p;
  return s.rfind("unix:", 0) == 0 ? 0 : 80;
}

void AddServer(const NginxDirective& server, int index, FactSink& out) {
  std::string names;
  for (const auto& d : server.children) {
    if (d.name == "server_name") names += (names.empty() ? "" : " ") + Join(d.args, " ");
  }
  bool any_listen = false;
  for (const auto& d : server.children) {
    if (d.name != "listen" || d.args.empty()) continue;
    any_listen = true;
    bool ssl = false, def = false;
    for (size_t i = 1; i < d.args.size(); ++i) {
      if (d.args[i] == "ssl" || d.args[i] == "quic") ssl = true;
      if (d.args[i] == "default_server" || d.args[i] == "default") def = true;
    }
    out.Add(kServers, {V(int64_t{index}), V(d.args[0]), V(PortOf(d.args[0])), VBool(ssl), VBool(def), V(names),
                       V(d.file), V(int64_t{d.line})});
  }
  if (!any_listen) {
    out.Add(kServers, {V(int64_t{index}), V(""), V(int64_t{80}), VBool(false), VBool(false), V(names),
                       V(server.file), V(int64_t{server.line})});
  }
}

void WalkBlock(const std::vector<NginxDirective>& list, const std::string& context, Value server, Walk& w) {
  for (const NginxDirective& d : list) {
    w.out.Add(kDirectives, {V(context), server, V(d.name), V(Join(d.args, " ")), V(d.file), V(int64_t{d.line})});
    if (!d.block) continue;
    Value inner_server = server;
    std::string label = d.name;
    if (d.name == "server" && context == "http") {
      int index = w.next_server++;
      inner_server = V(int64_t{index});
      AddServer(d, index, w.out);
    }
    if (d.name == "location") {
      label += " " + Join(d.args, " ");
      std::string proxy;
      for (const auto& c : d.children) {
        if (c.name == "proxy_pass" && !c.args.empty()) proxy = c.args[0];
      }
      if (!std::holds_alternative<std::monostate>(inner_server)) {
        w.out.Add(kLocations, {inner_server, V(Join(d.args, " ")), V(proxy), V(d.file), V(int64_t{d.line})});
      }
    }
    WalkBlock(d.children, context.empty() ? label : context + " > " + label, inner_server, w);
  }
}

void ParseNginx(const Snapshot& snap, FactSink& out) {
  const std::string main = "/etc/nginx/nginx.conf";
  if (!snap.File(main)) {
    if (snap.Command("dpkg") || snap.Command("rpm")) out.Coverage("web", main, CoverageState::kAbsent);
    return;
  }
  std::vector<NginxDirective> tree = ReadNginxConfig(snap, main, "/etc/nginx", out);
  Walk w{out};
  WalkBlock(tree, "", VNull(), w);
  out.Coverage("web", main, CoverageState::kOk);
}

const bool kRegistered = RegisterParser({"nginx", "nginx configuration with includes", ParseNginx, "web",
                                         {"/etc/nginx/nginx.conf"}});

}  // namespace
}  // namespace shipshape
