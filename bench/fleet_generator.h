// Generates realistic host snapshots for benchmarks: copies of the seed fleet fixtures with
// varied host names, disk use, memory and container names, so that every parser and rule works.
#pragma once

#include <string>
#include <vector>

#include "snapshot/snapshot.h"

namespace shipshape::bench {

// `count` snapshots cycling over the templates in tests/fixtures/seed-fleet.
std::vector<Snapshot> GenerateFleet(const std::string& source_dir, int count);

}  // namespace shipshape::bench
