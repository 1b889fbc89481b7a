// Classification of IP addresses: loopback, private, link-local, public; shared by parsers and derivers.
#pragma once

#include <string>
#include <string_view>

namespace shipshape {

// Every function accepts an address as the tools print it: "10.0.0.5", "::1", "[::1]" (brackets),
// "fe80::1%eth0" or "127.0.0.53%lo" (a zone or device suffix, ignored), "::ffff:127.0.0.1"
// (an IPv4-mapped IPv6 address counts as the IPv4 address). No prefix length ("/24"): strip it first.

// The address in canonical text form: brackets and %suffix removed, IPv4-mapped IPv6 unwrapped to
// IPv4, IPv6 lower-case and compressed ("0:0::1" → "::1"). "" when the text is not an IP address.
std::string CanonicalIp(std::string_view addr);

// 4 or 6 (after unwrapping IPv4-mapped addresses); 0 when the text is not an IP address.
int IpFamily(std::string_view addr);

// "loopback" (127.0.0.0/8, ::1) | "any" (0.0.0.0, ::) | "link-local" (169.254.0.0/16, fe80::/10) |
// "private" (10/8, 172.16/12, 192.168/16, 100.64/10 CGNAT, fc00::/7) | "public" (everything else,
// multicast and documentation ranges included) | "" when the text is not an IP address.
std::string IpScope(std::string_view addr);

// 127.0.0.0/8 or ::1 (or ::ffff:127.x.y.z).
bool IsLoopback(std::string_view addr);
// The unspecified address, which a socket binds to listen on every interface: 0.0.0.0 or ::
// (ss prints a dual-stack IPv6 wildcard as "*", which counts too).
bool IsAnyAddress(std::string_view addr);

}  // namespace shipshape
