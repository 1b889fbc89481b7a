// Reading the output of `ufw status verbose` (cmd/ufw-status.out) into a status and rules.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape {

// One ufw rule, from the status output or from a `### tuple ###` line of user.rules.
struct UfwRule {
  std::string action;     // allow | deny | reject | limit
  std::string direction;  // in | out | fwd
  std::string port;       // destination port as written: 22, 80,443, 6000:6007; "" for any
  std::string proto;      // tcp | udp | … ; "" for any
  std::string from_addr;  // source address or network; "any"
  std::string to_addr;    // destination address or network; "any"
  std::string interface;  // interface of "on IFACE"; "" when none
  bool v6 = false;
  std::string comment;
  std::string from_port;  // source port; "" for any
  std::string app;        // application profile ("Nginx Full"); "" when none
  std::string file;  // set by the caller: cmd/ufw-status.out or the rules file
  int line = 0;
};

struct UfwStatusOutput {
  bool active = false;
  int status_line = 0;  // line of "Status: …"; 0 when missing
  std::string default_incoming, default_outgoing, default_routed;  // allow|deny|reject|disabled
  std::string logging;  // off | low | medium | high | full (the level of "Logging: on (low)")
  std::vector<UfwRule> rules;
};

// Reports a malformed line (1-based) with a message naming no input value.
using UfwLineError = std::function<void(int line, std::string message)>;

// Parses `ufw status verbose` output (plain `ufw status` rows, without IN, read as incoming).
UfwStatusOutput ParseUfwStatusOutput(std::string_view text, const UfwLineError& error);

}  // namespace shipshape
