// The environment a Compose service's containers get (env_file entries, then `environment:`),
// each value classified so that no secret reaches a row.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parse/compose_model.h"
#include "snapshot/snapshot.h"

namespace shipshape::compose {

struct EnvRow {
  std::string key;
  std::optional<std::string> value;  // nullopt when redacted
  bool redacted = false;
  std::string cls;  // default | empty | short | ok | plain
  int64_t length = 0;
  std::string origin;  // environment | env_file:PATH
  std::string refs;    // variables the value as written referenced, space-joined
  std::string file;
  int line = 0;
};

// The effective variables of `service`, in first-seen order (a later source replaces the value).
// References found in env files are appended to `refs`, problems to `diags`.
std::vector<EnvRow> ServiceEnvironment(const Snapshot& snap, const Project& project, const Service& service,
                                       std::vector<RefSite>& refs, std::vector<Diag>& diags);

// Classifies a value after interpolation; a value with a redaction token inside it (a URL holding
// a password) is redacted with the token's class.
void ClassifyInto(const std::string& key, const std::string& value, EnvRow* row);

}  // namespace shipshape::compose
