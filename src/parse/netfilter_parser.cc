// Parser for the kernel packet filter: `iptables-save` and `nft list ruleset`; tables
// `firewall_chains` and `firewall_rules`.
#include "base/strings.h"
#include "facts/registry.h"
#include "parse/line_command.h"
#include "parse/netfilter_ruleset.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

const TableDef& kChains = RegisterTable(
    {"firewall_chains",
     "Chains of the kernel packet filter as loaded, from `iptables-save` and `nft list ruleset` (with the "
     "iptables-nft backend the same chains appear under both backends). Docker's DOCKER and DOCKER-USER "
     "chains and ufw's ufw-* chains are here too.",
     {Text("backend", "iptables | nft"),
      Text("family", "ip (every iptables-save chain: IPv4), ip6, inet, arp, bridge, netdev"),
      Text("table_name", "filter, nat, mangle, raw, … (nft: the table's name)"),
      Text("chain", "chain name as written: INPUT, DOCKER-USER, ufw-user-input, input"),
      Text("hook",
           "lowercase hook of a base chain: input, forward, output, prerouting, postrouting (iptables: the "
           "built-in chains); '' for user chains"),
      Text("policy", "lowercase policy of a base chain: accept | drop; '' for user chains"),
      Int("rule_count", "number of rules in the chain"), FileCol(), LineCol()}});

const TableDef& kRulesTable = RegisterTable(
    {"firewall_rules",
     "Rules of the kernel packet filter, one row per rule, in order, from `iptables-save` and `nft list "
     "ruleset`. Negated matches start with '!'.",
     {Text("backend", "iptables | nft"), Text("family", "as in firewall_chains"),
      Text("table_name", "as in firewall_chains"), Text("chain", "chain the rule is in"),
      Text("proto", "protocol matched: tcp | udp | icmp | … ; '' when the rule does not match one"),
      Text("dport", "destination ports as written: '22', '80,443', '1000:2000' (nft ranges 1000-2000 too); ''"),
      Text("source_addr", "source address or network matched ('185.12.34.56/32', '!127.0.0.0/8'); '' for any"),
      Text("in_interface", "incoming interface matched ('eth0', '!docker0', 'docker*'); '' for any"),
      Text("target",
           "verdict, lowercase: accept, drop, reject, return, dnat, snat, masquerade, log, …; or the chain "
           "jumped to, as written (DOCKER, ufw-before-input); '' when none"),
      Text("text", "the rule as printed"), FileCol(), LineCol()}});

struct Backend {
  const char* command;  // standard command name
  const char* name;     // backend column
  NetfilterRuleset (*parse)(std::string_view, const NetfilterError&);
};

constexpr Backend kBackends[] = {{"iptables-save", "iptables", ParseIptablesSave},
                                 {"nft-ruleset", "nft", ParseNftRuleset}};

void AddRuleset(FactSink& out, const char* backend, const std::string& file, const NetfilterRuleset& set) {
  for (const NetfilterChain& c : set.chains) {
    out.Add(kChains, {V(backend), V(c.family), V(c.table), V(c.chain), V(c.hook), V(c.policy),
                      V(int64_t{c.rule_count}), V(file), V(int64_t{c.line})});
  }
  for (const NetfilterRule& r : set.rules) {
    out.Add(kRulesTable, {V(backend), V(r.family), V(r.table), V(r.chain), V(r.proto), V(r.dport), V(r.source),
                          V(r.in_iface), V(r.target), V(r.text), V(file), V(int64_t{r.line})});
  }
}

// iptables-save and nft show the same kernel state with the iptables-nft backend, and either
// alone is a complete picture with its own backend: one that failed beside one that worked is a
// warning; the category is Unknown only when every one that ran failed.
void ParseNetfilter(const Snapshot& snap, FactSink& out) {
  int read = 0;
  std::vector<std::string> failures;
  for (const Backend& b : kBackends) {
    const CommandResult* cmd = snap.Command(b.command);
    if (!cmd) continue;
    const std::string file = CommandFile(b.command);
    if (cmd->exit_code.value_or(0) != 0) {
      failures.push_back(file);
      continue;
    }
    bool bad = false;
    NetfilterRuleset set = b.parse(cmd->output.value_or(""), [&](int line, std::string message) {
      out.Error("firewall", file, line, std::move(message));
      bad = true;
    });
    AddRuleset(out, b.name, file, set);
    if (!bad) {
      out.Coverage("firewall", file, CoverageState::kOk);
      ++read;
    }
  }
  for (const std::string& file : failures) {
    const std::string command = file.substr(4, file.size() - 8);
    const std::string status = command + " exited with status " +
                               std::to_string(snap.Command(command)->exit_code.value_or(0));
    if (read > 0) {
      out.Warn(file, 0, status + "; the other backend's ruleset was read");
    } else {
      out.Coverage("firewall", file, CoverageState::kError, status);
    }
  }
}

const bool kRegistered = RegisterParser({"netfilter",
                                         "packet filter chains and rules (iptables-save, nft list ruleset)",
                                         ParseNetfilter,
                                         "firewall",
                                         {"cmd/iptables-save.out", "cmd/nft-ruleset.out"}});

}  // namespace
}  // namespace shipshape
