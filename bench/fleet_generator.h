// Generates realistic host snapshots for benchmarks: copies of the seed fleet fixtures with
// varied host names, disk use, memory and container names, so that every parser and rule works.
#pragma once

#include <string>
#include <vector>

#include "snapshot/snapshot.h"

namespace shipshape::bench {

// `count` snapshots cycling over the templates in tests/fixtures/seed-fleet.
std::vector<Snapshot> GenerateFleet(const std::string& source_dir, int count);

// The same one host at a time (memory stays flat for large fleets): the templates GenerateFleet
// cycles over (empty when none is found), and host number `index` made from them.
std::vector<Snapshot> LoadFleetTemplates(const std::string& source_dir);
Snapshot GenerateHost(const std::vector<Snapshot>& templates, int index);

}  // namespace shipshape::bench
