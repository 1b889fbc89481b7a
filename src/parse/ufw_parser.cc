// Parser for ufw: `ufw status verbose` (authoritative when it ran), /etc/ufw/ufw.conf,
// /etc/default/ufw and the rules ufw stores in /etc/ufw/user.rules and user6.rules; tables
// `ufw_status` and `ufw_rules`.
#include <map>
#include <optional>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/line_command.h"
#include "parse/parse_util.h"
#include "parse/ufw_status_output.h"

namespace shipshape {
namespace {

constexpr const char* kCommand = "ufw-status";
constexpr const char* kConf = "/etc/ufw/ufw.conf";
constexpr const char* kDefaults = "/etc/default/ufw";
constexpr const char* kUserRules = "/etc/ufw/user.rules";
constexpr const char* kUser6Rules = "/etc/ufw/user6.rules";

const TableDef& kStatus = RegisterTable(
    {"ufw_status",
     "State of ufw, the Uncomplicated Firewall (one row when ufw status ran or ufw.conf was collected). "
     "From `ufw status verbose` when it ran; else from ufw.conf (ENABLED) and /etc/default/ufw.",
     {Int("active", "1 when ufw is active (from ufw.conf: 1 when ENABLED=yes, i.e. started at boot)"),
      Text("default_incoming", "default policy for incoming traffic: deny | allow | reject; '' when unknown"),
      Text("default_outgoing", "default policy for outgoing traffic: deny | allow | reject; '' when unknown"),
      Text("default_routed",
           "default policy for routed traffic: deny | allow | reject | disabled (ufw prints disabled when "
           "the kernel does not forward; from /etc/default/ufw it is the configured policy); '' when unknown"),
      Text("logging", "log level: off | low | medium | high | full; '' when unknown"), FileCol(),
      LineCol()}});

const TableDef& kRules = RegisterTable(
    {"ufw_rules",
     "Rules of ufw, one row per rule (IPv4 and IPv6 variants are separate rows). The rules `ufw status "
     "verbose` printed when ufw is active; otherwise the rules stored in /etc/ufw/user.rules and "
     "user6.rules, which are not enforced while ufw is inactive (join ufw_status.active).",
     {Text("action", "allow | deny | reject | limit"), Text("direction", "in | out | fwd (routed)"),
      Text("port", "destination port as written: '22', '80,443', '6000:6007'; '' for any port"),
      Text("proto", "tcp | udp | … ; '' for any protocol"),
      Text("from_addr", "source address or network as written ('145.239.133.104', '10.0.0.0/8'); 'any'"),
      Text("to_addr", "destination address or network as written; 'any'"),
      Text("interface", "interface of 'on IFACE' (the incoming one for routed rules with two); '' when none"),
      Int("v6", "1 for the IPv6 variant of a rule"), Text("comment", "the rule's comment; '' when none"),
      FileCol(), LineCol(), Text("from_port", "source port as written; '' for any"),
      Text("app", "application profile the rule names ('OpenSSH', 'Nginx Full'); '' when none")}});

struct KeyValue {
  std::string value;
  int line = 0;
};
using KvFile = std::map<std::string, KeyValue, std::less<>>;

// A shell-style KEY=value file (ufw.conf, /etc/default/ufw): nullopt when not collected.
std::optional<KvFile> ReadKvFile(const Snapshot& snap, const std::string& path, FactSink& out, bool* bad) {
  const std::string* text = snap.File(path);
  if (!text) return std::nullopt;
  KvFile kv;
  int n = 0;
  for (std::string_view raw : SplitLines(*text)) {
    std::string_view line = Trim(raw);
    ++n;
    if (line.empty() || line[0] == '#') continue;
    size_t eq = line.find('=');
    std::string_view key = eq == std::string_view::npos ? "" : Trim(line.substr(0, eq));
    if (key.empty() || key.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") !=
                           std::string_view::npos) {
      out.Error("firewall", path, n, "expected KEY=value");
      *bad = true;
      continue;
    }
    kv[std::string(key)] = {Unquote(Trim(line.substr(eq + 1))), n};
  }
  return kv;
}

std::string AnyAddress(std::string_view a) { return a == "0.0.0.0/0" || a == "::/0" ? "any" : std::string(a); }
std::string AnyIsEmpty(std::string_view a) { return a == "any" ? "" : std::string(a); }

// ufw stores comments hex-encoded ("comment=4d6f6e676f4442").
// Anything that is not hex is kept as written.
int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string HexDecode(std::string_view hex) {
  if (hex.size() % 2) return std::string(hex);
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = HexDigit(hex[i]), lo = HexDigit(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::string(hex);
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

// The interface part of a tuple's last field: "in", "in_wg0", "out_eth0", "in_eth0!out_eth1".
bool ReadTupleDirection(std::string_view field, bool forward, UfwRule* rule) {
  std::string_view first = field.substr(0, field.find('!'));
  size_t underscore = first.find('_');
  std::string_view dir = first.substr(0, underscore);
  if (dir != "in" && dir != "out") return false;
  rule->direction = forward ? "fwd" : std::string(dir);
  if (underscore != std::string_view::npos) rule->interface = std::string(first.substr(underscore + 1));
  return true;
}

// "### tuple ### allow tcp 22 0.0.0.0/0 any 0.0.0.0/0 in comment=…": action proto dport dst sport
// src [dapp sapp] direction[_iface] (ufw's backend_iptables.py _write_rules).
bool ReadTuple(std::string_view text, UfwRule* rule) {
  size_t c = text.find(" comment=");
  if (c != std::string_view::npos) {
    rule->comment = HexDecode(Trim(text.substr(c + 9)));
    text = text.substr(0, c);
  }
  auto f = SplitWhitespace(text);
  if (f.size() != 7 && f.size() != 9) return false;
  std::string_view action = f[0];
  const bool forward = StartsWith(action, "route:");
  if (forward) action = action.substr(6);
  action = action.substr(0, action.find('_'));  // allow_log, deny_log-all
  if (action != "allow" && action != "deny" && action != "reject" && action != "limit") return false;
  rule->action = std::string(action);
  rule->proto = AnyIsEmpty(f[1]);
  rule->port = AnyIsEmpty(f[2]);
  rule->to_addr = AnyAddress(f[3]);
  rule->from_port = AnyIsEmpty(f[4]);
  rule->from_addr = AnyAddress(f[5]);
  if (f.size() == 9) {
    std::string_view app = f[6] != "-" ? f[6] : f[7];
    if (app != "-") rule->app = std::string(app);
    for (size_t p; (p = rule->app.find("%20")) != std::string::npos;) rule->app.replace(p, 3, " ");
  }
  return ReadTupleDirection(f.back(), forward, rule);
}

// user.rules / user6.rules: an iptables-restore file whose `### tuple ###` comments are ufw's rules.
std::vector<UfwRule> ReadUserRules(const std::string& path, const std::string& text, bool v6, FactSink& out,
                                   bool* bad) {
  std::vector<UfwRule> rules;
  bool committed = false;
  int n = 0;
  auto fail = [&](int line, const char* message) {
    out.Error("firewall", path, line, message);
    *bad = true;
  };
  for (std::string_view raw : SplitLines(text)) {
    std::string_view line = Trim(raw);
    ++n;
    if (StartsWith(line, "### tuple ###")) {
      UfwRule rule;
      if (!ReadTuple(line.substr(13), &rule)) {
        fail(n, "malformed ### tuple ### line");
        continue;
      }
      rule.v6 = v6;
      rule.file = path;
      rule.line = n;
      rules.push_back(std::move(rule));
    } else if (line == "COMMIT") {
      committed = true;
    } else if (!(line.empty() || line[0] == '#' || line[0] == '*' || line[0] == ':' || StartsWith(line, "-A "))) {
      fail(n, "unrecognized line");
    }
  }
  if (!committed && n > 0) fail(n, "no COMMIT line (file cut short?)");
  return rules;
}

std::string Policy(const KvFile* defaults, const char* key) {
  if (!defaults) return "";
  auto it = defaults->find(key);
  if (it == defaults->end()) return "";
  std::string p = ToLower(it->second.value);
  return p == "accept" ? "allow" : p == "drop" ? "deny" : p;
}

std::string Field(const std::optional<KvFile>& kv, const char* key) {
  if (!kv) return "";
  auto it = kv->find(key);
  return it == kv->end() ? "" : it->second.value;
}

void AddStatus(FactSink& out, bool active, const std::string& in, const std::string& outgoing,
               const std::string& routed, const std::string& logging, const std::string& file, int line) {
  out.Add(kStatus, {VBool(active), V(in), V(outgoing), V(routed), V(logging), V(file), V(int64_t{line})});
}

void AddRule(FactSink& out, const UfwRule& r) {
  out.Add(kRules, {V(r.action), V(r.direction), V(r.port), V(r.proto), V(r.from_addr), V(r.to_addr),
                   V(r.interface), VBool(r.v6), V(r.comment), V(r.file), V(int64_t{r.line}), V(r.from_port),
                   V(r.app)});
}

// What the files say: ufw.conf, /etc/default/ufw and the stored rules.
struct UfwFiles {
  std::optional<KvFile> conf, defaults;
  std::vector<UfwRule> rules;
  const KvFile* d() const { return defaults ? &*defaults : nullptr; }
};

UfwFiles ReadFiles(const Snapshot& snap, FactSink& out, bool* bad) {
  UfwFiles f;
  f.conf = ReadKvFile(snap, kConf, out, bad);
  f.defaults = ReadKvFile(snap, kDefaults, out, bad);
  for (const auto& [path, v6] : {std::pair{kUserRules, false}, std::pair{kUser6Rules, true}}) {
    if (const std::string* text = snap.File(path)) {
      for (UfwRule& r : ReadUserRules(path, *text, v6, out, bad)) f.rules.push_back(std::move(r));
    }
  }
  return f;
}

// The status row: from `ufw status` when it printed one (policies from the files when inactive,
// as ufw prints none then), else from ufw.conf.
void AddStatusRow(const UfwFiles& f, const std::optional<UfwStatusOutput>& status, FactSink& out) {
  const std::string file = CommandFile(kCommand);
  const std::string logging = ToLower(Field(f.conf, "LOGLEVEL"));
  const KvFile* d = f.d();
  if (status && status->status_line > 0 && status->active) {
    const UfwStatusOutput& s = *status;
    AddStatus(out, true, s.default_incoming, s.default_outgoing, s.default_routed, s.logging, file, s.status_line);
  } else if (status && status->status_line > 0) {
    AddStatus(out, false, Policy(d, "DEFAULT_INPUT_POLICY"), Policy(d, "DEFAULT_OUTPUT_POLICY"),
              Policy(d, "DEFAULT_FORWARD_POLICY"), logging, file, status->status_line);
  } else if (f.conf) {
    auto enabled = f.conf->find("ENABLED");
    AddStatus(out, ToLower(Field(f.conf, "ENABLED")) == "yes", Policy(d, "DEFAULT_INPUT_POLICY"),
              Policy(d, "DEFAULT_OUTPUT_POLICY"), Policy(d, "DEFAULT_FORWARD_POLICY"), logging, kConf,
              enabled == f.conf->end() ? 0 : enabled->second.line);
  }
}

void ParseUfw(const Snapshot& snap, FactSink& out) {
  bool bad = false;
  const UfwFiles files = ReadFiles(snap, out, &bad);
  const std::string file = CommandFile(kCommand);
  const CommandResult* cmd = snap.Command(kCommand);
  std::optional<UfwStatusOutput> status;
  if (cmd && cmd->exit_code == 0) {
    status = ParseUfwStatusOutput(cmd->output.value_or(""), [&](int line, std::string message) {
      out.Error("firewall", file, line, std::move(message));
      bad = true;
    });
  } else if (cmd) {
    out.Coverage("firewall", file, CoverageState::kError,
                 "ufw status exited with status " + std::to_string(cmd->exit_code.value_or(0)));
  }
  AddStatusRow(files, status, out);
  if (status && status->active) {
    for (UfwRule& r : status->rules) {
      r.file = file;
      AddRule(out, r);
    }
  } else {
    for (const UfwRule& r : files.rules) AddRule(out, r);
  }
  if (bad) return;
  if (status && status->status_line > 0) out.Coverage("firewall", file, CoverageState::kOk);
  if (!cmd && files.conf) out.Coverage("firewall", kConf, CoverageState::kOk);
}

const bool kRegistered =
    RegisterParser({"ufw",
                    "ufw state and rules (ufw status verbose, ufw.conf, /etc/default/ufw, user.rules)",
                    ParseUfw,
                    "firewall",
                    {"cmd/ufw-status.out", kConf, kDefaults, kUserRules, kUser6Rules}});

}  // namespace
}  // namespace shipshape
