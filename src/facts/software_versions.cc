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
