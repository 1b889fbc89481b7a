// Reading the output of `ufw status verbose` (cmd/ufw-status.out) into a status and rules.
//
// Rule rows are "TO ACTION [DIRECTION] FROM [(log)] [# comment]" (ufw's backend_iptables.py
// get_status: "%-26s %-12s%-26s%s%s"); a location is "[ADDRESS] [PORT][/PROTO] [(App) | (v6)]
// [on IFACE]" or "Anywhere[/PROTO] [(v6)] [on IFACE]". Columns are padded but overflow on long
// addresses, so rows are split at the action word rather than at fixed columns.
#include "parse/ufw_status_output.h"

#include <optional>

#include "base/strings.h"

namespace shipshape {
namespace {

struct Location {
  std::string addr = "any", port, proto, iface, app;
  bool v6 = false;
};

bool IsPortList(std::string_view s) {
  if (s.empty()) return false;
  for (std::string_view part : Split(s, ',')) {
    auto range = Split(part, ':');
    if (range.size() > 2) return false;
    for (std::string_view n : range) {
      if (n.empty() || n.find_first_not_of("0123456789") != std::string_view::npos) return false;
    }
  }
  return true;
}

bool IsAddress(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789abcdefABCDEF.:/") == std::string_view::npos &&
         s.find_first_of(".:") != std::string_view::npos;
}

bool IsAppName(std::string_view s) {
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              std::string_view(" -_.+").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return !s.empty();
}

// "(Nginx Full (v6))", "(v6)": top-level parenthesized groups; false when unbalanced.
bool ReadGroups(std::string_view s, Location* loc) {
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(' && depth++ == 0) start = i + 1;
    if (s[i] != ')') continue;
    if (--depth < 0) return false;
    if (depth > 0) continue;
    std::string_view group = Trim(s.substr(start, i - start));
    if (EndsWith(group, "(v6)")) {
      loc->v6 = true;
      group = Trim(group.substr(0, group.size() - 4));
    }
    if (group == "v6") {
      loc->v6 = true;
    } else if (!group.empty()) {
      loc->app = std::string(group);
    }
  }
  return depth == 0;
}

// The address/port part of a location: "Anywhere", "22/tcp", "10.0.0.5 22/tcp", "OpenSSH".
bool ReadMain(std::string_view s, Location* loc) {
  auto tokens = SplitWhitespace(s);
  if (tokens.empty()) return !loc->app.empty();
  std::string_view& last = tokens.back();
  size_t slash = last.rfind('/');
  if (slash != std::string_view::npos && slash + 1 < last.size() && IsAppName(last.substr(slash + 1)) &&
      last.substr(slash + 1).find_first_of("0123456789") == std::string_view::npos) {
    loc->proto = std::string(last.substr(slash + 1));
    last = last.substr(0, slash);
  }
  if (tokens.size() == 1 && tokens[0] == "Anywhere") return true;
  if (tokens.size() == 1 && IsPortList(tokens[0])) {
    loc->port = std::string(tokens[0]);
    return true;
  }
  if (tokens.size() <= 2 && IsAddress(tokens[0]) && (tokens.size() == 1 || IsPortList(tokens[1]))) {
    loc->addr = std::string(tokens[0]);
    if (tokens.size() == 2) loc->port = std::string(tokens[1]);
    return true;
  }
  if (!IsAppName(s)) return false;
  loc->app = std::string(Trim(s));  // plain `ufw status` names application rules instead of ports
  return true;
}

std::optional<Location> ReadLocation(std::string_view s) {
  Location loc;
  s = Trim(s);
  size_t on = s.rfind(" on ");
  if (on != std::string_view::npos) {
    loc.iface = std::string(Trim(s.substr(on + 4)));
    s = Trim(s.substr(0, on));
    if (loc.iface.empty() || loc.iface.find(' ') != std::string::npos) return std::nullopt;
  }
  size_t paren = s.find('(');
  if (paren != std::string_view::npos) {
    if (!ReadGroups(s.substr(paren), &loc)) return std::nullopt;
    s = Trim(s.substr(0, paren));
  }
  if (!ReadMain(s, &loc)) return std::nullopt;
  return loc;
}

std::string ReadRuleRow(std::string_view line, int n, UfwRule* rule) {
  size_t hash = line.find(" # ");
  if (hash != std::string_view::npos) {
    rule->comment = std::string(Trim(line.substr(hash + 3)));
    line = line.substr(0, hash);
  }
  auto tokens = SplitWhitespace(line);
  size_t i = 0;
  while (i < tokens.size() && tokens[i] != "ALLOW" && tokens[i] != "DENY" && tokens[i] != "REJECT" &&
         tokens[i] != "LIMIT") {
    ++i;
  }
  if (i == 0 || i >= tokens.size()) return "expected 'To Action From' columns";
  rule->action = ToLower(tokens[i]);
  rule->direction = "in";
  size_t from = i + 1;
  if (from < tokens.size() && (tokens[from] == "IN" || tokens[from] == "OUT" || tokens[from] == "FWD")) {
    rule->direction = ToLower(tokens[from++]);
  }
  if (from >= tokens.size()) return "expected 'To Action From' columns";
  const char* begin = tokens[from].data();
  std::string_view from_text(begin, static_cast<size_t>(line.data() + line.size() - begin));
  size_t log = from_text.rfind(" (log");
  if (log != std::string_view::npos && EndsWith(Trim(from_text), ")")) from_text = from_text.substr(0, log);
  std::string_view to_text(line.data(), static_cast<size_t>(tokens[i].data() - line.data()));
  auto to = ReadLocation(to_text), src = ReadLocation(from_text);
  if (!to || !src) return "unrecognized address or port in a rule";
  rule->port = to->port;
  rule->proto = !to->proto.empty() ? to->proto : src->proto;
  rule->from_addr = src->addr;
  rule->to_addr = to->addr;
  rule->interface = !to->iface.empty() ? to->iface : src->iface;
  rule->v6 = to->v6 || src->v6;
  rule->from_port = src->port;
  rule->app = !to->app.empty() ? to->app : src->app;
  rule->line = n;
  return "";
}

// "deny (incoming), allow (outgoing), disabled (routed)".
bool ReadDefaults(std::string_view text, UfwStatusOutput* out) {
  for (std::string_view part : Split(text, ',')) {
    auto f = SplitWhitespace(part);
    if (f.size() != 2) return false;
    std::string value = ToLower(f[0]);
    if (f[1] == "(incoming)") out->default_incoming = value;
    else if (f[1] == "(outgoing)") out->default_outgoing = value;
    else if (f[1] == "(routed)") out->default_routed = value;
    else return false;
  }
  return true;
}

// "on (low)" → "low"; "off" → "off".
std::string ReadLogging(std::string_view text) {
  size_t open = text.find('('), close = text.find(')');
  if (StartsWith(text, "on") && open != std::string_view::npos && close > open) {
    return ToLower(text.substr(open + 1, close - open - 1));
  }
  return ToLower(text);
}

// Reads one non-rule line; "" when it was one of the status lines, else the error message.
std::string ReadHeaderLine(std::string_view line, int n, UfwStatusOutput* out, bool* in_rules) {
  if (StartsWith(line, "Status:")) {
    std::string_view v = Trim(line.substr(7));
    if (v != "active" && v != "inactive") return "unknown ufw status";
    out->active = v == "active";
    out->status_line = n;
    return "";
  }
  if (StartsWith(line, "Logging:")) {
    out->logging = ReadLogging(Trim(line.substr(8)));
    return "";
  }
  if (StartsWith(line, "Default:")) return ReadDefaults(line.substr(8), out) ? "" : "unrecognized Default: line";
  if (StartsWith(line, "New profiles:")) return "";
  auto f = SplitWhitespace(line);
  if (f.size() == 3 && f[0] == "To" && f[1] == "Action" && f[2] == "From") {
    *in_rules = true;
    return "";
  }
  if (*in_rules && line.find_first_not_of("- ") == std::string_view::npos) return "";
  return "unrecognized line";
}

}  // namespace

UfwStatusOutput ParseUfwStatusOutput(std::string_view text, const UfwLineError& error) {
  UfwStatusOutput out;
  bool in_rules = false, bad = false;
  int n = 0;
  for (std::string_view raw : SplitLines(text)) {
    ++n;
    std::string_view line = Trim(raw);
    if (line.empty()) continue;
    std::string message = ReadHeaderLine(line, n, &out, &in_rules);
    if (!message.empty() && in_rules && line.find_first_not_of("- ") != std::string_view::npos) {
      UfwRule rule;
      message = ReadRuleRow(line, n, &rule);
      if (message.empty()) out.rules.push_back(std::move(rule));
    }
    if (!message.empty()) {
      error(n, std::move(message));
      bad = true;
    }
  }
  if (out.status_line == 0 && !bad) error(n > 0 ? 1 : 0, "no 'Status:' line");
  return out;
}

}  // namespace shipshape
