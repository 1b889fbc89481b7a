// Reading packet-filter rulesets: `iptables-save` and `nft list ruleset` output into chains and rules.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape {

struct NetfilterChain {
  std::string family;  // ip (all of iptables-save), ip6, inet, arp, bridge, netdev
  std::string table, chain;
  std::string hook;    // input, forward, output, prerouting, postrouting, ingress; "" for user chains
  std::string policy;  // accept | drop; "" for user chains
  int rule_count = 0;
  int line = 0;
};

struct NetfilterRule {
  std::string family, table, chain;
  std::string proto;      // tcp | udp | … ; "" when the rule does not say
  std::string dport;      // "22", "80,443", "1000:2000"; "!" in front when negated; "" when none
  std::string source;     // source address or network; "!" in front when negated; "" for any
  std::string in_iface;   // incoming interface; "!" in front when negated; "" for any
  std::string target;     // accept, drop, reject, return, dnat, masquerade, log, … or the chain jumped to
  std::string text;       // the rule as written
  int line = 0;
};

struct NetfilterRuleset {
  std::vector<NetfilterChain> chains;
  std::vector<NetfilterRule> rules;
};

// Reports a malformed line (1-based) with a message naming no input value.
using NetfilterError = std::function<void(int line, std::string message)>;

// `iptables-save`: *table, :CHAIN POLICY [p:b], -A CHAIN options, COMMIT. A table without COMMIT
// (output cut short) and rules for undeclared chains are errors.
NetfilterRuleset ParseIptablesSave(std::string_view text, const NetfilterError& error);

// `nft list ruleset`: table FAMILY NAME { chain NAME { type … hook H priority P; policy V; rules } }.
// Sets, maps, flowtables and other objects are skipped. Unbalanced braces are errors.
NetfilterRuleset ParseNftRuleset(std::string_view text, const NetfilterError& error);

// iptables targets as verdicts: ACCEPT → accept, DNAT → dnat; user chains (DOCKER) stay as written.
std::string NetfilterTarget(std::string_view target);

// Splits a rule into words; "double quoted" words keep their spaces (quotes removed).
std::vector<std::string> SplitRuleWords(std::string_view text);

}  // namespace shipshape
