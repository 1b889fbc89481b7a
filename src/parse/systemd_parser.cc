// Parsers for `systemctl list-units` and `systemctl list-timers` output: tables `services`, `timers`.
#include <optional>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/line_command.h"
#include "parse/parse_util.h"
#include "parse/shell_command.h"
#include "parse/stack_files.h"
#include "parse/timestamps.h"

namespace shipshape {
namespace {

const TableDef& kServices = RegisterTable(
    {"services",
     "systemd service units, from `systemctl list-units --all --type=service --no-legend --plain`: every "
     "service unit systemd has loaded or been asked about, running or not (one row per line).",
     {Text("unit", "unit name: ssh.service, nginx.service, getty@tty1.service"),
      Text("load", "loaded | not-found | masked | bad-setting | error | stub | merged"),
      Text("active", "active | inactive | failed | activating | deactivating | reloading | maintenance | refreshing"),
      Text("sub", "low-level state: running, exited, dead, failed, auto-restart, start-pre, …"),
      Text("description", "the unit's Description= (the unit name again for a not-found unit)"), FileCol(),
      LineCol()}});

const TableDef& kTimers =
    RegisterTable({"timers",
                   "systemd timers, from `systemctl list-timers --all --no-legend` (one row per line); in a stack "
                   "folder, its *.timer unit files (file and line of the [Timer] header, next and last NULL). "
                   "Times are the host's local time as systemctl printed it.",
                   {Text("unit", "timer unit: logrotate.timer, apt-daily.timer"),
                    Text("activates", "the unit it starts: logrotate.service ('' when systemctl shows none)"),
                    Text("next",
                         "next elapse as 'YYYY-MM-DD HH:MM:SS ZONE' (e.g. '2026-06-15 00:00:00 UTC'); NULL when none "
                         "is scheduled ('-' or 'n/a')"),
                    Text("last", "last trigger in the same form; NULL when it never ran (since its stamp was lost)"),
                    FileCol(), LineCol(),
                    Int("next_epoch",
                        "next as seconds since 1970; NULL when next is NULL or its zone is an abbreviation other "
                        "than UTC/GMT (CEST, EST: ambiguous), which systemctl prints when the host is not on UTC"),
                    Int("last_epoch", "last as seconds since 1970, under the same conditions as next_epoch")}});

std::string ParseUnitLine(std::string_view line, int n, FactSink& out) {
  auto f = SplitWhitespace(line);
  // Bullets mark failed and not-found units when --plain is not honoured; "*" is the same glyph
  // under LC_ALL=C, which the collector sets.
  size_t i = !f.empty() && (f[0] == "\xe2\x97\x8f" || f[0] == "*") ? 1 : 0;
  if (f.size() < i + 4) return "expected UNIT LOAD ACTIVE SUB DESCRIPTION";
  if (!EndsWith(f[i], ".service") || f[i].size() == 8) return "unit name does not end in .service";
  if (!IsOneOf(f[i + 1], {"loaded", "not-found", "masked", "bad-setting", "error", "stub", "merged"})) {
    return "unknown LOAD state";
  }
  if (!IsOneOf(f[i + 2], {"active", "inactive", "failed", "activating", "deactivating", "reloading", "maintenance",
                          "refreshing"})) {
    return "unknown ACTIVE state";
  }
  std::string_view description;
  if (f.size() > i + 4) description = Trim(line.substr(static_cast<size_t>(f[i + 4].data() - line.data())));
  out.Add(kServices, {V(f[i]), V(f[i + 1]), V(f[i + 2]), V(f[i + 3]), V(description), V(CommandFile("systemctl-units")),
                      V(static_cast<int64_t>(n))});
  return "";
}

// A wall-clock time as list-timers prints it: "Mon 2026-06-15 00:00:00 UTC" (zone optional).
struct Stamp {
  std::string text;  // "2026-06-15 00:00:00 UTC"
  std::optional<int64_t> epoch;
};

bool IsDate(std::string_view s) { return s.size() == 10 && s[4] == '-' && s[7] == '-'; }
bool IsTime(std::string_view s) { return s.size() == 8 && s[2] == ':' && s[5] == ':'; }
bool IsWeekday(std::string_view s) {
  return s.size() == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z' && s[2] >= 'a' && s[2] <= 'z';
}
bool IsNone(std::string_view s) { return s == "-" || s == "n/a"; }

std::optional<int64_t> StampEpoch(std::string_view date, std::string_view time, std::string_view zone) {
  std::string base = std::string(date) + " " + std::string(time);
  if (zone == "UTC" || zone == "GMT") return ParseTimestamp(base + " UTC");
  bool numeric = zone.size() >= 3 && (zone[0] == '+' || zone[0] == '-') &&
                 zone.substr(1).find_first_not_of("0123456789") == std::string_view::npos;
  if (numeric && zone.size() == 3) return ParseTimestamp(base + std::string(zone) + ":00");
  if (numeric && zone.size() == 5) return ParseTimestamp(base + std::string(zone));
  return std::nullopt;
}

// Reads NEXT or LAST at f[*pos]; false when malformed. A "-" or "n/a" leaves *stamp empty.
bool ReadStamp(const std::vector<std::string_view>& f, size_t end, size_t* pos, std::optional<Stamp>* stamp) {
  if (*pos >= end) return false;
  if (IsNone(f[*pos])) {
    ++*pos;
    return true;
  }
  if (!IsDate(f[*pos]) && IsWeekday(f[*pos])) ++*pos;
  if (*pos + 2 > end || !IsDate(f[*pos]) || !IsTime(f[*pos + 1])) return false;
  std::string_view date = f[*pos], time = f[*pos + 1], zone;
  *pos += 2;
  if (*pos < end && !IsNone(f[*pos]) && f[*pos] != "now" && (f[*pos][0] < '0' || f[*pos][0] > '9')) zone = f[(*pos)++];
  Stamp s{std::string(date) + " " + std::string(time) + (zone.empty() ? "" : " " + std::string(zone)), {}};
  s.epoch = StampEpoch(date, time, zone);
  if (!ParseTimestamp(std::string(date) + " " + std::string(time))) return false;
  *stamp = std::move(s);
  return true;
}

// Skips LEFT or PASSED: "-", "n/a", "now", or a span ending in "left" or "ago" ("1h 52min left").
bool SkipRelative(const std::vector<std::string_view>& f, size_t end, size_t* pos) {
  if (*pos >= end) return false;
  if (IsNone(f[*pos]) || f[*pos] == "now") {
    ++*pos;
    return true;
  }
  if (f[*pos][0] < '0' || f[*pos][0] > '9') return false;
  while (*pos < end) {
    std::string_view w = f[(*pos)++];
    if (w == "left" || w == "ago") return true;
  }
  return false;
}

Value StampText(const std::optional<Stamp>& s) { return s ? V(s->text) : VNull(); }
Value StampEpochValue(const std::optional<Stamp>& s) { return s && s->epoch ? V(*s->epoch) : VNull(); }

std::string ParseTimerLine(std::string_view line, int n, FactSink& out) {
  auto f = SplitWhitespace(line);
  if (f.size() < 5) return "expected NEXT LEFT LAST PASSED UNIT ACTIVATES";
  // systemd 245 prints nothing for a timer that activates no unit; later versions print "-".
  size_t unit = EndsWith(f.back(), ".timer") ? f.size() - 1 : f.size() - 2;
  std::string_view activates = unit == f.size() - 1 || f.back() == "-" ? "" : f.back();
  if (!EndsWith(f[unit], ".timer") || f[unit].size() == 6) return "expected the timer unit before ACTIVATES";
  std::optional<Stamp> next, last;
  size_t pos = 0;
  if (!ReadStamp(f, unit, &pos, &next) || !SkipRelative(f, unit, &pos)) return "malformed NEXT or LEFT column";
  if (!ReadStamp(f, unit, &pos, &last) || !SkipRelative(f, unit, &pos) || pos != unit) {
    return "malformed LAST or PASSED column";
  }
  out.Add(kTimers, {V(f[unit]), V(activates), StampText(next), StampText(last), V(CommandFile("systemctl-timers")),
                    V(static_cast<int64_t>(n)), StampEpochValue(next), StampEpochValue(last)});
  return "";
}

void ParseUnits(const Snapshot& snap, FactSink& out) {
  ReadLineCommand(snap, out, {"systemctl-units", "monitoring", "", true},
                  [&](std::string_view line, int n) { return ParseUnitLine(line, n, out); });
}

// A stack folder's *.timer unit files: one row each, next/last NULL (never run here). A line that
// is neither a [Section], a Key=Value, a continuation nor a comment is malformed.
void ParseStackTimers(const Snapshot& snap, FactSink& out) {
  for (const auto& [key, text] : snap.files()) {
    if (!EndsWith(key, ".timer") || key.size() <= 7 || key[key.size() - 7] == '/') continue;
    int n = 0;
    bool continued = false;
    for (std::string_view raw : SplitLines(text)) {
      ++n;
      std::string_view line = Trim(raw);
      bool ok = continued || line.empty() || line[0] == '#' || line[0] == ';' ||
                (line[0] == '[' && line.back() == ']') || line.find('=') != std::string_view::npos;
      continued = !line.empty() && line.back() == '\\';
      if (!ok) out.Error("backup", key, n, "expected [Section] or Key=Value");
    }
    int line = 0;
    std::string activates = TimerActivates(key, text, &line);
    if (line == 0) {
      out.Error("backup", key, 1, "a timer unit must have a [Timer] section");
      continue;
    }
    out.Add(kTimers, {V(std::string(BaseName(key))), V(activates), VNull(), VNull(), V(key),
                      V(static_cast<int64_t>(line)), VNull(), VNull()});
  }
}

// Timers tell whether backups are scheduled; reading them is not enough to score that category,
// so they only ever make it Unknown (when malformed).
void ParseTimers(const Snapshot& snap, FactSink& out) {
  if (IsStackSnapshot(snap)) return ParseStackTimers(snap, out);
  ReadLineCommand(snap, out, {"systemctl-timers", "backup", "", false},
                  [&](std::string_view line, int n) { return ParseTimerLine(line, n, out); });
}

const bool kUnits = RegisterParser({"systemd-units",
                                    "systemd service units from systemctl list-units",
                                    ParseUnits,
                                    "monitoring",
                                    {"cmd/systemctl-units.out"}});
const bool kTimersParser = RegisterParser({"systemd-timers",
                                           "systemd timers from systemctl list-timers",
                                           ParseTimers,
                                           "backup",
                                           {"cmd/systemctl-timers.out"}});

}  // namespace
}  // namespace shipshape
