#include "parse/compose_shapes.h"

#include <string_view>

namespace shipshape::compose {
namespace {

enum Shape : unsigned { kScalar = 1, kList = 2, kMapping = 4 };

struct KeyShape {
  std::string_view key;
  unsigned allowed;
};

// Keys the parser reads facts from (compose-spec.json: the `type` of each service property).
constexpr KeyShape kShapes[] = {
    {"image", kScalar},
    {"container_name", kScalar},
    {"network_mode", kScalar},
    {"restart", kScalar},
    {"user", kScalar},
    {"privileged", kScalar},
    {"read_only", kScalar},
    {"mem_limit", kScalar},
    {"cpus", kScalar},
    {"log_driver", kScalar},
    {"ports", kList},
    {"volumes", kList},
    {"expose", kList},
    {"cap_add", kList},
    {"profiles", kList},
    {"command", kScalar | kList},
    {"entrypoint", kScalar | kList},
    {"env_file", kScalar | kList},
    {"tmpfs", kScalar | kList},
    {"build", kScalar | kMapping},
    {"extends", kScalar | kMapping},
    {"environment", kList | kMapping},
    {"labels", kList | kMapping},
    {"networks", kList | kMapping},
    {"depends_on", kList | kMapping},
    {"healthcheck", kMapping},
    {"deploy", kMapping},
    {"logging", kMapping},
};

unsigned ShapeOf(const CNode& node) {
  if (node.IsScalar()) return kScalar;
  if (node.IsSeq()) return kList;
  if (node.IsMap()) return kMapping;
  return 0;
}

// "a list", "a single value or a list", …: the shapes in `allowed`.
std::string ShapeNames(unsigned allowed) {
  std::string out;
  for (auto [bit, name] :
       {std::pair<unsigned, const char*>{kScalar, "a single value"}, {kList, "a list"}, {kMapping, "a mapping"}}) {
    if (!(allowed & bit)) continue;
    if (!out.empty()) out += " or ";
    out += name;
  }
  return out;
}

}  // namespace

std::vector<Diag> DropMisshapenKeys(const std::string& service_name, CNode& service) {
  std::vector<Diag> out;
  std::vector<CEntry> kept;
  for (CEntry& e : service.entries) {
    const unsigned shape = ShapeOf(e.second);
    bool ok = true;
    for (const KeyShape& k : kShapes) {
      if (k.key == e.first && shape != 0 && !(shape & k.allowed)) {
        out.push_back({e.second.file, e.second.line,
                       "service " + service_name + ": " + e.first + " must be " + ShapeNames(k.allowed) + ", not " +
                           ShapeNames(shape),
                       true});
        ok = false;
      }
    }
    if (ok) kept.push_back(std::move(e));
  }
  service.entries = std::move(kept);
  return out;
}

}  // namespace shipshape::compose
