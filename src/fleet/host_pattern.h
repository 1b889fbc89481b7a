// Ansible host patterns of an inventory: ranges (web[01:03], db-[a:c]) and a trailing :port.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace shipshape {

struct HostPattern {
  std::vector<std::string> names;  // expanded, in order
  int port = 0;                    // from "name:port" or "[v6addr]:port"; 0 when absent
};

// The most names one pattern may expand to; more is refused rather than exhausting memory.
inline constexpr size_t kMaxHostsPerPattern = 10000;

// Expands `[beg:end]` and `[beg:end:step]` ranges as Ansible does: numeric (a leading zero sets the
// width, and then both ends must have it) or one ASCII letter each; several ranges multiply.
// "host:2222" sets the port; an address with several colons is IPv6 without a port unless written
// "[addr]:port". Errors carry no file or line and do not quote the pattern.
Result<HostPattern> ExpandHostPattern(std::string_view pattern);

}  // namespace shipshape
