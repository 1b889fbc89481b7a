// shipshape_fleetgen: writes N generated host snapshots (bench/fleet_generator.h) to a folder, for
// scripts/fleet_bench.sh to audit as one fleet from disk.
//
//   shipshape_fleetgen SEED_FLEET_DIR COUNT OUT_DIR [--folders]
//
// Each snapshot is OUT_DIR/<host>.tar.gz (what the Ansible playbook fetches), or a folder
// OUT_DIR/<host>/ with --folders. Exit 0 when every snapshot was written, 2 otherwise.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fleet_generator.h"
#include "snapshot/snapshot.h"

int main(int argc, char** argv) {
  if (argc < 4 || argc > 5 || (argc == 5 && std::string(argv[4]) != "--folders")) {
    std::fprintf(stderr, "usage: shipshape_fleetgen SEED_FLEET_DIR COUNT OUT_DIR [--folders]\n");
    return 2;
  }
  const std::string seed = argv[1], out = argv[3];
  const int count = std::atoi(argv[2]);
  const bool folders = argc == 5;
  if (count < 1) {
    std::fprintf(stderr, "shipshape_fleetgen: COUNT must be at least 1\n");
    return 2;
  }
  std::vector<shipshape::Snapshot> templates = shipshape::bench::LoadFleetTemplates(seed);
  if (templates.empty()) {
    std::fprintf(stderr, "shipshape_fleetgen: no templates under %s\n", seed.c_str());
    return 2;
  }
  for (int i = 0; i < count; ++i) {
    shipshape::Snapshot s = shipshape::bench::GenerateHost(templates, i);
    std::string path = out + "/" + s.meta().host + (folders ? "" : ".tar.gz");
    shipshape::Status st = shipshape::WriteSnapshot(s, path);
    if (!st.ok()) {
      std::fprintf(stderr, "shipshape_fleetgen: %s\n", st.ToString().c_str());
      return 2;
    }
  }
  std::fprintf(stderr, "shipshape_fleetgen: wrote %d snapshots to %s\n", count, out.c_str());
  return 0;
}
