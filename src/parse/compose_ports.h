// Compose port specifications, short ("127.0.0.1:5432:5432", "8881-8886:8881-8886", "[::1]:80:80",
// "9000/udp", 80) and long (target, published, host_ip, protocol).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parse/compose_node.h"

namespace shipshape::compose {

struct PortSpec {
  std::string host_ip;               // '' when not given; brackets of an IPv6 address removed
  std::string published;             // host port or range as written, '' when none
  std::optional<int64_t> host_port;  // first host port
  int64_t container_port = 0;        // first container port
  std::string protocol = "tcp";
};

// nullopt for a spec Compose would refuse.
std::optional<PortSpec> ParseShortPort(std::string_view spec);
std::optional<PortSpec> ParseLongPort(const CNode& node);
// Either form.
std::optional<PortSpec> ParsePort(const CNode& node);

// Published on every interface of the host: a host port (or an ephemeral one) and no host_ip or
// a wildcard one (0.0.0.0, ::).
bool OnAllInterfaces(const PortSpec& port);

}  // namespace shipshape::compose
