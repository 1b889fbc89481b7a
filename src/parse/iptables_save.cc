// Reading `iptables-save` output into chains and rules.
#include <map>
#include <set>

#include "base/strings.h"
#include "parse/netfilter_ruleset.h"

namespace shipshape {

std::vector<std::string> SplitRuleWords(std::string_view text) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size()) break;
    std::string word;
    bool quoted = false;
    for (; i < text.size() && (quoted || (text[i] != ' ' && text[i] != '\t')); ++i) {
      if (text[i] == '\\' && i + 1 < text.size()) {
        word += text[++i];
      } else if (text[i] == '"') {
        quoted = !quoted;
      } else {
        word += text[i];
      }
    }
    words.push_back(std::move(word));
  }
  return words;
}

std::string NetfilterTarget(std::string_view target) {
  static const std::set<std::string_view> kBuiltin = {
      "ACCEPT", "DROP",  "REJECT",  "RETURN", "LOG",    "ULOG",   "NFLOG",   "QUEUE",  "NFQUEUE",
      "DNAT",   "SNAT",  "MASQUERADE", "REDIRECT", "NETMAP", "MARK", "CONNMARK", "TCPMSS", "NOTRACK",
      "CT",     "TPROXY", "AUDIT", "CHECKSUM", "CLASSIFY", "DSCP", "TOS", "TTL", "HL", "SET", "TRACE"};
  return kBuiltin.count(target) ? ToLower(target) : std::string(target);
}

namespace {

// Reads the options of "-A CHAIN …" that the fact tables keep. Both negation styles occur:
// "! -s 10.0.0.0/8" (current) and "-s ! 10.0.0.0/8" (iptables before 1.4.3).
void ReadRuleOptions(const std::vector<std::string>& w, NetfilterRule* rule) {
  bool negate = false;
  for (size_t i = 2; i < w.size(); ++i) {
    const std::string& opt = w[i];
    if (opt == "!") {
      negate = true;
      continue;
    }
    auto value = [&]() {
      std::string v = i + 1 < w.size() ? w[++i] : "";
      if (v == "!" && i + 1 < w.size()) {
        negate = true;
        v = w[++i];
      }
      return (negate ? "!" : "") + v;
    };
    if (opt == "-p" || opt == "--protocol") rule->proto = ToLower(value());
    else if (opt == "-s" || opt == "--source") rule->source = value();
    else if (opt == "-i" || opt == "--in-interface") rule->in_iface = value();
    else if (opt == "--dport" || opt == "--destination-port" || opt == "--dports" || opt == "--destination-ports")
      rule->dport = value();
    else if (opt == "-j" || opt == "--jump" || opt == "-g" || opt == "--goto") rule->target = NetfilterTarget(value());
    negate = false;
  }
}

struct SaveReader {
  const NetfilterError& error;
  NetfilterRuleset out;
  std::string table;  // "" outside *table … COMMIT
  std::map<std::string, size_t> chains;  // chains of the current table → index in out.chains

  void Line(std::string_view line, int n);
  void Chain(std::string_view line, int n);
  void Rule(std::string_view line, int n);
};

void SaveReader::Line(std::string_view line, int n) {
  if (line.empty() || line[0] == '#') return;
  if (line[0] == '*') {
    if (!table.empty()) error(n, "table started before the previous one's COMMIT");
    table = std::string(Trim(line.substr(1)));
    chains.clear();
    if (table.empty()) error(n, "table without a name");
  } else if (line[0] == ':') {
    Chain(line, n);
  } else if (StartsWith(line, "-A ")) {
    Rule(line, n);
  } else if (line == "COMMIT") {
    if (table.empty()) error(n, "COMMIT outside a table");
    table.clear();
  } else {
    error(n, "unrecognized line");
  }
}

// ":INPUT DROP [0:0]", ":DOCKER - [0:0]".
void SaveReader::Chain(std::string_view line, int n) {
  auto f = SplitWhitespace(line.substr(1));
  if (table.empty()) return error(n, "chain declared outside a table");
  if (f.size() < 2 || f.size() > 3) return error(n, "expected ':CHAIN POLICY [packets:bytes]'");
  static const std::set<std::string_view> kBuiltin = {"INPUT", "FORWARD", "OUTPUT", "PREROUTING", "POSTROUTING"};
  NetfilterChain c;
  c.family = "ip";
  c.table = table;
  c.chain = std::string(f[0]);
  c.hook = kBuiltin.count(f[0]) ? ToLower(f[0]) : "";
  c.policy = f[1] == "-" ? "" : ToLower(f[1]);
  c.line = n;
  chains[c.chain] = out.chains.size();
  out.chains.push_back(std::move(c));
}

void SaveReader::Rule(std::string_view line, int n) {
  if (table.empty()) return error(n, "rule outside a table");
  auto words = SplitRuleWords(line);
  if (words.size() < 2) return error(n, "rule without a chain");
  auto it = chains.find(words[1]);
  if (it == chains.end()) return error(n, "rule for a chain not declared in its table");
  ++out.chains[it->second].rule_count;
  NetfilterRule rule;
  rule.family = "ip";
  rule.table = table;
  rule.chain = words[1];
  ReadRuleOptions(words, &rule);
  rule.text = std::string(line);
  rule.line = n;
  out.rules.push_back(std::move(rule));
}

}  // namespace

NetfilterRuleset ParseIptablesSave(std::string_view text, const NetfilterError& error) {
  SaveReader reader{error, {}, {}, {}};
  int n = 0;
  for (std::string_view raw : SplitLines(text)) reader.Line(Trim(raw), ++n);
  if (!reader.table.empty()) error(n, "table without COMMIT (output cut short?)");
  return std::move(reader.out);
}

}  // namespace shipshape
