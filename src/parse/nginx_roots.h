// Where nginx configurations start: /etc/nginx/nginx.conf on a host; in a stack folder every
// nginx.conf, and conf.d-style files that no root includes (read as if the image's stock
// nginx.conf included them inside http {}).
#pragma once

#include <string>
#include <vector>

#include "parse/nginx_config.h"
#include "snapshot/snapshot.h"

namespace shipshape {

struct NginxRoot {
  // The root config file ("/etc/nginx/nginx.conf", "/nginx/nginx.conf"); for an implicit root the
  // glob the image's nginx.conf would include: "/nginx/conf.d/*.conf".
  std::string config;
  bool implicit = false;  // tree.directives are the content of http {}
  NginxTree tree;
};

struct NginxConfigs {
  std::vector<NginxRoot> roots;
  // Syntax errors of nginx fragments (top-level location blocks) that nothing includes.
  std::vector<NginxIssue> fragment_issues;
};

// Host snapshot: /etc/nginx/nginx.conf when collected. Stack snapshot (meta.method "stack"): as above.
// A *.conf (or a file without extension) counts as nginx only when a root includes it or it has
// server, upstream, location or http blocks at top level, so other programs' files give no errors.
NginxConfigs FindNginxConfigs(const Snapshot& snap);

}  // namespace shipshape
