// Parser for `ip -br addr` (cmd/ip-addr.out): table `addresses`, the host's IP addresses.
#include "base/strings.h"
#include "facts/registry.h"
#include "parse/ip_scope.h"
#include "parse/line_command.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

const TableDef& kAddresses = RegisterTable(
    {"addresses",
     "IP addresses configured on the host's interfaces, from `ip -br addr` (one row per address; an "
     "interface without addresses has no row). Tells a public bind from a private one.",
     {Text("interface", "interface name without ip's '@peer' suffix: lo, eth0 (printed 'eth0@if5'), wg0, docker0"),
      Text("state", "operational state: UP | DOWN | UNKNOWN (lo, WireGuard, tun) | LOWERLAYERDOWN | DORMANT | …"),
      Text("address", "the address without prefix length, canonical form: 10.0.0.5, 2001:db8::10"),
      Int("prefix", "prefix length: 24, 64"), Int("family", "4 | 6"),
      Text("scope",
           "loopback (127.0.0.0/8, ::1) | private (10/8, 172.16/12, 192.168/16, 100.64/10 CGNAT, "
           "fc00::/7) | link-local (169.254/16, fe80::/10) | public (anything else)"),
      FileCol(), LineCol()}});

bool IsOperState(std::string_view s) {
  for (std::string_view x : {"UP", "DOWN", "UNKNOWN", "LOWERLAYERDOWN", "DORMANT", "NOTPRESENT", "TESTING"}) {
    if (s == x) return true;
  }
  return false;
}

// Checks every "ADDRESS/PREFIX" of the line before adding any row, so a bad line adds none.
std::string ParseIpLine(std::string_view line, int n, FactSink& out) {
  auto f = SplitWhitespace(line);
  if (f.size() < 2) return "expected INTERFACE STATE [ADDRESS/PREFIX …]";
  std::string_view iface = f[0].substr(0, f[0].find('@'));
  if (iface.empty()) return "interface name is empty";
  if (!IsOperState(f[1])) return "unknown interface state";
  std::vector<std::vector<Value>> rows;
  for (size_t i = 2; i < f.size(); ++i) {
    size_t slash = f[i].find('/');
    if (slash == std::string_view::npos) return "expected ADDRESS/PREFIX";
    std::string_view addr = f[i].substr(0, slash);
    auto prefix = ParseInt(f[i].substr(slash + 1));
    int family = IpFamily(addr);
    if (family == 0) return "expected ADDRESS/PREFIX";
    if (!prefix || *prefix < 0 || *prefix > (family == 4 ? 32 : 128)) return "prefix length is out of range";
    rows.push_back({V(iface), V(f[1]), V(CanonicalIp(addr)), V(*prefix), V(static_cast<int64_t>(family)),
                    V(IpScope(addr)), V(CommandFile("ip-addr")), V(static_cast<int64_t>(n))});
  }
  for (const auto& row : rows) out.Add(kAddresses, row);
  return "";
}

// Addresses alone say nothing about the firewall, so they never mark it ok; but the exposure of
// every listener depends on them, so a malformed list makes the category Unknown.
void ParseAddresses(const Snapshot& snap, FactSink& out) {
  ReadLineCommand(snap, out, {"ip-addr", "firewall", "no interface lines (ip always lists lo)", false},
                  [&](std::string_view line, int n) { return ParseIpLine(line, n, out); });
}

const bool kRegistered =
    RegisterParser({"addresses", "IP addresses from ip -br addr", ParseAddresses, "firewall", {"cmd/ip-addr.out"}});

}  // namespace
}  // namespace shipshape
