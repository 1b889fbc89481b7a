// FleetTarget: one host of a fleet as an inventory describes it (how to reach it, its groups, labels).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace shipshape {

struct FleetTarget {
  std::string alias;      // the inventory name of the host
  std::string host;       // ansible_host, or the alias when unset
  int port = 0;           // ansible_port; 0 = ssh's default (or ~/.ssh/config)
  std::string user;       // ansible_user; empty = ssh's default
  std::string key_file;   // ansible_ssh_private_key_file; empty = none given
  // ansible_ssh_common_args then ansible_ssh_extra_args, split into words as a POSIX shell splits
  // them (quotes, backslashes), never expanded and never run: each element is one ssh argument.
  std::vector<std::string> ssh_args;
  // Every group the host is in, directly or through [parent:children], sorted; never 'all' or
  // 'ungrouped'.
  std::vector<std::string> groups;
  // The other variables after Ansible's precedence, for labels. Values of secret-like keys
  // (ansible_password, *_token, …) are replaced by a redaction token; lists and maps are compact JSON.
  std::map<std::string, std::string> vars;
};

}  // namespace shipshape
