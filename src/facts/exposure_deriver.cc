// The derived `exposure` table: for every listening socket (and every Docker-published port), is it
// reachable from outside the host, and why. The reasoning, in order:
//   1. bound to loopback → not reachable;
//   2. published by Docker on a non-loopback address → reachable: Docker's DNAT rules run before
//      ufw's INPUT chain, so ufw does not filter it (only DOCKER-USER rules can);
//   3. ufw active → its default incoming policy, then the first allow/limit rule for the port;
//   4. else iptables/nft INPUT policy and ACCEPT rules for the port;
//   5. no firewall facts at all → unknown (never "not reachable").
// A specific private address (RFC 1918, VPN) is reachable from that network only ("private").
#include <map>
#include <set>
#include <vector>

#include "base/strings.h"
#include "facts/registry.h"
#include "facts/exposure_firewall.h"
#include "parse/ip_scope.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

const TableDef& kExposure = RegisterTable(
    {"exposure",
     "Derived: each listening socket and Docker-published port, whether it is reachable from outside the "
     "host, and why (bind address, firewall state, Docker-published ports bypass ufw).",
     {Text("proto", "tcp | udp"), Text("address", "bind address"), Int("port", "port number"),
      Text("process", "process name from ss, or docker-proxy"), Text("container", "container publishing the port, or ''"),
      Text("bind_scope", "loopback | any | private | public | link-local"),
      Text("firewall", "what decided it: none | ufw | iptables | nft | docker | unknown"),
      Text("reachable", "yes (from anywhere) | private (from a private network or listed sources only) | no | unknown"),
      Text("reason", "one sentence: why"), FileCol(), LineCol()}});

struct Socket {
  std::string host, proto, address, process, container, file;
  int64_t port = 0;
  int line = 0;
};

std::string BindScope(const std::string& address) {
  if (IsAnyAddress(address)) return "any";
  return IpScope(address);
}

Result<std::vector<Socket>> ReadSockets(Database& db) {
  std::vector<Socket> out;
  Status st = ForEachRow(
      db,
      "SELECT l.host, l.proto, l.address, l.port, l.process, l.file, l.line, "
      "  (SELECT p.container FROM container_ports p WHERE p.host = l.host AND p.host_port = l.port "
      "     AND p.proto = l.proto LIMIT 1) "
      "FROM listeners l "
      "UNION ALL "
      "SELECT p.host, p.proto, CASE WHEN p.host_ip = '' THEN '0.0.0.0' ELSE p.host_ip END, p.host_port, "
      "  'docker-proxy', 'cmd/docker-inspect.out', 0, p.container "
      "FROM container_ports p WHERE p.host_port > 0 AND NOT EXISTS (SELECT 1 FROM listeners l "
      "  WHERE l.host = p.host AND l.port = p.host_port AND l.proto = p.proto)",
      [&](Statement& s) {
        out.push_back(Socket{s.ColumnText(0), s.ColumnText(1), s.ColumnText(2), s.ColumnText(4), s.ColumnText(7),
                             s.ColumnText(5), s.ColumnInt(3), static_cast<int>(s.ColumnInt(6))});
      });
  if (!st.ok()) return st;
  return out;
}

using Verdict = FirewallView::Verdict;

Verdict Decide(const Socket& s, const std::string& scope, const FirewallView& fw) {
  if (scope == "loopback") return {"none", "no", "bound to loopback " + s.address};
  bool docker = !s.container.empty() || s.process == "docker-proxy";
  Verdict filtered = fw.Filter(s.host, s.proto, s.port);
  if (docker) {
    Verdict v{"docker", "yes",
              "published by Docker" + (s.container.empty() ? std::string() : " (container " + s.container + ")") +
                  " on " + s.address + ": Docker's rules bypass ufw"};
    if (fw.DockerUserFilters(s.host)) v = {"docker", "unknown", v.reason + ", but DOCKER-USER has filtering rules"};
    if (scope == "private") v.reachable = "private";
    return v;
  }
  if (scope == "private" || scope == "link-local") {
    if (filtered.reachable == "no") return filtered;
    return {filtered.firewall, "private", "bound to private address " + s.address + " only"};
  }
  return filtered;
}

Status DeriveExposure(FactDb& db, Diagnostics&) {
  auto fw = FirewallView::Load(db.db());
  if (!fw.ok()) return fw.status();
  auto sockets = ReadSockets(db.db());
  if (!sockets.ok()) return sockets.status();
  for (const Socket& s : *sockets) {
    std::string scope = BindScope(s.address);
    Verdict v = Decide(s, scope, *fw);
    Status st = db.Insert(kExposure, s.host,
                          {V(s.proto), V(s.address), V(s.port), V(s.process), V(s.container), V(scope), V(v.firewall),
                           V(v.reachable), V(v.reason), V(s.file), V(static_cast<int64_t>(s.line))});
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

const bool kRegistered = RegisterDeriver(
    {"exposure", "reachability of listening sockets from outside the host", DeriveExposure, 30});

}  // namespace
}  // namespace shipshape
