// Parser for /proc/meminfo: table `memory` (one row per host).
#include <limits>
#include <map>
#include <optional>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

constexpr const char* kFile = "/proc/meminfo";

const TableDef& kMemory = RegisterTable(
    {"memory",
     "Memory and swap of the host, from /proc/meminfo (one row). Sizes in bytes.",
     {Int("total_bytes", "MemTotal: usable RAM"),
      Int("available_bytes",
          "MemAvailable: what new programs can get without swapping (NULL on kernels "
          "older than 3.14, which lack the field)"),
      Int("free_bytes", "MemFree: RAM not used at all (page cache excluded; usually far below available)"),
      Int("swap_total_bytes", "SwapTotal: 0 when the host has no swap"), Int("swap_free_bytes", "SwapFree"),
      FileCol()}});

// "  32795008 kB" → bytes; values without a unit (HugePages_Total) are counts and kept as they are.
std::optional<int64_t> ParseAmount(std::string_view text) {
  auto f = SplitWhitespace(text);
  if (f.empty() || f.size() > 2) return std::nullopt;
  auto n = ParseInt(f[0]);
  if (!n || *n < 0) return std::nullopt;
  if (f.size() == 1) return n;
  if (f[1] != "kB") return std::nullopt;
  if (*n > std::numeric_limits<int64_t>::max() / 1024) return std::nullopt;
  return *n * 1024;
}

Value Field(const std::map<std::string, int64_t, std::less<>>& kv, std::string_view key) {
  auto it = kv.find(key);
  return it == kv.end() ? VNull() : V(it->second);
}

void ParseMeminfo(const Snapshot& snap, FactSink& out) {
  const std::string* text = snap.File(kFile);
  if (!text) return;  // not collected: cannot tell why
  std::map<std::string, int64_t, std::less<>> kv;
  int n = 0;
  bool bad = false;
  for (std::string_view raw : SplitLines(*text)) {
    ++n;
    std::string_view line = Trim(raw);
    if (line.empty()) continue;
    size_t colon = line.find(':');
    std::optional<int64_t> amount;
    if (colon != std::string_view::npos && colon > 0) amount = ParseAmount(line.substr(colon + 1));
    if (!amount) {
      out.Error("resources", kFile, n, "expected 'Key: number kB'");
      bad = true;
      continue;
    }
    kv[std::string(line.substr(0, colon))] = *amount;
  }
  if (!kv.count("MemTotal")) {
    if (!bad) out.Error("resources", kFile, n > 0 ? n : 1, "no MemTotal line");
    return;
  }
  out.Add(kMemory, {Field(kv, "MemTotal"), Field(kv, "MemAvailable"), Field(kv, "MemFree"), Field(kv, "SwapTotal"),
                    Field(kv, "SwapFree"), V(kFile)});
  if (!bad) out.Coverage("resources", kFile, CoverageState::kOk);
}

const bool kRegistered =
    RegisterParser({"meminfo", "memory and swap totals", ParseMeminfo, "resources", {"/proc/meminfo"}});

}  // namespace
}  // namespace shipshape
