// Compose value grammars other than ports: memory sizes ("2G", "512m", "1gb", bytes), cpu counts,
// and volume mounts (short "./a:/b:ro", named volumes, long form type/source/target/read_only).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/compose_node.h"

namespace shipshape::compose {

// Bytes of a Docker memory size (binary units b, k, m, g, t, with an optional trailing 'b');
// nullopt when not one.
std::optional<int64_t> ParseMemory(std::string_view text);
// A cpu count ("0.5", 2); nullopt when not a positive number.
std::optional<double> ParseCpus(std::string_view text);

struct Mount {
  std::string type;    // bind | volume | tmpfs (or as written in the long form: npipe, cluster, …)
  std::string source;  // host path as written (relative kept relative), or the volume name, or ''
  std::string target;
  bool read_only = false;
};

// One entry of a service's `volumes:`; nullopt when it names no target.
std::optional<Mount> ParseMount(const CNode& node);

// A command (string or list) as one line: list items joined by spaces.
std::string JoinCommand(const CNode* node);

}  // namespace shipshape::compose
