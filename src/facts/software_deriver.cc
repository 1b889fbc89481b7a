// Deriver of `software`: the versions of lifecycle-tracked software on each host, with their release cycle.
#include <map>
#include <set>
#include <tuple>

#include "base/strings.h"
#include "facts/registry.h"
#include "facts/software_versions.h"

namespace shipshape {
namespace {

const TableDef& kSoftware = RegisterTable(
    {"software",
     "Versions of software that data/lifecycle.yaml tracks, found on each host: installed OS packages "
     "(one row per product and version), the Docker Engine, the image tags of containers (one row per "
     "container) and the Node.js of pm2 apps (one row per app). Join with lifecycle on (product, cycle) "
     "to find software past its end of life. Images without a version tag (latest, none, a digest) give "
     "no row.",
     {Text("product", "lifecycle product: mongodb, postgresql, redis, nodejs, nginx, docker-engine, portainer"),
      Text("version",
           "upstream version without epoch or packaging suffix: '24.0.7' (from '5:24.0.7-1~ubuntu.20.04"
           "~focal'), '15' (from the tag '15-alpine'), '6.0.14'"),
      Text("cycle",
           "the longest lifecycle.cycle of the product that the version equals or starts with at a dot "
           "('24.0.7' → '24.0', '1.24.1' → '1'); NULL when no cycle matches (e.g. tag '7' for redis, whose "
           "cycles are 7.0, 7.2, 7.4)"),
      Text("source", "package | engine | container | pm2"),
      Text("subject", "the package, container or pm2 app name; 'dockerd' for the engine"), FileCol(), LineCol(),
      Int("distro_supported",
          "packages only: 1 when the distribution built the package and patches it for the life of the release "
          "(Debian builds, Ubuntu main, RHEL AppStream), so its upstream end of life matters only once the OS's "
          "does (OS-EOL); 0 for vendor repositories (PGDG, NodeSource, nginx.org, Docker, PPAs) and Ubuntu "
          "universe (nodejs, redis, mongodb); NULL for engine, container and pm2 rows")}});

struct Found {
  std::string host, product, version, source, subject, file;
  int64_t line = 0;
  Value distro_supported;
};

// Runs `sql` and calls `fn` with each row's columns as text (NULL as "").
template <typename Fn>
Status ForEachTextRow(FactDb& db, const std::string& sql, Fn fn) {
  auto rows = SelectText(db.db(), sql);
  if (!rows.ok()) return rows.status();
  for (const std::vector<std::string>& row : *rows) fn(row);
  return Status::Ok();
}

// Cycles per product, from the lifecycle reference table.
Result<std::map<std::string, std::vector<std::string>>> LoadCycles(FactDb& db) {
  std::map<std::string, std::vector<std::string>> cycles;
  Status st = ForEachTextRow(db, "SELECT product, cycle FROM lifecycle WHERE cycle IS NOT NULL",
                             [&](const auto& r) { cycles[r[0]].push_back(r[1]); });
  if (!st.ok()) return st;
  return cycles;
}

Status FromPackages(FactDb& db, std::vector<Found>& out) {
  std::set<std::tuple<std::string, std::string, std::string>> seen;  // host, product, version
  return ForEachTextRow(
      db, "SELECT host, name, version, file, line, manager FROM packages WHERE installed = 1 ORDER BY host, file, line",
      [&](const auto& r) {
        std::string product = ProductOfPackage(r[1]);
        std::string version = UpstreamVersion(r[2]);
        if (product.empty() || version.empty() || !seen.insert({r[0], product, version}).second) return;
        out.push_back({r[0], product, version, "package", r[1], r[3], ParseInt(r[4]).value_or(0),
                       Value(int64_t{DistroSupported(product, r[5], r[2]) ? 1 : 0})});
      });
}

Status FromEngine(FactDb& db, std::vector<Found>& out) {
  return ForEachTextRow(db, "SELECT host, version, file FROM docker_engine ORDER BY host", [&](const auto& r) {
    std::string version = UpstreamVersion(r[1]);
    if (!version.empty()) out.push_back({r[0], "docker-engine", version, "engine", "dockerd", r[2], 0, Value()});
  });
}

Status FromContainers(FactDb& db, std::vector<Found>& out) {
  return ForEachTextRow(
      db, "SELECT host, name, image, file, line FROM containers ORDER BY host, file, line", [&](const auto& r) {
        auto sw = SoftwareOfImage(r[2]);
        if (!sw) return;
        out.push_back({r[0], sw->product, sw->version, "container", r[1], r[3], ParseInt(r[4]).value_or(0), Value()});
      });
}

Status FromPm2(FactDb& db, std::vector<Found>& out) {
  return ForEachTextRow(db, "SELECT host, name, node_version, file FROM pm2_apps ORDER BY host, rowid",
                        [&](const auto& r) {
                          std::string version = UpstreamVersion(r[2]);
                          if (!version.empty()) out.push_back({r[0], "nodejs", version, "pm2", r[1], r[3], 0, Value()});
                        });
}

Status DeriveSoftware(FactDb& db, Diagnostics& /*diags*/) {
  auto cycles = LoadCycles(db);
  if (!cycles.ok()) return cycles.status();
  std::vector<Found> found;
  // A table is missing only while its parser is not built in; then that source gives nothing.
  const std::vector<std::pair<const char*, Status (*)(FactDb&, std::vector<Found>&)>> sources = {
      {"packages", FromPackages}, {"docker_engine", FromEngine}, {"containers", FromContainers}, {"pm2_apps", FromPm2}};
  for (const auto& [table, fn] : sources) {
    if (FindTable(table) == nullptr) continue;
    Status st = fn(db, found);
    if (!st.ok()) return st;
  }
  for (const Found& f : found) {
    std::string cycle = MatchCycle(f.version, (*cycles)[f.product]);
    Status st = db.Insert(kSoftware, f.host,
                          {Value(f.product), Value(f.version), cycle.empty() ? Value() : Value(cycle), Value(f.source),
                           Value(f.subject), Value(f.file), Value(f.line), f.distro_supported});
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

const bool kRegistered = RegisterDeriver(
    {"software", "lifecycle-tracked software versions per host, with their release cycle", DeriveSoftware, 20});

}  // namespace
}  // namespace shipshape
