// A small check of Docker's reference grammar (distribution/reference), enough to tell names from IDs.
#include "parse/image_reference.h"

#include <string>
#include <vector>

#include "base/strings.h"

namespace shipshape {
namespace {

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

bool AllHex(std::string_view s) {
  for (char c : s) {
    if (!IsHex(c)) return false;
  }
  return !s.empty();
}

// A path component: lower-case alphanumerics joined by '.', '_', '__' or runs of '-'.
bool ValidComponent(std::string_view c) {
  if (c.empty() || !IsLowerAlnum(c.front()) || !IsLowerAlnum(c.back())) return false;
  for (char ch : c) {
    if (!IsLowerAlnum(ch) && ch != '.' && ch != '_' && ch != '-') return false;
  }
  return true;
}

// A registry host, optionally with a port: "registry:5000", "123.dkr.ecr.eu-west-1.amazonaws.com".
bool ValidDomain(std::string_view d) {
  size_t colon = d.find(':');
  std::string_view host = d.substr(0, colon);
  if (host.empty()) return false;
  for (char c : host) {
    bool ok = IsLowerAlnum(c) || (c >= 'A' && c <= 'Z') || c == '.' || c == '-';
    if (!ok) return false;
  }
  if (colon == std::string_view::npos) return true;
  auto port = ParseInt(d.substr(colon + 1));
  return port && *port > 0 && *port < 65536;
}

bool ValidTag(std::string_view t) {
  if (t.empty() || t.size() > 128 || t[0] == '.' || t[0] == '-') return false;
  for (char c : t) {
    bool ok = IsLowerAlnum(c) || (c >= 'A' && c <= 'Z') || c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool ValidName(std::string_view name) {
  std::vector<std::string_view> parts = Split(name, '/');
  size_t first = 0;
  std::string_view head = parts[0];
  bool is_domain = parts.size() > 1 &&
                   (head.find_first_of(".:") != std::string_view::npos || head == "localhost" || head != ToLower(head));
  if (is_domain) {
    if (!ValidDomain(head)) return false;
    first = 1;
  }
  for (size_t i = first; i < parts.size(); ++i) {
    if (!ValidComponent(parts[i])) return false;
  }
  return true;
}

}  // namespace

bool ImageReferenceIsUntagged(std::string_view ref) {
  if (ref.empty() || ref.find("<none>") != std::string_view::npos) return true;
  if (StartsWith(ref, "sha256:")) return true;
  if (ref.size() >= 12 && ref.size() <= 64 && AllHex(ref)) return true;
  std::string_view name = ref;
  size_t at = ref.find('@');
  if (at != std::string_view::npos) {
    std::string_view digest = ref.substr(at + 1);
    size_t colon = digest.find(':');
    if (colon == std::string_view::npos || colon == 0 || digest.size() - colon - 1 < 32 ||
        !AllHex(digest.substr(colon + 1))) {
      return true;
    }
    name = ref.substr(0, at);
  }
  size_t slash = name.rfind('/');
  size_t colon = name.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    if (!ValidTag(name.substr(colon + 1))) return true;
    name = name.substr(0, colon);
  }
  return name.empty() || !ValidName(name);
}

}  // namespace shipshape
