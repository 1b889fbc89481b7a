// Reading an Ansible inventory (INI or YAML, with group_vars/ and host_vars/) into fleet targets.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/status.h"
#include "fleet/target.h"

namespace shipshape {

// Reads the inventory file at `path`, and the group_vars/ and host_vars/ folders beside it, into one
// target per host (a host listed in several groups is one target), in order of first appearance.
//
// Format, as Ansible chooses it: a .ini file is INI; a .yml/.yaml/.json file is YAML; any other file
// is YAML when it parses as a mapping whose top level has 'all' or a group with hosts, children or
// vars, and INI otherwise.
// Variables follow Ansible's precedence: all < group_vars/all < groups, parents before children
// (depth, then ansible_group_priority, then name) < their group_vars/ < host vars in the inventory
// < host_vars/. Values are text: no Jinja2 template is evaluated, no vault file decrypted (a
// warning says so), no lookup or shell is ever run.
//
// Fails (Status with file and line, and every error in `diags`) on a malformed inventory or vars
// file, an unreadable file, a loop of children, a bad port or an unterminated quote in ssh args:
// Ansible refuses such an inventory too, and auditing half a fleet silently would mislead. Warnings
// (an unexpected YAML key, a vault file, no hosts) go to `diags` (may be null) as "warning: …".
// Messages never quote a variable's value.
Result<std::vector<FleetTarget>> ReadInventory(const std::string& path, Diagnostics* diags);

}  // namespace shipshape
