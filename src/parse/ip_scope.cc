// Classification of IP addresses: loopback, private, link-local, public; shared by parsers and derivers.
#include "parse/ip_scope.h"

#include <arpa/inet.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>

namespace shipshape {
namespace {

struct Ip {
  int family = 0;                   // 4 or 6
  std::array<uint8_t, 16> bytes{};  // the first 4 for IPv4
};

// Drops "[...]" brackets and a "%zone" suffix.
std::string_view StripDecorations(std::string_view s) {
  if (s.size() >= 2 && s.front() == '[') {
    size_t close = s.find(']');
    if (close == std::string_view::npos) return {};
    std::string_view rest = s.substr(close + 1);
    if (!rest.empty() && rest.front() != '%') return {};
    s = s.substr(1, close - 1);
  }
  size_t pct = s.find('%');
  return pct == std::string_view::npos ? s : s.substr(0, pct);
}

// inet_pton on the stripped text; IPv4-mapped IPv6 becomes IPv4.
std::optional<Ip> ParseIp(std::string_view text) {
  std::string s(StripDecorations(text));
  if (s.empty() || s.size() > 45) return std::nullopt;
  Ip ip;
  if (s.find(':') == std::string::npos) {
    if (inet_pton(AF_INET, s.c_str(), ip.bytes.data()) != 1) return std::nullopt;
    ip.family = 4;
    return ip;
  }
  if (inet_pton(AF_INET6, s.c_str(), ip.bytes.data()) != 1) return std::nullopt;
  ip.family = 6;
  static constexpr uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(ip.bytes.data(), kMapped, sizeof kMapped) == 0) {
    std::memmove(ip.bytes.data(), ip.bytes.data() + 12, 4);
    std::memset(ip.bytes.data() + 4, 0, 12);
    ip.family = 4;
  }
  return ip;
}

bool AllZero(const Ip& ip) {
  size_t n = ip.family == 4 ? 4 : 16;
  for (size_t i = 0; i < n; ++i) {
    if (ip.bytes[i] != 0) return false;
  }
  return true;
}

bool Loopback(const Ip& ip) {
  if (ip.family == 4) return ip.bytes[0] == 127;
  for (size_t i = 0; i < 15; ++i) {
    if (ip.bytes[i] != 0) return false;
  }
  return ip.bytes[15] == 1;
}

std::string ScopeV4(const std::array<uint8_t, 16>& b) {
  if (b[0] == 10 || (b[0] == 172 && (b[1] & 0xf0) == 16) || (b[0] == 192 && b[1] == 168) ||
      (b[0] == 100 && (b[1] & 0xc0) == 64)) {
    return "private";
  }
  if (b[0] == 169 && b[1] == 254) return "link-local";
  return "public";
}

std::string ScopeV6(const std::array<uint8_t, 16>& b) {
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return "link-local";
  if ((b[0] & 0xfe) == 0xfc) return "private";
  return "public";
}

}  // namespace

std::string CanonicalIp(std::string_view addr) {
  auto ip = ParseIp(addr);
  if (!ip) return "";
  char buf[INET6_ADDRSTRLEN] = {};
  if (!inet_ntop(ip->family == 4 ? AF_INET : AF_INET6, ip->bytes.data(), buf, sizeof buf)) return "";
  return buf;
}

int IpFamily(std::string_view addr) {
  auto ip = ParseIp(addr);
  return ip ? ip->family : 0;
}

std::string IpScope(std::string_view addr) {
  auto ip = ParseIp(addr);
  if (!ip) return "";
  if (Loopback(*ip)) return "loopback";
  if (AllZero(*ip)) return "any";
  return ip->family == 4 ? ScopeV4(ip->bytes) : ScopeV6(ip->bytes);
}

bool IsLoopback(std::string_view addr) {
  auto ip = ParseIp(addr);
  return ip && Loopback(*ip);
}

bool IsAnyAddress(std::string_view addr) {
  if (addr == "*") return true;
  auto ip = ParseIp(addr);
  return ip && AllZero(*ip);
}

}  // namespace shipshape
