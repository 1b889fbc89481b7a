// nginx inheritance: the settings in effect at a server or location, from the chain of blocks
// (http > server > location > nested location) that encloses it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parse/nginx_config.h"

namespace shipshape {

struct NginxLevel {
  const std::vector<NginxDirective>* list;  // the block's directives (an implicit root's conf.d files)
  std::string kind;                         // http | server | location
};
using NginxChain = std::vector<NginxLevel>;  // outermost first

struct NginxHeader {
  std::string name;  // lower case
  std::string value;
  bool always = false;
  std::string level;  // where the add_header that applies is written: http | server | location
  std::string file;
  int line = 0;
};

// add_header in effect: those of the innermost level that has any (a level with one add_header drops
// every inherited one). add_header inside `if` blocks is conditional and not counted.
std::vector<NginxHeader> EffectiveHeaders(const NginxChain& chain);
// Some level of the chain has limit_req.
bool EffectiveLimitReq(const NginxChain& chain);
// `deny all` in the innermost allow/deny set, or auth_basic / auth_request not "off" in effect;
// at a location also `internal`.
bool EffectiveAccessRestricted(const NginxChain& chain);
// root in effect ('' when none is written).
std::string EffectiveRoot(const NginxChain& chain);
// proxy_hide_header names in effect (innermost level that has any), lower case, space-joined.
std::string EffectiveHiddenHeaders(const NginxChain& chain);

// Host and port of a proxy_pass / fastcgi_pass / grpc_pass target ("http://api:4000/x" → api, 4000).
// port is empty when it cannot be known (a variable, a unix socket).
struct NginxTarget {
  std::string host;
  std::optional<int64_t> port;
};
NginxTarget ParseNginxTarget(const std::string& target);

// `upstream` blocks of an http level: name → addresses of its `server` lines.
struct NginxUpstreamServer {
  std::string addr;  // as written: "api:4000", "unix:/run/app.sock"
  NginxTarget target;
  std::string file;
  int line = 0;
};
using NginxUpstreams = std::map<std::string, std::vector<NginxUpstreamServer>>;
NginxUpstreams CollectUpstreams(const std::vector<NginxDirective>& http_level);

}  // namespace shipshape
