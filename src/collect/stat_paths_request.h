// Paths a caller asks the collector to stat besides its own list (shipshape status: the paths of a
// plan's `path:` checks). They travel inside the script, as a quoted assignment put before it, so
// neither the local argument vector nor a remote login shell ever parses them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace shipshape {

// Whether the collector can ask about `path`: absolute, one line, no '|' (the stat-paths
// separator), no control characters.
bool IsStatPath(std::string_view path);

// The collector script preceded by SHIPSHAPE_STAT_PATHS='…' holding the valid, distinct `paths`,
// one a line; the script alone when there are none.
std::string CollectorScriptStatting(const std::vector<std::string>& paths);

}  // namespace shipshape
