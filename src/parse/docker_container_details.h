// The per-container detail tables of `docker inspect`: published ports, mounts, networks, environment.
#pragma once

#include <string>

#include "base/json.h"
#include "facts/fact_db.h"

namespace shipshape {

// Adds the rows of one container (an element of the `docker inspect` array) to container_ports,
// container_mounts, container_networks and container_env; returns the number of env variables.
int AddContainerDetails(JsonRef container, const std::string& name, FactSink& out);

}  // namespace shipshape
