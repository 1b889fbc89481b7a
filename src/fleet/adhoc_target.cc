// Command-line remote targets.
#include "fleet/adhoc_target.h"

#include <algorithm>
#include <map>

#include "base/strings.h"

namespace shipshape {
namespace {

Status Bad(const std::string& text, const std::string& why) {
  return Status::Error(StatusCode::kUsage, "'" + text + "': " + why);
}

// "host", "host:port", "[v6]:port", "[v6]", "v6" into host and port (0 = none).
Status SplitHostPort(const std::string& text, const std::string& hostport, std::string* host, int* port) {
  std::string port_text;
  if (StartsWith(hostport, "[")) {
    size_t close = hostport.find(']');
    if (close == std::string::npos) return Bad(text, "unterminated '[' in the host");
    *host = hostport.substr(1, close - 1);
    std::string rest = hostport.substr(close + 1);
    if (!rest.empty() && rest[0] != ':') return Bad(text, "unexpected text after ']'");
    if (!rest.empty()) port_text = rest.substr(1);
  } else if (std::count(hostport.begin(), hostport.end(), ':') == 1) {
    size_t colon = hostport.find(':');
    *host = hostport.substr(0, colon);
    port_text = hostport.substr(colon + 1);
  } else {
    *host = hostport;  // a name, or an IPv6 address without a port
  }
  if (!port_text.empty() || hostport.back() == ':') {
    auto p = ParseInt(port_text);
    if (!p || *p < 1 || *p > 65535) return Bad(text, "the port must be a number from 1 to 65535");
    *port = static_cast<int>(*p);
  }
  return Status::Ok();
}

std::string Describe(const FleetTarget& t) {
  std::string s = t.user.empty() ? t.host : t.user + "@" + t.host;
  if (t.port > 0) s += ":" + std::to_string(t.port);
  return s;
}

}  // namespace

bool LooksLikeRemoteTarget(const std::string& text) {
  if (StartsWith(text, "ssh://")) return true;
  if (text.empty() || text.find('/') != std::string::npos) return false;
  return !EndsWith(text, ".tar.gz") && !EndsWith(text, ".tgz");
}

Result<FleetTarget> ParseAdhocTarget(const std::string& text, const std::vector<std::string>& ssh_options) {
  FleetTarget t;
  std::string rest = text;
  bool uri = StartsWith(rest, "ssh://");
  if (uri) {
    rest = rest.substr(6);
    if (EndsWith(rest, "/")) rest.pop_back();
  }
  if (size_t at = rest.rfind('@'); at != std::string::npos) {
    t.user = rest.substr(0, at);
    rest = rest.substr(at + 1);
    if (t.user.empty()) return Bad(text, "empty user name before '@'");
  }
  if (uri) {
    if (rest.empty()) return Bad(text, "no host");
    if (Status st = SplitHostPort(text, rest, &t.host, &t.port); !st.ok()) return st;
  } else {
    t.host = rest;
  }
  if (t.host.empty()) return Bad(text, "no host");
  t.alias = t.host;
  for (const std::string& opt : ssh_options) t.ssh_args.insert(t.ssh_args.end(), {"-o", opt});
  return t;
}

void MakeAliasesUnique(std::vector<FleetTarget>& targets) {
  std::map<std::string, int> count;
  for (const FleetTarget& t : targets) ++count[t.alias];
  for (FleetTarget& t : targets) {
    if (count[t.alias] > 1) t.alias = Describe(t);
  }
  std::vector<FleetTarget> unique;
  std::map<std::string, bool> seen;
  for (FleetTarget& t : targets) {
    if (seen[t.alias]) continue;
    seen[t.alias] = true;
    unique.push_back(std::move(t));
  }
  targets = std::move(unique);
}

}  // namespace shipshape
