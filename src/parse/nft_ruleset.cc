// Reading `nft list ruleset` output into chains and rules.
//
// nft prints one statement per line: "table inet filter {", "chain input {", "type filter hook
// input priority filter; policy drop;", one rule per line, "}". Named sets, maps, flowtables and
// other objects are skipped by counting braces (their element lists may span lines); a rule whose
// braces do not close on its line continues on the next ones.
#include <set>
#include <utility>

#include "base/strings.h"
#include "parse/netfilter_ruleset.h"

namespace shipshape {
namespace {

enum class Frame { kTable, kChain, kOther };

int BraceBalance(std::string_view s) {
  int balance = 0;
  bool quoted = false;
  for (char c : s) {
    if (c == '"') quoted = !quoted;
    if (!quoted && c == '{') ++balance;
    if (!quoted && c == '}') --balance;
  }
  return balance;
}

// The value after a keyword: "22", "{ 80, 443 }" → "80,443", "!= 10.0.0.0/8" → "!10.0.0.0/8",
// "1000-2000" → "1000:2000" (iptables' spelling, so both backends compare alike).
std::string ValueAt(const std::vector<std::string>& w, size_t i) {
  std::string prefix;
  if (i < w.size() && w[i] == "!=") {
    prefix = "!";
    ++i;
  }
  if (i >= w.size()) return "";
  std::string value;
  if (w[i] == "{") {
    for (++i; i < w.size() && w[i] != "}"; ++i) {
      std::string item = w[i];
      if (!item.empty() && item.back() == ',') item.pop_back();
      if (!item.empty()) value += (value.empty() ? "" : ",") + item;
    }
  } else {
    value = w[i];
  }
  return prefix + value;
}

std::string PortSpelling(std::string ports) {
  for (char& c : ports) c = c == '-' ? ':' : c;
  return ports;
}

void ReadNftRule(const std::vector<std::string>& w, NetfilterRule* rule) {
  static const std::set<std::string_view> kVerdicts = {"accept", "drop",  "reject", "return",   "queue",
                                                       "continue", "dnat", "snat", "masquerade", "redirect"};
  static const std::set<std::string_view> kProtos = {"tcp", "udp", "sctp", "dccp", "udplite"};
  for (size_t i = 0; i < w.size(); ++i) {
    const std::string& t = w[i];
    const std::string next = i + 1 < w.size() ? w[i + 1] : "";
    if (kProtos.count(t) && (next == "dport" || next == "sport")) {
      rule->proto = t;
      if (next == "dport") rule->dport = PortSpelling(ValueAt(w, i + 2));
    } else if ((t == "l4proto" || t == "protocol" || t == "nexthdr") && rule->proto.empty()) {
      rule->proto = ValueAt(w, i + 1);
    } else if ((t == "ip" || t == "ip6") && next == "saddr") {
      rule->source = ValueAt(w, i + 2);
    } else if (t == "iifname" || t == "iif") {
      rule->in_iface = ValueAt(w, i + 1);
    } else if ((t == "jump" || t == "goto") && !next.empty()) {
      rule->target = next;
    } else if (kVerdicts.count(t) && (rule->target.empty() || kVerdicts.count(rule->target))) {
      rule->target = t;
    }
  }
}

struct NftReader {
  const NetfilterError& error;
  NetfilterRuleset out;
  std::vector<Frame> frames;
  int other_depth = 0;        // braces open inside the skipped object
  std::string family, table;  // current table
  size_t chain = 0;           // index of the current chain in out.chains
  std::string pending;        // a rule spanning lines
  int pending_balance = 0;    // its braces still open
  int pending_line = 0;

