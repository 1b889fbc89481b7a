#include "collect/stat_paths_request.h"

#include <set>

#include "collect/local_collector.h"

namespace shipshape {

bool IsStatPath(std::string_view path) {
  if (path.empty() || path[0] != '/') return false;
  for (char c : path) {
    if (c == '|' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  }
  return true;
}

std::string CollectorScriptStatting(const std::vector<std::string>& paths) {
  std::string list;
  std::set<std::string_view> seen;
  for (const std::string& p : paths) {
    if (!IsStatPath(p) || !seen.insert(p).second) continue;
    for (char c : p) list += c == '\'' ? std::string("'\\''") : std::string(1, c);
    list += '\n';
  }
  if (list.empty()) return std::string(CollectorScript());
  return "SHIPSHAPE_STAT_PATHS='" + list + "'\n" + std::string(CollectorScript());
}

}  // namespace shipshape
