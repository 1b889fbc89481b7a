// Parser for `ss -Htulpn` (cmd/ss-listen.out): table `listeners`, the listening TCP and UDP sockets.
#include <optional>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/ip_scope.h"
#include "parse/line_command.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

const TableDef& kListeners = RegisterTable(
    {"listeners",
     "Listening TCP sockets and bound UDP sockets, from `ss -Htulpn` (one row per socket; IPv4 and IPv6 "
     "sockets of one service are separate rows). Whether they are reachable from outside is the "
     "`exposure` table's business.",
     {Text("proto", "tcp | udp"),
      Text("address",
           "local address, normalized: no brackets, no %device; ss' '*' (any, dual-stack) becomes "
           "'0.0.0.0'; IPv4-mapped '::ffff:127.0.0.1' becomes '127.0.0.1': 0.0.0.0, ::, 127.0.0.1, "
           "::1, 10.0.0.5"),
      Int("port", "local port; NULL when ss prints '*' (no port bound)"),
      Text("process",
           "name of the first process holding the socket (sshd, nginx, docker-proxy); '' for kernel "
           "sockets (WireGuard) and when ss could not see the owner (not run as root)"),
      Int("pid", "pid of that process; NULL when unknown"),
      Text("scope", "loopback (127.0.0.0/8, ::1) | any (0.0.0.0, ::: every interface) | specific (one address)"),
      FileCol(), LineCol(),
      Text("interface", "device the socket is bound to (the %eth0 of '0.0.0.0%eth0:68'), '' when none")}});

struct Endpoint {
  std::string address;  // canonical
  std::string interface;
  std::optional<int64_t> port;
};

// "0.0.0.0:22", "[::]:22", "*:80", "127.0.0.53%lo:53", "[fe80::1]%eth0:546", "[::ffff:127.0.0.1]:8080".
std::optional<Endpoint> ParseLocal(std::string_view text) {
  size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::string_view host = text.substr(0, colon), port = text.substr(colon + 1);
  Endpoint e;
  if (port != "*") {
    e.port = ParseInt(port);
    if (!e.port || *e.port < 0 || *e.port > 65535 || port[0] == '-') return std::nullopt;
  }
  size_t pct = host.find('%', host.front() == '[' ? host.find(']') : 0);
  if (pct != std::string_view::npos) {
    e.interface = std::string(host.substr(pct + 1));
    host = host.substr(0, pct);
  }
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  e.address = host == "*" ? "0.0.0.0" : CanonicalIp(host);
  if (e.address.empty()) return std::nullopt;
  return e;
}

struct Owner {
  std::string process;
  std::optional<int64_t> pid;
};

// `users:(("sshd",pid=612,fd=3),("sshd",pid=1,fd=3))`: the first name and pid. A name may hold
// spaces, commas or parentheses ("tmux: server"), so it ends where `",pid=` starts.
std::optional<Owner> ParseOwner(std::string_view text) {
  constexpr std::string_view kStart = "users:((\"";
  if (!StartsWith(text, kStart)) return std::nullopt;
  size_t end = text.find("\",pid=", kStart.size());
  if (end == std::string_view::npos) return std::nullopt;
  Owner o{std::string(text.substr(kStart.size(), end - kStart.size())), {}};
  size_t digits = end + 6, stop = digits;
  while (stop < text.size() && text[stop] >= '0' && text[stop] <= '9') ++stop;
  o.pid = ParseInt(text.substr(digits, stop - digits));
  if (!o.pid || o.process.empty()) return std::nullopt;
  return o;
}

std::string_view Scope(const std::string& address) {
  if (IsLoopback(address)) return "loopback";
  if (IsAnyAddress(address)) return "any";
  return "specific";
}

bool IsState(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if ((c < 'A' || c > 'Z') && c != '-') return false;
  }
  return true;
}

std::string ParseSsLine(std::string_view line, int n, FactSink& out) {
  auto f = SplitWhitespace(line);
  if (n == 1 && !f.empty() && f[0] == "Netid") return "";  // a header, from an ss without -H
  if (f.size() < 6 || !IsState(f[1]) || !ParseInt(f[2]) || !ParseInt(f[3])) {
    return "expected Netid State Recv-Q Send-Q Local:Port Peer:Port [Process]";
  }
  if (f[0] != "tcp" && f[0] != "udp") return "Netid is neither tcp nor udp";
  auto local = ParseLocal(f[4]);
  if (!local) return "local address is not ADDRESS:PORT";
  Owner owner;
  if (f.size() > 6) {
    auto o = ParseOwner(Trim(line.substr(static_cast<size_t>(f[6].data() - line.data()))));
    if (!o) return "process column is not users:((\"NAME\",pid=PID,fd=FD),…)";
    owner = std::move(*o);
  }
  out.Add(kListeners, {V(f[0]), V(local->address), local->port ? V(*local->port) : VNull(), V(owner.process),
                       owner.pid ? V(*owner.pid) : VNull(), V(Scope(local->address)), V(CommandFile("ss-listen")),
                       V(static_cast<int64_t>(n)), V(local->interface)});
  return "";
}

void ParseListeners(const Snapshot& snap, FactSink& out) {
  // No output is a valid answer: nothing listens (a bare container).
  ReadLineCommand(snap, out, {"ss-listen", "firewall", "", true},
                  [&](std::string_view line, int n) { return ParseSsLine(line, n, out); });
}

const bool kRegistered =
    RegisterParser({"listeners", "listening sockets from ss", ParseListeners, "firewall", {"cmd/ss-listen.out"}});

}  // namespace
}  // namespace shipshape
