// Firewall reasoning for the exposure table.
#include "facts/exposure_firewall.h"

#include "base/strings.h"

namespace shipshape {

bool PortSpecCovers(const std::string& raw, int64_t port) {
  std::string spec;
  for (char c : raw) {
    if (c != '{' && c != '}' && c != ' ') spec += c;
  }
  if (spec.empty() || spec == "any") return true;
  for (std::string_view part : Split(spec, ',')) {
    size_t sep = part.find_first_of(":-");
    if (sep == std::string_view::npos) {
      if (ParseInt(part) == port) return true;
      continue;
    }
    auto lo = ParseInt(part.substr(0, sep)), hi = ParseInt(part.substr(sep + 1));
    if (lo && hi && *lo <= port && port <= *hi) return true;
  }
  return false;
}

namespace {

bool ProtoMatches(const std::string& rule_proto, const std::string& proto) {
  return rule_proto.empty() || rule_proto == "any" || rule_proto == proto;
}

bool IsAnySource(const std::string& from) {
  return from.empty() || from == "any" || from == "0.0.0.0/0" || from == "::/0" || from == "Anywhere";
}

}  // namespace

Result<FirewallView> FirewallView::Load(Database& db) {
  FirewallView v;
  Status st = ForEachRow(db, "SELECT host, active, default_incoming FROM ufw_status", [&](Statement& s) {
    Host& h = v.hosts_[s.ColumnText(0)];
    h.ufw_known = true;
    h.ufw_active = s.ColumnInt(1) != 0;
    h.ufw_default_in = s.ColumnText(2);
  });
  if (!st.ok()) return st;
  st = ForEachRow(db,
                  "SELECT host, action, port, proto, from_addr, interface FROM ufw_rules "
                  "WHERE direction = 'in' ORDER BY host, rowid",
                  [&](Statement& s) {
                    v.hosts_[s.ColumnText(0)].ufw_rules.push_back(
                        {s.ColumnText(1), s.ColumnText(2), s.ColumnText(3), s.ColumnText(4), s.ColumnText(5)});
                  });
  if (!st.ok()) return st;
  st = ForEachRow(db,
                  "SELECT DISTINCT host FROM coverage WHERE category = 'firewall' AND state = 'ok' "
                  "AND (source LIKE '%iptables%' OR source LIKE '%nft%')",
                  [&](Statement& s) { v.hosts_[s.ColumnText(0)].netfilter_known = true; });
  if (!st.ok()) return st;
  st = ForEachRow(db,
                  "SELECT host, backend, policy FROM firewall_chains WHERE (backend = 'iptables' AND chain = 'INPUT' "
                  "AND table_name = 'filter' AND family <> 'ipv6') OR (backend = 'nft' AND hook = 'input') "
                  "ORDER BY host, rowid",
                  [&](Statement& s) {
                    Host& h = v.hosts_[s.ColumnText(0)];
                    h.netfilter_known = true;
                    if (h.input_policy != "drop") {
                      h.backend = s.ColumnText(1);
                      h.input_policy = ToLower(s.ColumnText(2));
                    }
                  });
  if (!st.ok()) return st;
  st = ForEachRow(
      db,
      "SELECT r.host, lower(r.target), r.dport, r.proto, r.source_addr, r.in_interface, r.chain, r.text "
      "FROM firewall_rules r WHERE (r.backend = 'iptables' AND r.table_name = 'filter' AND "
      "r.chain IN ('INPUT', 'DOCKER-USER')) OR (r.backend = 'nft' AND EXISTS (SELECT 1 FROM firewall_chains c "
      "WHERE c.host = r.host AND c.backend = 'nft' AND c.table_name = r.table_name AND c.chain = r.chain "
      "AND c.hook = 'input')) ORDER BY r.host, r.rowid",
      [&](Statement& s) {
        Host& h = v.hosts_[s.ColumnText(0)];
        std::string target = s.ColumnText(1), text = ToLower(s.ColumnText(7));
        if (s.ColumnText(6) == "DOCKER-USER") {
          if (target == "drop" || target == "reject") h.docker_user_filters = true;
          return;
        }
        // Loopback and connection-state rules do not admit new outside connections.
        if (s.ColumnText(5) == "lo" || text.find("established") != std::string::npos) return;
        h.input_rules.push_back({target, s.ColumnText(2), s.ColumnText(3), s.ColumnText(4), s.ColumnText(5)});
      });
  if (!st.ok()) return st;
  return v;
}

FirewallView::Verdict FirewallView::UfwVerdict(const Host& h, const std::string& proto, int64_t port) const {
  std::string p = std::to_string(port);
  std::vector<std::string> restricted;
  for (const Rule& r : h.ufw_rules) {
    if (!PortSpecCovers(r.port, port) || !ProtoMatches(r.proto, proto)) continue;
    bool any_source = IsAnySource(r.from) && r.interface.empty();
    if (r.action == "deny" || r.action == "reject") {
      if (any_source && restricted.empty()) return {"ufw", "no", "ufw " + r.action + "s port " + p};
      if (any_source) break;  // the listed sources are allowed, everyone else is denied
      continue;
    }
    if (any_source) return {"ufw", "yes", "ufw allows port " + p + " from anywhere"};
    restricted.push_back(r.interface.empty() ? r.from : "interface " + r.interface);
  }
  // A default allow policy admits everyone else too: source-limited allows then restrict nothing.
  if (h.ufw_default_in == "allow") return {"ufw", "yes", "ufw default policy allows incoming"};
  if (!restricted.empty()) {
    return {"ufw", "private", "ufw allows port " + p + " only from " + Join(restricted, ", ")};
  }
  return {"ufw", "no", "ufw default " + (h.ufw_default_in.empty() ? std::string("deny") : h.ufw_default_in) +
                           " incoming and no rule allows port " + p};
}

FirewallView::Verdict FirewallView::NetfilterVerdict(const Host& h, const std::string& proto, int64_t port) const {
  std::string p = std::to_string(port);
  std::string backend = h.backend.empty() ? "iptables" : h.backend;
  std::vector<std::string> restricted;
  for (const Rule& r : h.input_rules) {
    if (!PortSpecCovers(r.port, port) || !ProtoMatches(r.proto, proto)) continue;
    bool any_source = IsAnySource(r.from) && r.interface.empty();
    if (r.action == "drop" || r.action == "reject") {
      if (any_source && restricted.empty()) return {backend, "no", backend + " " + r.action + "s port " + p};
      if (any_source) return {backend, "private", backend + " accepts port " + p + " only from " + Join(restricted, ", ")};
      continue;
    }
    if (r.action != "accept") continue;
    if (any_source) return {backend, "yes", backend + " accepts port " + p + " from anywhere"};
    restricted.push_back(r.interface.empty() ? r.from : "interface " + r.interface);
  }
  // Source-limited accepts restrict the port only when the policy drops everyone else.
  if (h.input_policy == "drop" && !restricted.empty()) {
    return {backend, "private", backend + " accepts port " + p + " only from " + Join(restricted, ", ")};
  }
  if (h.input_policy == "drop") return {backend, "no", backend + " INPUT policy drop and no rule accepts port " + p};
  std::string why = h.ufw_known ? "ufw inactive" : "no ufw";
  if (h.input_policy.empty()) return {"none", "yes", "no firewall: " + why + " and no netfilter input chain"};
  return {"none", "yes", "no firewall filters port " + p + ": " + why + ", " + backend + " INPUT policy accept"};
}

FirewallView::Verdict FirewallView::Filter(const std::string& host, const std::string& proto, int64_t port) const {
  auto it = hosts_.find(host);
  if (it == hosts_.end()) return {"unknown", "unknown", "firewall state unknown (no ufw or netfilter facts)"};
  const Host& h = it->second;
  if (h.ufw_known && h.ufw_active) return UfwVerdict(h, proto, port);
  if (h.netfilter_known) return NetfilterVerdict(h, proto, port);
  if (h.ufw_known) return {"none", "unknown", "ufw inactive; iptables/nft state unknown"};
  return {"unknown", "unknown", "firewall state unknown (no ufw or netfilter facts)"};
}

bool FirewallView::DockerUserFilters(const std::string& host) const {
  auto it = hosts_.find(host);
  return it != hosts_.end() && it->second.docker_user_filters;
}

}  // namespace shipshape
