// Parser for the SSH server's settings: `sshd -T` (authoritative) or sshd_config with Include and
// Match; tables `sshd_settings` and `sshd_match`.
#include <map>
#include <optional>
#include <set>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/line_command.h"
#include "parse/parse_util.h"
#include "parse/sshd_config_reader.h"

namespace shipshape {
namespace {

constexpr const char* kConfig = "/etc/ssh/sshd_config";
constexpr const char* kCommand = "sshd-T";

const TableDef& kSettings = RegisterTable(
    {"sshd_settings",
     "Effective global settings of the SSH server: one row per keyword, one row per value for the "
     "keywords sshd -T prints once per value (port, listenaddress, hostkey, allowusers, denyusers, "
     "allowgroups, denygroups, acceptenv, setenv, subsystem). From `sshd -T` when it ran; else computed "
     "from sshd_config as sshd reads it (first value wins, Include in place, Match blocks excluded), "
     "plus OpenSSH 9.x defaults for unset security-relevant keywords.",
     {Text("key", "keyword, lowercase and canonical: passwordauthentication (never the alias "
                  "challengeresponseauthentication), permitrootlogin, port, listenaddress"),
      Text("value",
           "value as `sshd -T` prints it: yes/no and other choices lowercase; permitrootlogin "
           "prohibit-password (also for the old spelling without-password); times in seconds "
           "(logingracetime 120); listenaddress as address:port ('0.0.0.0:22', '[::]:22'), one row per "
           "port when sshd_config gives no port; several arguments joined by one space "
           "(authorizedkeysfile '.ssh/authorized_keys .ssh/authorized_keys2', subsystem 'sftp /usr/lib/…')"),
      Text("source", "'sshd -T' | 'sshd_config' | 'default' (not set anywhere: OpenSSH's built-in default)"),
      FileCol(), LineCol()}});

const TableDef& kMatchTable = RegisterTable(
    {"sshd_match",
     "Settings inside Match blocks of sshd_config (they apply only to connections matching the "
     "criteria). One row per keyword line (per value for the multi-valued keywords).",
     {Text("criteria",
           "Match criteria as written, quotes removed ('User anoncvs', 'Group sftp Address 10.0.0.0/8'); "
           "a Match in a file included from a Match block adds its criteria after the outer ones (both "
           "must hold)"),
      Text("key", "keyword, lowercase and canonical, as in sshd_settings"),
      Text("value", "value, normalized as in sshd_settings"), FileCol(), LineCol()}});

struct Setting {
  std::string key, value, source, file;
  int line = 0;
};

void AddSetting(FactSink& out, const Setting& s) {
  out.Add(kSettings, {V(s.key), V(s.value), V(s.source), V(s.file), V(int64_t{s.line})});
}

// ---- sshd -T --------------------------------------------------------------------------------

bool IsKeywordToken(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

// Reads `sshd -T` when it ran and exited 0; returns how many settings it gave.
int ReadSshdT(const Snapshot& snap, FactSink& out) {
  const std::string* text = snap.CommandOk(kCommand);
  if (!text) return 0;
  const std::string file = CommandFile(kCommand);
  const bool cut = !text->empty() && text->back() != '\n';
  auto lines = SplitLines(*text);
  int n = 0, rows = 0;
  for (std::string_view raw : lines) {
    ++n;
    if (Trim(raw).empty()) continue;
    if (cut && n == static_cast<int>(lines.size())) {
      out.Error("ssh", file, n, "output ends in the middle of a line (cut short?)");
      continue;
    }
    size_t space = raw.find(' ');
    std::string_view key = raw.substr(0, space);
    std::string_view value = space == std::string_view::npos ? "" : Trim(raw.substr(space + 1));
    if (!IsKeywordToken(key) || value.empty()) {
      out.Error("ssh", file, n, "expected 'keyword value'");
      continue;
    }
    if (!FindSshdKeyword(key)) out.Warn(file, n, "keyword unknown to this version of shipshape");
    std::string v(value);
    if (key == "permitrootlogin" && v == "without-password") v = "prohibit-password";
    AddSetting(out, {std::string(key), v, "sshd -T", file, n});
    ++rows;
  }
  return rows;
}

// ---- effective settings from sshd_config ------------------------------------------------------

struct ListenSpec {
  std::string address;  // without brackets
  std::string port;     // "" when not given
  std::string rdomain;
};

// sshd's ListenAddress forms: "0.0.0.0", "10.0.0.1:2222", "::", "[::1]:22", "host", plus "rdomain X".
std::optional<ListenSpec> ParseListen(const std::vector<std::string>& args) {
  if (args.size() != 1 && !(args.size() == 3 && args[1] == "rdomain")) return std::nullopt;
  ListenSpec spec;
  if (args.size() == 3) spec.rdomain = args[2];
  const std::string& a = args[0];
  if (a.empty()) return std::nullopt;
  size_t colon = a.find(':');
  if (a.front() != '[' && colon != std::string::npos && a.find(':', colon + 1) != std::string::npos) {
    spec.address = a;  // bare IPv6 address
  } else if (a.front() == '[') {
    size_t close = a.find(']');
    if (close == std::string::npos) return std::nullopt;
    spec.address = a.substr(1, close - 1);
    std::string_view after = std::string_view(a).substr(close + 1);
    if (!after.empty() && (after.front() != ':' || after.size() == 1)) return std::nullopt;
    if (!after.empty()) spec.port = std::string(after.substr(1));
  } else {
    spec.address = a.substr(0, colon);
    if (colon != std::string::npos) spec.port = a.substr(colon + 1);
  }
  auto port = ParseInt(spec.port);
  if (spec.address.empty() || (!spec.port.empty() && (!port || *port < 1 || *port > 65535))) return std::nullopt;
  return spec;
}

std::string FormatListen(const std::string& address, const std::string& port, const std::string& rdomain) {
  std::string host = address.find(':') != std::string::npos ? "[" + address + "]" : address;
  return host + ":" + port + (rdomain.empty() ? "" : " rdomain " + rdomain);
}

// OpenSSH 9.x defaults of the keywords audits look at, as `sshd -T` prints them.
const std::vector<std::pair<std::string_view, std::string_view>>& Defaults() {
  static const std::vector<std::pair<std::string_view, std::string_view>> kDefaults = {
      {"addressfamily", "any"}, {"permitrootlogin", "prohibit-password"}, {"passwordauthentication", "yes"},
      {"kbdinteractiveauthentication", "yes"}, {"pubkeyauthentication", "yes"}, {"permitemptypasswords", "no"},
      {"x11forwarding", "no"}, {"x11uselocalhost", "yes"}, {"maxauthtries", "6"}, {"maxsessions", "10"},
      {"maxstartups", "10:30:100"}, {"logingracetime", "120"}, {"allowtcpforwarding", "yes"},
      {"allowagentforwarding", "yes"}, {"allowstreamlocalforwarding", "yes"}, {"gatewayports", "no"},
      {"disableforwarding", "no"}, {"permittunnel", "no"}, {"permitopen", "any"}, {"usepam", "no"},
      {"hostbasedauthentication", "no"}, {"ignorerhosts", "yes"}, {"permituserenvironment", "no"},
      {"clientaliveinterval", "0"}, {"clientalivecountmax", "3"}, {"loglevel", "INFO"}, {"strictmodes", "yes"},
      {"authorizedkeysfile", ".ssh/authorized_keys .ssh/authorized_keys2"}, {"authenticationmethods", "any"},
      {"permittty", "yes"}, {"usedns", "no"}, {"tcpkeepalive", "yes"}, {"compression", "yes"},
      {"gssapiauthentication", "no"}, {"kerberosauthentication", "no"},
  };
  return kDefaults;
}

class Effective {
 public:
  explicit Effective(FactSink& out) : out_(out) {}
  void Take(const SshdDirective& d);
  void Finish();

 private:
  void Push(const SshdDirective& d, std::string value) {
    rows_.push_back({std::string(d.keyword->name), std::move(value), "sshd_config", d.file, d.line});
  }
  void AddListens();

  FactSink& out_;
  std::vector<Setting> rows_;
  std::set<std::string, std::less<>> seen_, subsystems_;
  std::map<std::string, Setting, std::less<>> last_;  // kLast keywords: the last line wins
  std::vector<Setting> ports_;
  std::vector<const SshdDirective*> listens_;
};

void Effective::Take(const SshdDirective& d) {
  const std::string_view key = d.keyword->name;
  const bool first = seen_.insert(std::string(key)).second;
  switch (d.keyword->merge) {
    case SshdMerge::kFirst:
      if (first) Push(d, Join(d.args, " "));
      break;
    case SshdMerge::kEach:
      for (const std::string& a : d.args) Push(d, a);
      break;
    case SshdMerge::kFirstEach:
      if (first) {
        for (const std::string& a : d.args) Push(d, a);
      }
      break;
    case SshdMerge::kLast: {
      std::string value = Join(d.args, " ");
      if (key == "maxstartups" && value.find(':') == std::string::npos) value += ":30:" + value;  // as sshd -T
      last_[std::string(key)] = {std::string(key), value, "sshd_config", d.file, d.line};
      break;
    }
    case SshdMerge::kSubsystem:
      if (subsystems_.insert(d.args[0]).second) Push(d, Join(d.args, " "));
      break;
    case SshdMerge::kPort:
      ports_.push_back({"port", d.args[0], "sshd_config", d.file, d.line});
      break;
    case SshdMerge::kListen: listens_.push_back(&d); break;
    default: break;
  }
}

void Effective::AddListens() {
  std::vector<std::string> ports;
  for (const Setting& p : ports_) ports.push_back(p.value);
  for (const SshdDirective* d : listens_) {
    auto spec = ParseListen(d->args);
    if (!spec) {
      out_.Error("ssh", d->file, d->line, "listenaddress: expected address, address:port or [address]:port");
      continue;
    }
    if (!spec->port.empty()) {
      Push(*d, FormatListen(spec->address, spec->port, spec->rdomain));
    } else {
      for (const std::string& p : ports) Push(*d, FormatListen(spec->address, p, spec->rdomain));
    }
  }
  if (!listens_.empty()) return;
  std::string family = "any";
  for (const Setting& s : rows_) family = s.key == "addressfamily" ? s.value : family;
  for (const std::string& p : ports) {
    if (family != "inet") rows_.push_back({"listenaddress", "[::]:" + p, "default", "", 0});
    if (family != "inet6") rows_.push_back({"listenaddress", "0.0.0.0:" + p, "default", "", 0});
  }
}

void Effective::Finish() {
  if (ports_.empty()) ports_.push_back({"port", "22", "default", "", 0});
  rows_.insert(rows_.begin(), ports_.begin(), ports_.end());
  AddListens();
  for (const auto& [key, setting] : last_) rows_.push_back(setting);
  for (const auto& [key, value] : Defaults()) {
    if (!seen_.count(key)) rows_.push_back({std::string(key), std::string(value), "default", "", 0});
  }
  for (const Setting& s : rows_) AddSetting(out_, s);
}

void AddMatchRows(const SshdConfigText& config, FactSink& out) {
  for (const SshdDirective& d : config.directives) {
    if (d.criteria.empty()) continue;
    const SshdMerge m = d.keyword->merge;
    std::vector<std::string> values = d.args;
    if (m != SshdMerge::kEach && m != SshdMerge::kFirstEach) values = {Join(d.args, " ")};
    for (const std::string& v : values) {
      out.Add(kMatchTable, {V(d.criteria), V(d.keyword->name), V(v), V(d.file), V(int64_t{d.line})});
    }
  }
}

void ParseSshd(const Snapshot& snap, FactSink& out) {
  const bool have_config = snap.File(kConfig) != nullptr;
  const CommandResult* t = snap.Command(kCommand);
  SshdConfigText config;
  if (have_config) config = ReadSshdConfig(snap, kConfig, out);
  const int t_rows = ReadSshdT(snap, out);
  if (t_rows > 0) {
    out.Coverage("ssh", CommandFile(kCommand), CoverageState::kOk);
  } else if (have_config) {
    if (t) {
      out.Warn(CommandFile(kCommand), 0,
               "sshd -T exited with status " + std::to_string(t->exit_code.value_or(0)) +
                   " without settings; computed them from sshd_config");
    }
    Effective effective(out);
    for (const SshdDirective& d : config.directives) {
      if (d.criteria.empty()) effective.Take(d);
    }
    effective.Finish();
    if (config.errors == 0) out.Coverage("ssh", kConfig, CoverageState::kOk);
  } else if (t) {
    out.Coverage("ssh", CommandFile(kCommand), CoverageState::kError,
                 "sshd -T exited with status " + std::to_string(t->exit_code.value_or(0)) +
                     " and sshd_config was not collected");
  }
  if (have_config) AddMatchRows(config, out);
}

const bool kRegistered = RegisterParser({"sshd",
                                         "SSH server settings (sshd -T, or sshd_config with Include and Match)",
                                         ParseSshd,
                                         "ssh",
                                         {kConfig, "cmd/sshd-T.out"}});

}  // namespace
}  // namespace shipshape
