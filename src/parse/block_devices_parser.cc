// Parser for `lsblk -J` (cmd/lsblk.out) and /etc/crypttab: tables `block_devices` and `crypttab`.
#include <cmath>
#include <optional>

#include "base/json.h"
#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

constexpr const char* kLsblk = "cmd/lsblk.out";
constexpr const char* kCrypttab = "/etc/crypttab";
constexpr int kMaxDepth = 32;  // disk → part → crypt → lvm is 4; deeper trees are damaged input

const TableDef& kBlockDevices = RegisterTable(
    {"block_devices",
     "Block devices from `lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINT,SIZE`, one row per node of the device tree "
     "(a RAID or LVM device with several parents appears once under each).",
     {Text("name", "kernel or mapper name: sda, nvme0n1p3, md2, sda3_crypt, vg-root"),
      Text("type", "disk, part, raid1, crypt, lvm, loop, rom, …"),
      Text("fstype", "what the device holds: ext4, swap, crypto_LUKS, LVM2_member, linux_raid_member; NULL if none"),
      Text("mountpoint", "where it is mounted, [SWAP] for active swap; NULL when not mounted"),
      Text("size", "size as lsblk printed it: \"447.1G\" (binary units), or bytes with -b"),
      Text("parent", "name of the device it sits on; NULL for a top-level device"),
      Int("encrypted", "1 when the device is of type crypt, holds crypto_LUKS, or sits on a crypt device"),
      Int("size_bytes", "size in bytes (approximate when lsblk printed a rounded size such as 447.1G)")}});

const TableDef& kCrypttabTable = RegisterTable(
    {"crypttab",
     "Encrypted volumes set up at boot, from /etc/crypttab. Key file paths are never stored.",
     {Text("name", "name of the mapped device (/dev/mapper/NAME)"),
      Text("device", "underlying device: /dev/sda3, UUID=…, PARTUUID=…"),
      Int("keyfile_set", "1 when a key file is named (not none or -): the volume unlocks without a passphrase"),
      Text("options", "comma-separated options: luks, discard, swap, tmp, …; empty when none"), FileCol(), LineCol()}});

// "447.1G" → bytes (lsblk uses binary units); a bare number is bytes.
std::optional<int64_t> SizeBytes(JsonRef size) {
  if (size.IsNumber()) return size.Int(0) >= 0 ? std::optional<int64_t>(size.Int(0)) : std::nullopt;
  std::string s = size.Str();
  if (s.empty()) return std::nullopt;
  if (auto n = ParseInt(s)) return *n >= 0 ? n : std::nullopt;
  static const std::string kUnits = "BKMGTPE";
  size_t unit = kUnits.find(s.back());
  if (unit == std::string::npos) return std::nullopt;
  auto x = ParseDouble(std::string_view(s).substr(0, s.size() - 1));
  if (!x || !std::isfinite(*x) || *x < 0) return std::nullopt;
  double bytes = std::round(*x * std::pow(1024.0, static_cast<double>(unit)));
  if (bytes >= 9.0e18) return std::nullopt;
  return static_cast<int64_t>(bytes);
}

Value TextOrNull(JsonRef v) { return v.IsNull() ? VNull() : V(v.Str()); }

// util-linux ≥ 2.37 may print "mountpoints": [..] instead; join the non-null entries.
Value Mountpoint(JsonRef dev) {
  if (!dev["mountpoint"].IsNull()) return V(dev["mountpoint"].Str());
  std::vector<std::string> points;
  dev["mountpoints"].ForEachElement([&](JsonRef p) {
    if (!p.IsNull()) points.push_back(p.Str());
  });
  return points.empty() ? VNull() : V(Join(points, ","));
}

struct Walk {
  FactSink& out;
  int devices = 0;
  bool bad = false;

  void Fail(std::string message) {
    out.Error("encryption", kLsblk, 0, std::move(message));
    bad = true;
  }

  void Devices(JsonRef list, const std::string& parent, bool parent_encrypted, int depth) {
    if (depth > kMaxDepth) return Fail("device tree nested deeper than " + std::to_string(kMaxDepth));
    list.ForEachElement([&](JsonRef dev) { Device(dev, parent, parent_encrypted, depth); });
  }

  void Device(JsonRef dev, const std::string& parent, bool parent_encrypted, int depth) {
    if (!dev.IsObject() || !dev["name"].IsString()) return Fail("device without a name");
    std::string name = dev["name"].Str(), type = dev["type"].Str();
    bool encrypted = parent_encrypted || type == "crypt" || dev["fstype"].Str() == "crypto_LUKS";
    auto bytes = SizeBytes(dev["size"]);
    out.Add(kBlockDevices,
            {V(name), TextOrNull(dev["type"]), TextOrNull(dev["fstype"]), Mountpoint(dev), TextOrNull(dev["size"]),
             parent.empty() ? VNull() : V(parent), VBool(encrypted), bytes ? V(*bytes) : VNull()});
    ++devices;
    JsonRef children = dev["children"];
    if (!children.IsNull() && !children.IsArray()) return Fail("children of a device is not an array");
    Devices(children, name, encrypted, depth + 1);
  }
};

void ParseLsblk(const Snapshot& snap, FactSink& out) {
  const CommandResult* r = snap.Command("lsblk");
  if (!r) return;
  if (*r->exit_code != 0) {
    out.Coverage("encryption", kLsblk, CoverageState::kError,
                 "lsblk exited with status " + std::to_string(*r->exit_code));
    return;
  }
  auto doc = ParseJson(r->output.value_or(""), kLsblk);
  if (!doc.ok()) {
    // The library's message quotes the input; ours names only the place.
    out.Error("encryption", kLsblk, doc.status().line() > 0 ? doc.status().line() : 1, "not valid JSON");
    return;
  }
  JsonRef list = doc->root()["blockdevices"];
  if (!list.IsArray()) {
    out.Error("encryption", kLsblk, 1, "expected an object with a \"blockdevices\" array");
    return;
  }
  Walk walk{out};
  walk.Devices(list, "", false, 0);
  if (!walk.bad) out.Coverage("encryption", kLsblk, CoverageState::kOk);
}

bool KeyFileSet(std::string_view field) { return !field.empty() && field != "none" && field != "-"; }

void ParseCrypttab(const Snapshot& snap, FactSink& out) {
  const std::string* text = snap.File(kCrypttab);
  if (!text) return;
  int n = 0;
  for (std::string_view raw : SplitLines(*text)) {
    ++n;
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    auto f = SplitWhitespace(line);
    if (f.size() < 2 || f.size() > 4) {
      out.Error("encryption", kCrypttab, n, "expected: name device [keyfile [options]]");
      continue;
    }
    out.Add(kCrypttabTable, {V(f[0]), V(f[1]), VBool(f.size() >= 3 && KeyFileSet(f[2])),
                             V(f.size() == 4 ? f[3] : std::string_view()), V(kCrypttab), V(static_cast<int64_t>(n))});
  }
}

void ParseBlockDevices(const Snapshot& snap, FactSink& out) {
  ParseLsblk(snap, out);
  ParseCrypttab(snap, out);
}

const bool kRegistered = RegisterParser({"block-devices",
                                         "block device tree and encrypted volumes",
                                         ParseBlockDevices,
                                         "encryption",
                                         {"cmd/lsblk.out", "/etc/crypttab"}});

}  // namespace
}  // namespace shipshape
