// Compose merge rules for the fields shipshape reads: an override file onto its base, and a
// service onto the service it `extends`.
#pragma once

#include "parse/compose_node.h"

namespace shipshape::compose {

// Brings a service definition to one shape before merging: environment, labels and networks
// given as lists become maps (KEY=VALUE items split, a bare KEY becomes a null entry).
void NormalizeService(CNode& service);

// Merges `over` onto `base` per the Compose specification: maps merge key by key, scalars are
// replaced, command/entrypoint/healthcheck.test are replaced, volumes merge by target, other
// sequences (ports, cap_add, env_file, …) are appended without duplicates.
void MergeService(CNode& base, const CNode& over);

// Merges a whole override document onto its base: services (normalized first) and the top-level
// networks, volumes and name.
void MergeDocument(CNode& base, const CNode& over);

}  // namespace shipshape::compose
