// Compose merge rules (override files, extends) on interpolated CNode trees.
#include "parse/compose_merge.h"

#include "base/strings.h"

namespace shipshape::compose {
namespace {

// A list of "KEY=VALUE" / "KEY" items (or of names) as a map.
void ListToMap(CNode& node, bool split_on_equals) {
  if (!node.IsSeq()) return;
  CNode map;
  map.kind = CNode::Kind::kMap;
  map.file = node.file;
  map.line = node.line;
  for (CNode& item : node.items) {
    if (!item.IsScalar()) continue;
    CNode value = item;
    std::string key = item.text;
    size_t eq = split_on_equals ? key.find('=') : std::string::npos;
    if (eq == std::string::npos) {
      value.kind = CNode::Kind::kNull;
      value.text.clear();
    } else {
      value.text = key.substr(eq + 1);
      key = key.substr(0, eq);
    }
    map.entries.emplace_back(std::string(Trim(key)), std::move(value));
  }
  node = std::move(map);
}

// The container path of a volume entry (short "src:dst[:mode]", "dst", or long form target).
std::string VolumeTarget(const CNode& v) {
  if (v.IsMap()) return CNode::TextOf(v.Get("target"));
  if (!v.IsScalar()) return "";
  std::vector<std::string_view> parts = Split(v.text, ':');
  return std::string(parts.size() >= 2 ? parts[1] : parts[0]);
}

bool SameScalar(const CNode& a, const CNode& b) { return a.IsScalar() && b.IsScalar() && a.text == b.text; }

void AppendUnique(CNode& base, const CNode& over) {
  for (const CNode& item : over.items) {
    bool dup = false;
    for (const CNode& have : base.items) dup = dup || SameScalar(have, item);
    if (!dup) base.items.push_back(item);
  }
}

void MergeVolumes(CNode& base, const CNode& over) {
  for (const CNode& item : over.items) {
    std::string target = VolumeTarget(item);
    bool replaced = false;
    for (CNode& have : base.items) {
      if (!replaced && !target.empty() && VolumeTarget(have) == target) {
        have = item;
        replaced = true;
      }
    }
    if (!replaced) base.items.push_back(item);
  }
}

void MergeValue(const std::string& key, CNode& base, const CNode& over);

void MergeMaps(CNode& base, const CNode& over) {
  for (const auto& [k, v] : over.entries) {
    if (CNode* have = base.Get(k)) {
      MergeValue(k, *have, v);
    } else {
      base.entries.emplace_back(k, v);
    }
  }
}

void MergeValue(const std::string& key, CNode& base, const CNode& over) {
  if (base.IsMap() && over.IsMap()) {
    MergeMaps(base, over);
  } else if (base.IsSeq() && over.IsSeq() && key != "command" && key != "entrypoint" && key != "test") {
    if (key == "volumes") {
      MergeVolumes(base, over);
    } else {
      AppendUnique(base, over);
    }
  } else {
    base = over;
  }
}

}  // namespace

void NormalizeService(CNode& service) {
  if (CNode* env = service.Get("environment")) ListToMap(*env, true);
  if (CNode* labels = service.Get("labels")) ListToMap(*labels, true);
  if (CNode* networks = service.Get("networks")) ListToMap(*networks, false);
}

void MergeService(CNode& base, const CNode& over) {
  CNode normalized = over;
  NormalizeService(normalized);
  NormalizeService(base);
  MergeMaps(base, normalized);
}

void MergeDocument(CNode& base, const CNode& over) {
  if (!base.IsMap() || !over.IsMap()) return;
  for (const auto& [k, v] : over.entries) {
    CNode* have = base.Get(k);
    if (!have) {
      base.entries.emplace_back(k, v);
    } else if (k == "services" && have->IsMap() && v.IsMap()) {
      for (const auto& [name, def] : v.entries) {
        CNode* service = have->Get(name);
        if (service && service->IsMap() && def.IsMap()) {
          MergeService(*service, def);
        } else if (service) {
          *service = def;
        } else {
          have->entries.emplace_back(name, def);
        }
      }
    } else {
      MergeValue(k, *have, v);
    }
  }
}

}  // namespace shipshape::compose
