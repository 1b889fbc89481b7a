// The `lifecycle` reference table: release cycles and end-of-life dates, from the embedded
// data/lifecycle.yaml (each product names its source).
#include "base/embedded.h"
#include "base/yaml.h"
#include "facts/fact_db.h"

namespace shipshape {

static const TableDef& kLifecycle = RegisterTable(
    {"lifecycle",
     "Release cycles of operating systems and software with their end-of-life dates (data/lifecycle.yaml, "
     "compiled in). Compare with clock.today.",
     {Text("product", "ubuntu, debian, rhel, rocky, almalinux, centos, alpine, docker-engine, mongodb, postgresql, "
                      "redis, nodejs, nginx, portainer"),
      Text("cycle", "release cycle as versions start with it: 20.04, 12, 6.0, 1.24"),
      Text("codename", "codename when the product has them (focal, bookworm)"),
      Text("released", "release date YYYY-MM-DD"),
      Text("eol", "end of standard security support YYYY-MM-DD"),
      Text("extended_eol", "end of paid or extended support (ESM, ELTS) YYYY-MM-DD, or NULL"),
      Text("latest", "latest release of the cycle when the data was written"),
      Text("source", "where the dates come from")},
     false});

namespace {

// The embedded data parsed once per process: every audit (and every fuzz iteration) reuses the rows.
Result<std::vector<std::vector<Value>>> LifecycleRows() {
  const std::string file = "data/lifecycle.yaml";
  auto parsed = ParseYaml(EmbeddedFileContent(file), file);
  if (!parsed.ok()) return parsed.status();
  std::vector<std::vector<Value>> rows;
  for (const auto& [product, spec] : parsed->Entries()) {
    std::string source = spec["source"].Scalar();
    for (const YamlNode& c : spec["cycles"].Elements()) {
      auto opt = [&](const char* key) -> Value {
        std::string v = c[key].Scalar();
        return v.empty() ? Value() : Value(v);
      };
      rows.push_back({Value(product), opt("cycle"), opt("codename"), opt("released"), opt("eol"), opt("extended"),
                      opt("latest"), Value(source)});
    }
  }
  return rows;
}

}  // namespace

Status LoadLifecycleTable(FactDb& db) {
  static const Result<std::vector<std::vector<Value>>> kRows = LifecycleRows();
  if (!kRows.ok()) return kRows.status();
  for (const auto& row : *kRows) {
    Status st = db.Insert(kLifecycle, "", row);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace shipshape
