// Parser for fail2ban: the jails configured in jail.conf, jail.d/*.conf, jail.local and
// jail.d/*.local, and `fail2ban-client status` per jail; tables `fail2ban_jails` and `fail2ban_status`.
#include <map>
#include <optional>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/fail2ban_config.h"
#include "parse/line_command.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

constexpr const char* kDir = "/etc/fail2ban/";
constexpr const char* kCommand = "fail2ban-status";

const TableDef& kJails = RegisterTable(
    {"fail2ban_jails",
     "fail2ban jails as configured: one row per jail section of jail.conf, jail.d/*.conf, jail.local and "
     "jail.d/*.local (read in that order, later files override), with [DEFAULT] inherited and %(name)s "
     "references resolved. Disabled jails are listed too.",
     {Text("jail", "jail name: sshd, nginx-http-auth, recidive"),
      Int("enabled", "1 when the jail is enabled (fail2ban's default is 0)"),
      Text("port", "port(s) the jail bans, as written: 'ssh', 'http,https', '0:65535'"),
      Text("filter", "filter, as resolved: 'sshd[mode=normal]'"),
      Int("maxretry", "failures before a ban; NULL when not a number"),
      Text("bantime", "ban duration as written: '10m', '1h', '-1' (forever)"),
      Text("findtime", "window in which maxretry failures lead to a ban, as written: '10m'"),
      Text("backend", "log backend: auto, systemd, pyinotify, polling; a %(name)s reference stays as written "
                      "when the file defining it (paths-*.conf) was not collected"),
      FileCol(),
      Int("line", "line of the effective `enabled` setting in the jail's own section, else of the jail's "
                  "section header (file is that setting's or header's file)"),
      Int("bantime_seconds", "bantime in seconds (-1 = forever); NULL when not understood"),
      Int("findtime_seconds", "findtime in seconds; NULL when not understood")}});

const TableDef& kStatus = RegisterTable(
    {"fail2ban_status",
     "Counters of running fail2ban jails, from `fail2ban-client status JAIL` (banned addresses are not "
     "kept). A row with jail '' means the fail2ban server answered; no row means it did not run or "
     "could not be asked.",
     {Text("jail", "jail name; '' for the server itself"),
      Int("currently_failed", "failures counted now (NULL on the server row)"),
      Int("total_failed", "failures since the jail started"), Int("currently_banned", "addresses banned now"),
      Int("total_banned", "bans since the jail started"), FileCol(), LineCol()}});

// jail.conf < jail.d/*.conf < jail.local < jail.d/*.local (jail.conf(5)).
std::vector<std::string> JailFiles(const Snapshot& snap) {
  const std::string dir(kDir);
  std::vector<std::string> files = {dir + "jail.conf"};
  std::vector<std::string> d = snap.FilesUnder(dir + "jail.d/");
  for (const std::string& f : d) {
    if (EndsWith(f, ".conf") && f.find('/', dir.size() + 7) == std::string::npos) files.push_back(f);
  }
  files.push_back(dir + "jail.local");
  for (const std::string& f : d) {
    if (EndsWith(f, ".local") && f.find('/', dir.size() + 7) == std::string::npos) files.push_back(f);
  }
  return files;
}

std::optional<bool> Boolean(std::string_view v) {
  std::string s = ToLower(Trim(v));
  if (s == "1" || s == "yes" || s == "true" || s == "on") return true;
  if (s == "0" || s == "no" || s == "false" || s == "off") return false;
  return std::nullopt;
}

Value OptionalInt(std::optional<int64_t> v) { return v ? V(*v) : VNull(); }

void AddJail(const Fail2banConfig& config, const std::string& jail, FactSink& out, bool* bad) {
  const IniSection* own = config.section(jail);
  auto get = [&](const char* key) { return config.Get(jail, key).value_or(""); };
  const IniValue* enabled_at = own->values.count("enabled") ? &own->values.at("enabled") : nullptr;
  std::optional<bool> enabled = get("enabled").empty() ? std::optional<bool>(false) : Boolean(get("enabled"));
  const IniValue* where = config.Lookup(jail, "enabled");
  if (!enabled) {
    out.Error("ssh", where->file, where->line, "enabled must be true or false");
    *bad = true;
  }
  std::optional<int64_t> maxretry = ParseInt(get("maxretry"));
  if (!maxretry && config.Lookup(jail, "maxretry")) {
    const IniValue* m = config.Lookup(jail, "maxretry");
    out.Error("ssh", m->file, m->line, "maxretry must be a number");
    *bad = true;
  }
  const std::string& file = enabled_at ? enabled_at->file : own->file;
  const int line = enabled_at ? enabled_at->line : own->line;
  out.Add(kJails, {V(jail), VBool(enabled.value_or(false)), V(get("port")), V(get("filter")), OptionalInt(maxretry),
                   V(get("bantime")), V(get("findtime")), V(get("backend")), V(file), V(int64_t{line}),
                   OptionalInt(Fail2banSeconds(get("bantime"))), OptionalInt(Fail2banSeconds(get("findtime")))});
}

