// Compose port specification grammar (short and long syntax).
#include "parse/compose_ports.h"

#include <vector>

#include "base/strings.h"

namespace shipshape::compose {
namespace {

// "80" or "8000-8010": the first port; nullopt when not a valid port or range.
std::optional<int64_t> FirstPort(std::string_view s, int64_t min) {
  std::vector<std::string_view> ends = Split(s, '-');
  if (ends.size() > 2) return std::nullopt;
  std::optional<int64_t> first;
  for (std::string_view e : ends) {
    if (e.empty() || e.size() > 5 || e.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    auto n = ParseInt(e);
    if (!n || *n < min || *n > 65535) return std::nullopt;
    if (!first) first = n;
  }
  return first;
}

bool ValidProtocol(std::string_view p) { return p == "tcp" || p == "udp" || p == "sctp"; }

}  // namespace

std::optional<PortSpec> ParseShortPort(std::string_view spec) {
  PortSpec out;
  spec = Trim(spec);
  size_t slash = spec.rfind('/');
  if (slash != std::string_view::npos) {
    out.protocol = ToLower(spec.substr(slash + 1));
    if (!ValidProtocol(out.protocol)) return std::nullopt;
    spec = spec.substr(0, slash);
  }
  if (StartsWith(spec, "[")) {
    size_t close = spec.find(']');
    if (close == std::string_view::npos || close + 1 >= spec.size() || spec[close + 1] != ':') return std::nullopt;
    out.host_ip = std::string(spec.substr(1, close - 1));
    spec = spec.substr(close + 2);
    if (spec.find(':') == std::string_view::npos) return std::nullopt;
  }
  std::vector<std::string_view> parts = Split(spec, ':');
  std::string_view container = parts.back();
  if (parts.size() >= 2) out.published = std::string(parts[parts.size() - 2]);
  if (parts.size() >= 3) {
    if (!out.host_ip.empty()) return std::nullopt;
    out.host_ip = std::string(spec.substr(0, spec.size() - container.size() - out.published.size() - 2));
  }
  auto first = FirstPort(container, 1);
  if (!first) return std::nullopt;
  out.container_port = *first;
  if (!out.published.empty()) {
    out.host_port = FirstPort(out.published, 0);
    if (!out.host_port) return std::nullopt;
  }
  return out;
}

std::optional<PortSpec> ParseLongPort(const CNode& node) {
  PortSpec out;
  auto target = FirstPort(Trim(CNode::TextOf(node.Get("target"))), 1);
  if (!target) return std::nullopt;
  out.container_port = *target;
  out.published = std::string(Trim(CNode::TextOf(node.Get("published"))));
  if (!out.published.empty()) {
    out.host_port = FirstPort(out.published, 0);
    if (!out.host_port) return std::nullopt;
  }
  out.host_ip = std::string(Trim(CNode::TextOf(node.Get("host_ip"))));
  if (StartsWith(out.host_ip, "[") && EndsWith(out.host_ip, "]"))
    out.host_ip = out.host_ip.substr(1, out.host_ip.size() - 2);
  std::string protocol = ToLower(Trim(CNode::TextOf(node.Get("protocol"), "tcp")));
  if (!ValidProtocol(protocol)) return std::nullopt;
  out.protocol = protocol;
  return out;
}

std::optional<PortSpec> ParsePort(const CNode& node) {
  if (node.IsScalar()) return ParseShortPort(node.text);
  if (node.IsMap()) return ParseLongPort(node);
  return std::nullopt;
}

bool OnAllInterfaces(const PortSpec& port) {
  return port.host_ip.empty() || port.host_ip == "0.0.0.0" || port.host_ip == "::";
}

}  // namespace shipshape::compose
