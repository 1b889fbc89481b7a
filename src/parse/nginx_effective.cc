// nginx inheritance rules for add_header, limit_req, access control, root and proxy_hide_header,
// and the host:port of proxy targets and upstream servers.
#include "parse/nginx_effective.h"

#include "base/strings.h"

namespace shipshape {
namespace {

bool Has(const std::vector<NginxDirective>& list, const std::string& name) {
  for (const auto& d : list) {
    if (d.name == name) return true;
  }
  return false;
}

// The innermost level holding a directive named one of `names` (array directives such as
// add_header, allow/deny and proxy_hide_header are inherited only by levels that have none).
const NginxLevel* Innermost(const NginxChain& chain, std::initializer_list<const char*> names) {
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    for (const char* n : names) {
      if (Has(*it->list, n)) return &*it;
    }
  }
  return nullptr;
}

// The last value of a single-valued directive at the innermost level that sets it.
const NginxDirective* InnermostValue(const NginxChain& chain, const std::string& name) {
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const NginxDirective* found = nullptr;
    for (const auto& d : *it->list) {
      if (d.name == name && !d.args.empty()) found = &d;
    }
    if (found) return found;
  }
  return nullptr;
}

bool SetAndNotOff(const NginxChain& chain, const std::string& name) {
  const NginxDirective* d = InnermostValue(chain, name);
  return d && d->args[0] != "off";
}

}  // namespace

std::vector<NginxHeader> EffectiveHeaders(const NginxChain& chain) {
  std::vector<NginxHeader> out;
  const NginxLevel* level = Innermost(chain, {"add_header"});
  if (!level) return out;
  for (const auto& d : *level->list) {
    if (d.name != "add_header" || d.args.empty()) continue;
    bool always = d.args.size() > 2 && d.args[2] == "always";
    out.push_back({ToLower(d.args[0]), d.args.size() > 1 ? d.args[1] : "", always, level->kind, d.file, d.line});
  }
  return out;
}

bool EffectiveLimitReq(const NginxChain& chain) { return Innermost(chain, {"limit_req"}) != nullptr; }

bool EffectiveAccessRestricted(const NginxChain& chain) {
  if (SetAndNotOff(chain, "auth_basic") || SetAndNotOff(chain, "auth_request")) return true;
  if (!chain.empty() && chain.back().kind == "location" && Has(*chain.back().list, "internal")) return true;
  const NginxLevel* level = Innermost(chain, {"allow", "deny"});
  if (!level) return false;
  for (const auto& d : *level->list) {
    if (d.name == "deny" && d.args.size() == 1 && d.args[0] == "all") return true;
  }
  return false;
}

std::string EffectiveRoot(const NginxChain& chain) {
  const NginxDirective* d = InnermostValue(chain, "root");
  return d ? d->args[0] : "";
}

std::string EffectiveHiddenHeaders(const NginxChain& chain) {
  const NginxLevel* level = Innermost(chain, {"proxy_hide_header"});
  std::vector<std::string> names;
  if (!level) return "";
  for (const auto& d : *level->list) {
    if (d.name == "proxy_hide_header" && !d.args.empty()) names.push_back(ToLower(d.args[0]));
  }
  return Join(names, " ");
}

NginxTarget ParseNginxTarget(const std::string& target) {
  std::string rest = target;
  std::optional<int64_t> default_port;
  size_t scheme = rest.find("://");
  if (scheme != std::string::npos) {
    std::string s = ToLower(rest.substr(0, scheme));
    default_port = s == "https" || s == "grpcs" ? 443 : 80;
    rest = rest.substr(scheme + 3);
  }
  if (StartsWith(rest, "unix:")) return {rest, std::nullopt};
  rest = rest.substr(0, rest.find('/'));
  std::string host = rest, port;
  size_t bracket = rest.rfind(']');
  size_t colon = rest.rfind(':');
  if (colon != std::string::npos && (bracket == std::string::npos || colon > bracket)) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  if (host.size() > 1 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host.find('$') != std::string::npos) return {host, std::nullopt};
  if (port.empty()) return {host, default_port};
  auto n = ParseInt(port);
  if (!n || *n <= 0 || *n > 65535) return {host, std::nullopt};
  return {host, *n};
}

NginxUpstreams CollectUpstreams(const std::vector<NginxDirective>& http_level) {
  NginxUpstreams out;
  for (const auto& u : http_level) {
    if (u.name != "upstream" || !u.block || u.args.empty()) continue;
    auto& servers = out[u.args[0]];
    for (const auto& s : u.children) {
      if (s.name != "server" || s.args.empty()) continue;
      // `server api;` in an upstream means port 80.
      NginxTarget t = ParseNginxTarget(StartsWith(s.args[0], "unix:") ? s.args[0] : "http://" + s.args[0]);
      servers.push_back({s.args[0], t, s.file, s.line});
    }
  }
  return out;
}

}  // namespace shipshape