  void Line(std::string_view line, int n);
  void TopLevel(std::string_view line, int n);
  void InTable(std::string_view line, int n);
  void InChain(std::string_view line, int n);
  void Rule(std::string_view text, int n);
};

void NftReader::Line(std::string_view line, int n) {
  if (!frames.empty() && frames.back() == Frame::kOther) {
    other_depth += BraceBalance(line);
    if (other_depth <= 0) frames.pop_back();
    return;
  }
  if (!pending.empty()) {
    pending += " " + std::string(line);
    pending_balance += BraceBalance(line);
    if (pending_balance <= 0) Rule(std::exchange(pending, ""), pending_line);
    return;
  }
  if (line.empty() || line[0] == '#') return;
  if (line == "}") {
    if (frames.empty()) return error(n, "unbalanced '}'");
    frames.pop_back();
    return;
  }
  if (frames.empty()) return TopLevel(line, n);
  if (frames.back() == Frame::kTable) return InTable(line, n);
  InChain(line, n);
}

void NftReader::TopLevel(std::string_view line, int n) {
  static const std::set<std::string_view> kFamilies = {"ip", "ip6", "inet", "arp", "bridge", "netdev"};
  auto f = SplitWhitespace(line);
  if (f.size() != 4 || f[0] != "table" || !kFamilies.count(f[1]) || f[3] != "{") {
    return error(n, "expected 'table FAMILY NAME {'");
  }
  family = std::string(f[1]);
  table = std::string(f[2]);
  frames.push_back(Frame::kTable);
}

void NftReader::InTable(std::string_view line, int n) {
  auto f = SplitWhitespace(line);
  if (f.size() == 3 && f[0] == "chain" && f[2] == "{") {
    chain = out.chains.size();
    out.chains.push_back({family, table, std::string(f[1]), "", "", 0, n});
    frames.push_back(Frame::kChain);
  } else if (BraceBalance(line) > 0) {
    other_depth = BraceBalance(line);  // set, map, flowtable, counter, quota, ct helper, …
    frames.push_back(Frame::kOther);
  } else if (BraceBalance(line) < 0) {
    error(n, "unbalanced '}'");
  }
}

// "type filter hook input priority filter; policy drop;", "policy accept;", or a rule.
void NftReader::InChain(std::string_view line, int n) {
  NetfilterChain& c = out.chains[chain];
  if (StartsWith(line, "type ") || StartsWith(line, "policy ")) {
    for (std::string_view part : Split(line, ';')) {
      auto f = SplitWhitespace(part);
      for (size_t i = 0; i + 1 < f.size(); ++i) {
        if (f[i] == "hook") c.hook = std::string(f[i + 1]);
        if (f[i] == "policy") c.policy = std::string(f[i + 1]);
      }
    }
    if (StartsWith(line, "type ") && c.hook.empty()) error(n, "chain type without a hook");
    return;
  }
  if (StartsWith(line, "comment ") || StartsWith(line, "devices ")) return;
  if (BraceBalance(line) > 0) {
    pending = std::string(line);
    pending_balance = BraceBalance(line);
    pending_line = n;
    return;
  }
  Rule(line, n);
}

void NftReader::Rule(std::string_view text, int n) {
  size_t handle = text.rfind(" # handle ");
  if (handle != std::string_view::npos) text = Trim(text.substr(0, handle));
  NetfilterChain& c = out.chains[chain];
  ++c.rule_count;
  NetfilterRule rule;
  rule.family = c.family;
  rule.table = c.table;
  rule.chain = c.chain;
  ReadNftRule(SplitRuleWords(text), &rule);
  rule.text = std::string(text);
  rule.line = n;
  out.rules.push_back(std::move(rule));
}

}  // namespace

NetfilterRuleset ParseNftRuleset(std::string_view text, const NetfilterError& error) {
  NftReader reader{error, {}, {}, 0, {}, {}, 0, {}, 0, 0};
  int n = 0;
  for (std::string_view raw : SplitLines(text)) reader.Line(Trim(raw), ++n);
  if (!reader.frames.empty() || !reader.pending.empty()) error(n, "ruleset ends inside a block (cut short?)");
  return std::move(reader.out);
}

}  // namespace shipshape
