// Fact tables of the nginx parser (nginx_directives, nginx_servers, nginx_locations, nginx_headers,
// nginx_upstreams), shared with the deriver that fills nginx_servers.public.
#pragma once

#include "facts/schema.h"

namespace shipshape {

extern const TableDef& kNginxDirectives;
extern const TableDef& kNginxServers;
extern const TableDef& kNginxLocations;
extern const TableDef& kNginxHeaders;
extern const TableDef& kNginxUpstreams;

}  // namespace shipshape
