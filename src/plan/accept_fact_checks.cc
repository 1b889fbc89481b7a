// Accept checks read straight from fact tables: path owner and mode, port bindings, service state.
#include <set>

#include "base/strings.h"
#include "plan/accept_checks.h"

namespace shipshape {
namespace {

CheckOutcome Pass(std::string why) { return {CheckState::kPass, std::move(why)}; }
CheckOutcome Fail(std::string why) { return {CheckState::kFail, std::move(why)}; }
CheckOutcome Unknown(std::string why) { return {CheckState::kUnknown, std::move(why)}; }

// "0750" and "750" name the same mode; nullopt-like -1 for anything not octal.
int OctalValue(const std::string& mode) {
  if (mode.empty()) return -1;
  int v = 0;
  for (char c : mode) {
    if (c < '0' || c > '7') return -1;
    v = v * 8 + (c - '0');
  }
  return v;
}

std::string Normalized(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// Every address the port is bound to on the host, with who binds it: listeners (ss) and ports
// Docker publishes (which need not show in ss when the userland proxy is off).
std::vector<std::pair<std::string, std::string>> Bindings(Database& db, const AcceptCheck& c, const std::string& host) {
  std::vector<std::pair<std::string, std::string>> out;
  auto add = [&out](const std::string& address, const std::string& who) {
    for (const auto& b : out) {
      if (b.first == address) return;
    }
    out.push_back({address, who});
  };
  for (const char* sql : {"SELECT address, process FROM listeners WHERE host = ? AND proto = ? AND port = ?",
                          "SELECT CASE WHEN host_ip = '' THEN '0.0.0.0' ELSE host_ip END, 'container ' || container"
                          " FROM container_ports WHERE host = ? AND proto = ? AND host_port = ?"}) {
    auto stmt = db.Prepare(sql);
    if (!stmt.ok()) continue;
    (*stmt)->BindText(1, host);
    (*stmt)->BindText(2, c.proto);
    (*stmt)->BindInt(3, c.port);
    Status st;
    while ((*stmt)->Step(&st)) add((*stmt)->ColumnText(0), (*stmt)->ColumnText(1));
  }
  return out;
}

}  // namespace

CheckOutcome CheckPath(Database& db, const AcceptCheck& c, const std::string& host) {
  const std::string path = Normalized(c.path);
  auto stmt = db.Prepare(
      "SELECT owner, group_name, mode, present FROM path_stats WHERE host = ? AND rtrim(path, '/') = ? LIMIT 1");
  if (!stmt.ok()) return Unknown("path_stats: " + stmt.status().message());
  (*stmt)->BindText(1, host);
  (*stmt)->BindText(2, path);
  Status st;
  if (!(*stmt)->Step(&st)) return Unknown(path + " was not examined (not among the snapshot's stat-paths)");
  Statement& s = **stmt;
  if (s.ColumnIsNull(3)) return Unknown(path + " could not be examined (a folder above it needs root)");
  if (s.ColumnInt(3) == 0) return Fail(path + " does not exist");
  const std::string owner = s.ColumnText(0), group = s.ColumnText(1), mode = s.ColumnText(2);
  if (!c.owner.empty() && owner != c.owner) return Fail(path + " is owned by " + owner + ", not " + c.owner);
  if (!c.group_name.empty() && group != c.group_name) {
    return Fail(path + " has group " + group + ", not " + c.group_name);
  }
  if (!c.mode.empty() && OctalValue(mode) != OctalValue(c.mode)) {
    return Fail(path + " has mode " + mode + ", not " + c.mode);
  }
  return Pass(path + " is " + owner + ":" + group + " " + mode);
}

CheckOutcome CheckPort(Database& db, const AcceptCheck& c, const std::string& host) {
  const std::string what = "port " + std::to_string(c.port) + "/" + c.proto;
  if (!HostHasRows(db, "listeners", host))
    return Unknown("no listening sockets of " + host + " (ss-listen not collected)");
  const std::set<std::string> allowed(c.listens_only_on.begin(), c.listens_only_on.end());
  auto bindings = Bindings(db, c, host);
  for (const auto& [address, who] : bindings) {
    if (allowed.count(address)) continue;
    std::string by = who.empty() ? "" : " (" + who + ")";
    return Fail(what + (allowed.empty() ? " listens on " : " also listens on ") + address + by);
  }
  if (allowed.empty()) return Pass("nothing listens on " + what);
  if (bindings.empty()) return Fail("nothing listens on " + what);
  std::vector<std::string> on;
  for (const auto& b : bindings) on.push_back(b.first);
  return Pass(what + " listens only on " + Join(on, ", "));
}

namespace {

// The first column of the first row of `sql` (host and unit bound), "" when there is none.
std::string FirstText(Database& db, const char* sql, const std::string& host, const std::string& unit) {
  auto stmt = db.Prepare(sql);
  if (!stmt.ok()) return "";
  (*stmt)->BindText(1, host);
  (*stmt)->BindText(2, unit);
  Status st;
  return (*stmt)->Step(&st) ? (*stmt)->ColumnText(0) : "";
}

CheckOutcome CheckActive(Database& db, const AcceptCheck& c, const std::string& host) {
  if (!HostHasRows(db, "services", host))
    return Unknown("no service units of " + host + " (systemctl-units not collected)");
  auto stmt = db.Prepare("SELECT load, active, sub FROM services WHERE host = ? AND unit = ? LIMIT 1");
  if (!stmt.ok()) return Unknown("services: " + stmt.status().message());
  (*stmt)->BindText(1, host);
  (*stmt)->BindText(2, c.service);
  Status st;
  const bool listed = (*stmt)->Step(&st);
  const std::string load = listed ? (*stmt)->ColumnText(0) : "", active = listed ? (*stmt)->ColumnText(1) : "";
  const std::string sub = listed ? (*stmt)->ColumnText(2) : "";
  const bool running = listed && load == "loaded" && active == "active";
  if (*c.active && !running) {
    return Fail(c.service + (listed ? " is " + active + " (" + sub + ")" : " is not installed or not loaded"));
  }
  if (!*c.active && running) return Fail(c.service + " is active (" + sub + ")");
  return Pass(c.service + (running ? " is active (" + sub + ")" : " is not running"));
}

// Whether the unit starts at boot: its unit file state, or (a template's instance, which
// list-unit-files folds into the template) an enable link under /etc/systemd/system.
CheckOutcome CheckEnabled(Database& db, const AcceptCheck& c, const std::string& host) {
  if (!HostHasRows(db, "unit_files", host))
    return Unknown("no unit files of " + host + " (systemctl-unit-files not collected)");
  const std::string& unit = c.service;
  const std::string state = FirstText(db, "SELECT state FROM unit_files WHERE host = ? AND unit = ?", host, unit);
  const std::string by = FirstText(db, "SELECT wanted_by FROM unit_links WHERE host = ? AND unit = ?", host, unit);
  std::string template_state;
  if (const size_t at = unit.find('@');
      state.empty() && at != std::string::npos && unit.find('.', at) != std::string::npos) {
    const std::string tmpl = unit.substr(0, at + 1) + unit.substr(unit.find('.', at));
    template_state = FirstText(db, "SELECT state FROM unit_files WHERE host = ? AND unit = ?", host, tmpl);
  }
  std::string why;
  bool enabled = false;
  const bool masked = IsOneOf(state, {"masked", "masked-runtime"});  // a stale link cannot start it
  if (!masked && (!by.empty() || IsOneOf(state, {"enabled", "enabled-runtime"}))) {
    enabled = true;
    why = unit + " is enabled" + (by.empty() ? "" : " (wanted by " + by + ")");
  } else if (masked || IsOneOf(state, {"disabled", "linked", "linked-runtime"})) {
    why = unit + " is " + state;
  } else if (!state.empty()) {
    return Unknown(unit + " is " + state + ": it is not enabled itself, it starts when another unit pulls it in");
  } else if (!template_state.empty()) {
    why = unit + " is not enabled (no enable link for this instance of a " + template_state + " template)";
  } else {
    why = unit + " has no unit file";
  }
  return enabled == *c.enabled ? Pass(why) : Fail(why);
}

}  // namespace

CheckOutcome CheckService(Database& db, const AcceptCheck& c, const std::string& host) {
  CheckOutcome active = c.active ? CheckActive(db, c, host) : Pass("");
  if (active.state != CheckState::kPass || !c.enabled) return active;
  CheckOutcome enabled = CheckEnabled(db, c, host);
  if (enabled.state == CheckState::kPass && !active.reason.empty())
    enabled.reason = active.reason + "; " + enabled.reason;
  return enabled;
}

}  // namespace shipshape
