// Targets written on the command line: user@host, ssh://[user@]host[:port], a bare host name.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "fleet/target.h"

namespace shipshape {

// True when `text` names a remote host rather than a path: "ssh://…", or no '/' and not an
// archive name. The caller checks first that no file or folder of that name exists.
bool LooksLikeRemoteTarget(const std::string& text);

// Parses "ssh://[user@]host[:port][/]" ("[v6addr]" for an IPv6 address with a port),
// "user@host" (the user ends at the last '@') and "host". The alias (the report's host name) is the
// host as written. Each --ssh-option becomes "-o" OPT in ssh_args. Nothing is unescaped or expanded:
// quotes, blanks, ';' and "$(…)" stay in the host name, which reaches ssh as one argument.
// Fails (kUsage) on an empty host or user, or a port outside 1..65535.
Result<FleetTarget> ParseAdhocTarget(const std::string& text, const std::vector<std::string>& ssh_options);

// Gives targets that share an alias (one host reached as two users or ports) distinct aliases
// "user@host:port", and drops exact duplicates (same alias, host, user and port).
void MakeAliasesUnique(std::vector<FleetTarget>& targets);

}  // namespace shipshape
