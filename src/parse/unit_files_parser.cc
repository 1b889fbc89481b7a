// Parsers for what starts at boot: `systemctl list-unit-files` (table `unit_files`) and the
// wants/requires links under /etc/systemd/system (table `unit_links`), where `systemctl enable`
// records enabled instances of template units (wg-quick@wg0.service) that list-unit-files folds
// into their template.
#include "base/strings.h"
#include "facts/registry.h"
#include "parse/line_command.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

const TableDef& kUnitFiles = RegisterTable(
    {"unit_files",
     "systemd unit files of services and timers and whether they start at boot, from `systemctl "
     "list-unit-files --type=service,timer --no-legend --plain` (one row per line). A template "
     "(getty@.service) stands for its instances; enabled instances are in unit_links.",
     {Text("unit", "unit file name: ssh.service, wg-quick@.service, apt-daily.timer"),
      Text("state",
           "enabled | enabled-runtime | linked | linked-runtime | alias | masked | masked-runtime | static | "
           "indirect | disabled | generated | transient | bad"),
      Text("preset",
           "vendor preset (enabled | disabled | ignored); '' when systemctl shows none ('-', or "
           "systemd older than 245)"),
      FileCol(), LineCol()}});

const TableDef& kUnitLinks = RegisterTable(
    {"unit_links",
     "Links under /etc/systemd/system/*.wants and *.requires (what `systemctl enable` creates), from `find "
     "/etc/systemd/system -mindepth 2 -maxdepth 2 -path '*.wants/*' -o …`: one row per link.",
     {Text("unit", "linked unit: wg-quick@wg0.service, ssh.service"),
      Text("wanted_by", "unit whose .wants or .requires folder holds the link: multi-user.target"),
      Text("kind", "wants | requires"), FileCol(), LineCol()}});

bool IsUnitState(std::string_view s) {
  return IsOneOf(s, {"enabled", "enabled-runtime", "linked", "linked-runtime", "alias", "masked", "masked-runtime",
                     "static", "indirect", "disabled", "generated", "transient", "bad"});
}

bool IsUnitName(std::string_view s) {
  return (EndsWith(s, ".service") && s.size() > 8) || (EndsWith(s, ".timer") && s.size() > 6);
}

std::string ParseUnitFileLine(std::string_view line, int n, FactSink& out) {
  auto f = SplitWhitespace(line);
  if (f.size() < 2 || f.size() > 3) return "expected UNIT STATE [PRESET]";
  if (!IsUnitName(f[0])) return "unit name does not end in .service or .timer";
  if (!IsUnitState(f[1])) return "unknown unit file state";
  std::string preset = f.size() == 3 && f[2] != "-" ? std::string(f[2]) : "";
  out.Add(kUnitFiles,
          {V(f[0]), V(f[1]), V(preset), V(CommandFile("systemctl-unit-files")), V(static_cast<int64_t>(n))});
  return "";
}

// "/etc/systemd/system/multi-user.target.wants/wg-quick@wg0.service".
std::string ParseLinkLine(std::string_view line, int n, FactSink& out) {
  line = Trim(line);
  const size_t slash = line.rfind('/');
  if (!StartsWith(line, "/etc/systemd/system/") || slash == std::string_view::npos || slash + 1 == line.size()) {
    return "expected /etc/systemd/system/UNIT.wants/LINK";
  }
  std::string_view dir = line.substr(0, slash), unit = line.substr(slash + 1);
  dir = dir.substr(dir.rfind('/') + 1);
  std::string_view kind = EndsWith(dir, ".wants") ? "wants" : EndsWith(dir, ".requires") ? "requires" : "";
  if (kind.empty()) return "the link's folder is neither UNIT.wants nor UNIT.requires";
  std::string_view by = dir.substr(0, dir.size() - kind.size() - 1);
  out.Add(kUnitLinks, {V(unit), V(by), V(kind), V(CommandFile("systemd-links")), V(static_cast<int64_t>(n))});
  return "";
}

void ParseUnitFiles(const Snapshot& snap, FactSink& out) {
  ReadLineCommand(snap, out, {"systemctl-unit-files", "monitoring", "", false},
                  [&](std::string_view line, int n) { return ParseUnitFileLine(line, n, out); });
  ReadLineCommand(snap, out, {"systemd-links", "monitoring", "", false},
                  [&](std::string_view line, int n) { return ParseLinkLine(line, n, out); });
}

const bool kRegistered = RegisterParser({"systemd-unit-files",
                                         "systemd unit files and their enable links",
                                         ParseUnitFiles,
                                         "monitoring",
                                         {"cmd/systemctl-unit-files.out", "cmd/systemd-links.out"}});

}  // namespace
}  // namespace shipshape
