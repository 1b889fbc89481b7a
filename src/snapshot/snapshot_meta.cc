// meta.json reading and writing.
#include "base/json.h"
#include "snapshot/snapshot.h"

namespace shipshape {

std::string MetaToJson(const SnapshotMeta& meta) {
  std::string out = "{\"format\":" + JsonQuote(meta.format) + ",\"host\":" + JsonQuote(meta.host) +
                    ",\"collected_at\":" + JsonQuote(meta.collected_at) + ",\"method\":" + JsonQuote(meta.method) +
                    ",\"privileged\":" + (meta.privileged ? "true" : "false") +
                    ",\"collector\":" + JsonQuote(meta.collector) + ",\"labels\":{";
  bool first = true;
  for (const auto& [k, v] : meta.labels) {
    if (!first) out += ",";
    first = false;
    out += JsonQuote(k) + ":" + JsonQuote(v);
  }
  out += "}}\n";
  return out;
}

Result<SnapshotMeta> MetaFromJson(std::string_view text, const std::string& file) {
  auto doc = ParseJson(text, file);
  if (!doc.ok()) return doc.status();
  JsonRef root = doc->root();
  if (!root.IsObject()) return Status::Invalid("meta.json is not a JSON object", file, 1);
  SnapshotMeta meta;
  meta.format = root["format"].Str();
  if (meta.format != kSnapshotFormat) {
    return Status::Invalid("unsupported snapshot format '" + meta.format + "' (expected " +
                               std::string(kSnapshotFormat) + ")",
                           file, 1);
  }
  meta.host = root["host"].Str();
  if (meta.host.empty()) return Status::Invalid("meta.json has no host", file, 1);
  meta.collected_at = root["collected_at"].Str();
  meta.method = root["method"].Str();
  meta.privileged = root["privileged"].Bool(false);
  meta.collector = root["collector"].Str();
  root["labels"].ForEachMember([&](const std::string& k, JsonRef v) { meta.labels[k] = v.Str(); });
  return meta;
}

}  // namespace shipshape
