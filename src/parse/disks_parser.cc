// Parser for `df -PTB1` (cmd/df.out): table `disks`, one row per mounted filesystem.
#include <cmath>
#include <optional>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

constexpr const char* kFile = "cmd/df.out";

const TableDef& kDisks = RegisterTable(
    {"disks",
     "Mounted filesystems and their usage, from `df -PTB1` (one row per line of df).",
     {Text("filesystem", "source device or pseudo filesystem: /dev/md2, /dev/mapper/vg-root, tmpfs, overlay"),
      Text("fstype", "filesystem type: ext4, xfs, btrfs, tmpfs, overlay, squashfs, …"),
      Int("size_bytes", "total size in bytes"), Int("used_bytes", "used bytes"),
      Int("avail_bytes", "bytes available to unprivileged users"),
      Real("used_pct",
           "used / (used + avail) * 100, one decimal, as df's Capacity (which rounds up); NULL when both are 0"),
      Text("mountpoint", "where it is mounted; may contain spaces"), FileCol(), LineCol(),
      Int("pseudo",
          "1 for memory-backed, read-only image or container layers (tmpfs, devtmpfs, squashfs, overlay, "
          "iso9660, efivarfs, …) whose fullness is not a disk-space problem; 0 otherwise"),
      Int("capacity_pct", "df's Capacity column as printed (rounded up: 84.8 % prints as 85); NULL for '-'")}});

bool IsPseudoFs(std::string_view type) {
  static const char* const kPseudo[] = {"tmpfs",   "devtmpfs", "ramfs", "squashfs",  "overlay", "aufs",
                                        "iso9660", "efivarfs", "proc",  "sysfs",     "devfs",   "nsfs",
                                        "cgroup",  "cgroup2",  "udf",   "fuse.lxcfs"};
  for (const char* p : kPseudo) {
    if (type == p) return true;
  }
  return false;
}

// A number of bytes, or "-" (df prints it for filesystems without the figure): nullopt when neither.
std::optional<std::optional<int64_t>> ParseBytes(std::string_view s) {
  if (s == "-") return std::optional<int64_t>();
  auto n = ParseInt(s);
  if (!n || *n < 0) return std::nullopt;
  return std::optional<int64_t>(*n);
}

bool IsCapacity(std::string_view s) {
  if (s == "-") return true;
  return s.size() >= 2 && s.back() == '%' && ParseInt(s.substr(0, s.size() - 1)).has_value();
}

Value CapacityValue(std::string_view s) { return s == "-" ? VNull() : V(*ParseInt(s.substr(0, s.size() - 1))); }

Value BytesValue(const std::optional<int64_t>& n) { return n ? V(*n) : VNull(); }

Value UsedPct(const std::optional<int64_t>& used, const std::optional<int64_t>& avail) {
  if (!used || !avail) return VNull();
  double total = static_cast<double>(*used) + static_cast<double>(*avail);
  if (total <= 0) return VNull();
  return Value(std::round(static_cast<double>(*used) / total * 1000.0) / 10.0);
}

// Parses one data line. The filesystem may contain spaces too (fuse sources), so the line is read
// as: FILESYSTEM… TYPE SIZE USED AVAIL CAPACITY MOUNTPOINT…, anchored on the first place where four
// numeric columns and a capacity follow a type.
bool ParseLine(std::string_view line, int n, FactSink& out) {
  auto f = SplitWhitespace(line);
  for (size_t t = 1; t + 5 < f.size(); ++t) {
    auto size = ParseBytes(f[t + 1]), used = ParseBytes(f[t + 2]), avail = ParseBytes(f[t + 3]);
    if (!size || !used || !avail || !IsCapacity(f[t + 4])) continue;
    std::string_view fs = line.substr(0, static_cast<size_t>(f[t].data() - line.data()));
    size_t mount_at = static_cast<size_t>(f[t + 5].data() - line.data());
    std::string_view mount = Trim(line.substr(mount_at));
    out.Add(kDisks,
            {V(Trim(fs)), V(f[t]), BytesValue(*size), BytesValue(*used), BytesValue(*avail), UsedPct(*used, *avail),
             V(mount), V(kFile), V(static_cast<int64_t>(n)), VBool(IsPseudoFs(f[t])), CapacityValue(f[t + 4])});
    return true;
  }
  return false;
}

void ParseDf(const Snapshot& snap, FactSink& out) {
  const CommandResult* df = snap.Command("df");
  if (!df) return;  // not collected: cannot tell absent from unreadable
  int n = 0, rows = 0;
  bool bad = false;
  const std::string text = df->output.value_or("");  // lives as long as the loop's views
  for (std::string_view raw : SplitLines(text)) {
    ++n;
    std::string_view line = Trim(raw);
    if (line.empty()) continue;
    if (n == 1 && StartsWith(line, "Filesystem")) continue;  // the header df keeps
    if (ParseLine(line, n, out)) {
      ++rows;
    } else {
      out.Error("resources", kFile, n, "expected columns Filesystem Type 1-blocks Used Available Capacity Mounted-on");
      bad = true;
    }
  }
  // df exits 1 when one mount could not be read (a stale network mount) yet lists the others:
  // the rows it printed are still facts, so a non-zero status only counts when nothing came out.
  if (*df->exit_code != 0 && rows == 0) {
    out.Coverage("resources", kFile, CoverageState::kError, "df exited with status " + std::to_string(*df->exit_code));
    return;
  }
  if (*df->exit_code != 0) {
    out.Warn(kFile, 0, "df exited with status " + std::to_string(*df->exit_code) + "; some mounts are missing");
  }
  if (rows == 0 && !bad) {
    out.Error("resources", kFile, n > 0 ? n : 1, "no filesystem lines");
    return;
  }
  if (!bad) out.Coverage("resources", kFile, CoverageState::kOk);
}

const bool kRegistered = RegisterParser({"disks", "filesystem usage from df", ParseDf, "resources", {"cmd/df.out"}});

}  // namespace
}  // namespace shipshape
