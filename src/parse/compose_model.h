// Compose projects of a snapshot: each compose file loaded with its folder's .env, its override
// file merged on top, `extends` resolved; what the tables are written from.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "parse/compose_node.h"
#include "snapshot/snapshot.h"

namespace shipshape::compose {

struct Service {
  std::string name;
  CNode def;  // a map, normalized (environment and networks as maps), extends resolved
};

struct Project {
  std::string name;  // `name:` or the folder's basename (meta.host for a stack at "/")
  std::string dir;   // folder of the compose file as keyed in the snapshot: "/" or "/opt/app"
  std::map<std::string, std::string, std::less<>> vars;  // from the folder's .env, secrets as tokens
  std::vector<Service> services;
  CNode networks;             // top-level networks (a map, or null)
  std::vector<RefSite> refs;  // every variable reference, in every file read
  std::vector<Diag> diags;
  std::vector<std::string> parsed;  // compose files read without a fatal error (for coverage)
};

// True for a compose file name: docker-compose*.yml|yaml or compose*.yml|yaml.
bool IsComposeFileName(std::string_view path);

// One project per compose file (override files merge into their folder's base file instead).
std::vector<Project> LoadProjects(const Snapshot& snap);

// "/opt/app" + "./x/../y" → "/opt/app/y"; an absolute `path` is returned normalized.
std::string ResolvePath(std::string_view dir, std::string_view path);
std::string DirOf(std::string_view path);

}  // namespace shipshape::compose