void ReadJails(const Snapshot& snap, FactSink& out) {
  Fail2banConfig config;
  bool bad = false;
  std::string first;
  for (const std::string& path : JailFiles(snap)) {
    bool read = config.Read(snap, path, [&](const std::string& file, int line, std::string message) {
      out.Error("ssh", file, line, std::move(message));
      bad = true;
    });
    if (read && first.empty()) first = path;
  }
  if (first.empty()) return;
  for (const std::string& jail : config.jails()) AddJail(config, jail, out, &bad);
  if (!bad) out.Coverage("ssh", first, CoverageState::kOk);
}

// ---- fail2ban-client status ----------------------------------------------------------------

struct JailCounters {
  std::string jail;
  std::optional<int64_t> currently_failed, total_failed, currently_banned, total_banned;
  int line = 0;
};

// One line of the tree fail2ban-client prints ("|  |- Currently failed:\t0"); "" when read.
std::string ReadStatusLine(std::string_view raw, int n, std::vector<JailCounters>* jails) {
  std::string_view line = raw;
  while (!line.empty() && std::string_view("|`- \t").find(line.front()) != std::string_view::npos) {
    line.remove_prefix(1);
  }
  line = Trim(line);
  if (line == "Status" || line == "Filter" || line == "Actions") return "";
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return "unrecognized line";
  std::string_view key = Trim(line.substr(0, colon)), value = Trim(line.substr(colon + 1));
  if (key == "Status for the jail") {
    if (value.empty()) return "jail status without a jail name";
    jails->push_back({std::string(value), {}, {}, {}, {}, n});
    return "";
  }
  static const std::map<std::string_view, std::optional<int64_t> JailCounters::*> kCounters = {
      {"Currently failed", &JailCounters::currently_failed},
      {"Total failed", &JailCounters::total_failed},
      {"Currently banned", &JailCounters::currently_banned},
      {"Total banned", &JailCounters::total_banned}};
  auto counter = kCounters.find(key);
  if (counter != kCounters.end()) {
    auto number = ParseInt(value);
    if (!number || jails->empty()) return jails->empty() ? "counter outside a jail" : "expected a number";
    jails->back().*(counter->second) = number;
    return "";
  }
  if (key == "Number of jail" || key == "Jail list" || key == "File list" || key == "Journal matches" ||
      key == "Banned IP list") {
    return "";
  }
  return "unrecognized line";
}

void ReadStatus(const Snapshot& snap, FactSink& out) {
  const CommandResult* cmd = snap.Command(kCommand);
  if (!cmd) return;
  const std::string file = CommandFile(kCommand), text = cmd->output.value_or("");
  const int rc = cmd->exit_code.value_or(0);
  if (rc != 0) {
    // Not running (privileged run, or "Is fail2ban running?") is a fact: no server row.
    if (text.find("Permission denied") == std::string::npos &&
        (snap.meta().privileged || text.find("Is fail2ban running?") != std::string::npos)) {
      return;
    }
    out.Coverage("ssh", file, CoverageState::kError,
                 "fail2ban-client exited with status " + std::to_string(rc) + " (not root?)");
    return;
  }
  std::vector<JailCounters> jails;
  int n = 0, server_line = 0;
  bool bad = false;
  for (std::string_view raw : SplitLines(text)) {
    ++n;
    if (Trim(raw).empty()) continue;
    if (Trim(raw) == "Status" && server_line == 0) server_line = n;
    std::string message = ReadStatusLine(raw, n, &jails);
    if (message.empty()) continue;
    out.Error("ssh", file, n, std::move(message));
    bad = true;
  }
  if (server_line == 0) {
    if (!bad) out.Error("ssh", file, n > 0 ? 1 : 0, "no 'Status' line");
    return;
  }
  out.Add(kStatus, {V(""), VNull(), VNull(), VNull(), VNull(), V(file), V(int64_t{server_line})});
  for (const JailCounters& j : jails) {
    out.Add(kStatus, {V(j.jail), OptionalInt(j.currently_failed), OptionalInt(j.total_failed),
                      OptionalInt(j.currently_banned), OptionalInt(j.total_banned), V(file), V(int64_t{j.line})});
  }
  if (!bad) out.Coverage("ssh", file, CoverageState::kOk);
}

void ParseFail2ban(const Snapshot& snap, FactSink& out) {
  ReadJails(snap, out);
  ReadStatus(snap, out);
}

const bool kRegistered =
    RegisterParser({"fail2ban",
                    "fail2ban jails (jail.conf, jail.d, jail.local) and their counters (fail2ban-client status)",
                    ParseFail2ban,
                    "ssh",
                    {"/etc/fail2ban/jail.conf", "/etc/fail2ban/jail.local", "cmd/fail2ban-status.out"}});

}  // namespace
}  // namespace shipshape
