// Naming software found on a host: package and image names to lifecycle products, versions to cycles.
#include "facts/software_versions.h"

#include <map>

#include "base/strings.h"

namespace shipshape {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "15", "9.6": a PostgreSQL major as packages name it.
bool IsMajor(std::string_view s) {
  if (s.empty() || !IsDigit(s.front()) || !IsDigit(s.back())) return false;
  for (char c : s) {
    if (!IsDigit(c) && c != '.') return false;
  }
  return true;
}

// Repositories (without registry and without "library/") of images whose tags follow upstream versions.
const std::map<std::string, std::string, std::less<>>& ImageProducts() {
  static const auto* m = new std::map<std::string, std::string, std::less<>>{
      {"mongo", "mongodb"},
      {"mongodb/mongodb-community-server", "mongodb"},
      {"bitnami/mongodb", "mongodb"},
      {"postgres", "postgresql"},
      {"bitnami/postgresql", "postgresql"},
      {"redis", "redis"},
      {"bitnami/redis", "redis"},
      {"node", "nodejs"},
      {"bitnami/node", "nodejs"},
      {"nginx", "nginx"},
      {"nginxinc/nginx-unprivileged", "nginx"},
      {"bitnami/nginx", "nginx"},
      {"portainer/portainer", "portainer"},
      {"portainer/portainer-ce", "portainer"},
      {"portainer/portainer-ee", "portainer"},
  };
  return *m;
}

// "docker.io/library/postgres" → "postgres"; "registry:5000/portainer/portainer-ce" → "portainer/portainer-ce".
std::string_view RepositoryPath(std::string_view name) {
  size_t slash = name.find('/');
  if (slash != std::string_view::npos) {
    std::string_view first = name.substr(0, slash);
    bool registry =
        first.find('.') != std::string_view::npos || first.find(':') != std::string_view::npos || first == "localhost";
    if (registry) name.remove_prefix(slash + 1);
  }
  if (StartsWith(name, "library/")) name.remove_prefix(8);
  return name;
}

}  // namespace

std::string ProductOfPackage(std::string_view p) {
  static const auto* exact = new std::map<std::string, std::string, std::less<>>{
      {"mongodb-org-server", "mongodb"},
      {"mongodb-enterprise-server", "mongodb"},
      {"mongodb-server", "mongodb"},
      {"mongodb", "mongodb"},
      {"postgresql-server", "postgresql"},
      {"redis-server", "redis"},
      {"redis", "redis"},
      {"nodejs", "nodejs"},
      {"nginx", "nginx"},
      {"nginx-core", "nginx"},
      {"nginx-full", "nginx"},
      {"nginx-light", "nginx"},
      {"nginx-extras", "nginx"},
      {"docker-ce", "docker-engine"},
      {"docker.io", "docker-engine"},
      {"moby-engine", "docker-engine"},
      {"docker-engine", "docker-engine"},
  };
  auto it = exact->find(p);
  if (it != exact->end()) return it->second;
  // Debian/Ubuntu "postgresql-15"; PGDG RPM "postgresql15-server".
  if (StartsWith(p, "postgresql-") && IsMajor(p.substr(11))) return "postgresql";
  if (StartsWith(p, "postgresql") && EndsWith(p, "-server") && IsMajor(p.substr(10, p.size() - 17))) {
    return "postgresql";
  }
  return "";
}

std::string UpstreamVersion(std::string_view text) {
  size_t colon = text.find(':');
  if (colon != std::string_view::npos && colon > 0 && IsMajor(text.substr(0, colon))) text.remove_prefix(colon + 1);
  if (text.size() > 1 && (text[0] == 'v' || text[0] == 'V') && IsDigit(text[1])) text.remove_prefix(1);
  size_t n = 0;
  while (n < text.size() && (IsDigit(text[n]) || (text[n] == '.' && n > 0))) ++n;
  std::string out(text.substr(0, n));
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

bool DistroSupported(std::string_view product, std::string_view manager, std::string_view version) {
  std::string v = ToLower(version);
  for (const char* vendor : {"pgdg", "nodesource", "sury", "ppa", "~ubuntu.", "~debian.", "rl1", "ngx", "mariadb"}) {
    if (v.find(vendor) != std::string::npos) return false;
  }
  if (product == "mongodb") return false;  // never in Debian main, Ubuntu main or RHEL
  if (manager == "rpm") return v.find(".el") != std::string::npos && product != "nodejs";
  if (manager != "dpkg" || v.find('-') == std::string::npos) return false;
  if (v.find("ubuntu") != std::string::npos) return product == "postgresql" || product == "nginx";
  // Debian: a security or point-release build (deb12u1), or a plain revision from the archive.
  // Third-party repositories mark their builds with a codename after '~' (1.24.0-1~bookworm).
  return v.find("deb") != std::string::npos || v.find('~') == std::string::npos;
}

std::optional<ImageSoftware> SoftwareOfImage(std::string_view ref) {
  ref = ref.substr(0, ref.find('@'));  // drop a digest
  size_t slash = ref.rfind('/');
  size_t colon = ref.rfind(':');
  if (colon == std::string_view::npos || (slash != std::string_view::npos && colon < slash)) return std::nullopt;
  std::string_view tag = ref.substr(colon + 1);
  auto it = ImageProducts().find(RepositoryPath(ref.substr(0, colon)));
  if (it == ImageProducts().end()) return std::nullopt;
  std::string version = UpstreamVersion(tag);
  if (version.empty()) return std::nullopt;
  return ImageSoftware{it->second, version};
}

std::string MatchCycle(std::string_view version, const std::vector<std::string>& cycles) {
  std::string best;
  for (const std::string& c : cycles) {
    bool match = version == c || (StartsWith(version, c) && version.size() > c.size() && version[c.size()] == '.');
    if (match && c.size() > best.size()) best = c;
  }
  return best;
}

}  // namespace shipshape
