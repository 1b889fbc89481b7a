// Parser for `stat -c '%n|%U|%G|%a|%F'` over security-relevant paths (cmd/stat-paths.out): `path_stats`.
#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

constexpr const char* kFile = "cmd/stat-paths.out";

const TableDef& kPathStats =
    RegisterTable({"path_stats",
                   "Owner, group and mode of security-relevant paths (key files, env files, sockets, data directories "
                   "named by configs), from stat. Missing paths have a row with present = 0; paths the collector "
                   "could not reach (a folder above them is not searchable without root) have present NULL and "
                   "type 'unreachable'.",
                   {Text("path", "the path as given to stat"),
                    Text("owner", "owning user name (UNKNOWN when no name); NULL if missing or unreachable"),
                    Text("group_name", "owning group name; NULL if missing or unreachable"),
                    Text("mode",
                         "permission bits as octal text without leading zero, as stat %a prints them: 600, 644, 2750; "
                         "NULL if missing or unreachable"),
                    Text("type",
                         "stat %F: regular file, regular empty file, directory, symbolic link, socket, …; "
                         "'missing' when the path does not exist; 'unreachable' when the collector (not root) "
                         "could not tell, because a folder above the path cannot be searched"),
                    Int("present",
                        "1 when the path exists, 0 when it does not, NULL when unreachable (unknown): test "
                        "present = 0 for 'absent', never NOT present"),
                    FileCol(), LineCol(),
                    Int("mode_bits",
                        "the mode as a number for bit tests: (mode_bits & 2) != 0 is world-writable, "
                        "(mode_bits & 63) != 0 is any group or other access; NULL if missing or unreachable")}});

// "2750" → 1512; nullopt unless 1–4 octal digits.
std::optional<int64_t> OctalMode(std::string_view s) {
  if (s.empty() || s.size() > 4) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '7') return std::nullopt;
    v = v * 8 + (c - '0');
  }
  return v;
}

// Splits off the last four '|' fields; the path itself may contain '|'.
bool SplitStat(std::string_view line, std::string_view parts[5]) {
  for (int i = 4; i >= 1; --i) {
    size_t bar = line.rfind('|');
    if (bar == std::string_view::npos || bar == 0) return false;
    parts[i] = line.substr(bar + 1);
    line = line.substr(0, bar);
  }
  parts[0] = line;
  return true;
}

void ParseLine(std::string_view line, int n, FactSink& out) {
  std::string_view f[5];
  if (!SplitStat(line, f)) {
    out.Error("secrets", kFile, n, "expected PATH|OWNER|GROUP|MODE|TYPE");
    return;
  }
  Value file = V(kFile), at = V(static_cast<int64_t>(n));
  if (f[4] == "missing" || f[4] == "unreachable") {
    Value present = f[4] == "missing" ? VBool(false) : VNull();
    out.Add(kPathStats, {V(f[0]), VNull(), VNull(), VNull(), V(std::string(f[4])), present, file, at, VNull()});
    return;
  }
  auto bits = OctalMode(f[3]);
  if (!bits || f[1].empty() || f[2].empty() || f[4].empty()) {
    out.Error("secrets", kFile, n, bits ? "empty owner, group or type" : "mode is not octal");
    return;
  }
  out.Add(kPathStats, {V(f[0]), V(f[1]), V(f[2]), V(f[3]), V(f[4]), VBool(true), file, at, V(*bits)});
}

// Errors go to `secrets`: these paths are mostly key and env files. The category's coverage is
// decided by the env and key parsers, so this parser records no 'ok'.
void ParsePathStats(const Snapshot& snap, FactSink& out) {
  const CommandResult* r = snap.Command("stat-paths");
  if (!r) return;
  int n = 0;
  const std::string text = r->output.value_or("");  // lives as long as the loop's views
  for (std::string_view raw : SplitLines(text)) {
    ++n;
    if (Trim(raw).empty()) continue;
    ParseLine(raw, n, out);
  }
}

const bool kRegistered = RegisterParser(
    {"path-stats", "owner and mode of security-relevant paths", ParsePathStats, "secrets", {"cmd/stat-paths.out"}});

}  // namespace
}  // namespace shipshape
