// The shape the Compose Specification gives each service key shipshape reads: `ports: "80:80"`
// (a string where a list belongs) is rejected by `docker compose` and must not pass for "no ports".
#pragma once

#include <string>
#include <vector>

#include "parse/compose_node.h"

namespace shipshape::compose {

// Drops every key of `service` whose value has the wrong shape and returns one error for each
// (file and line of the key). A key written with no value (null) is left alone.
std::vector<Diag> DropMisshapenKeys(const std::string& service_name, CNode& service);

}  // namespace shipshape::compose
