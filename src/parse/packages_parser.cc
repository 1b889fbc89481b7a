// Parser for the installed-package lists (cmd/dpkg.out, cmd/rpm.out): table `packages`.
#include "base/strings.h"
#include "facts/registry.h"
#include "parse/line_command.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

const TableDef& kPackages = RegisterTable(
    {"packages",
     "Packages known to the package manager, from `dpkg-query -W` (Debian, Ubuntu) or `rpm -qa` "
     "(RHEL family): one row per line. Packages removed with their configuration kept are listed too "
     "(status 'rc', installed 0).",
     {Text("name", "package name: openssh-server, nginx, libssl3 (a multi-arch package appears once per arch)"),
      Text("version",
           "version as the manager prints it: '1:9.2p1-2+deb12u2' (dpkg, with epoch), "
           "'8.7p1-34.el9' (rpm, VERSION-RELEASE without epoch); may be '' for a dpkg package "
           "that is not installed"),
      Text("status",
           "dpkg's abbreviated status, trimmed: desired action then state then error flag, e.g. "
           "'ii' installed, 'rc' removed with config files left, 'hi' held, 'iU' unpacked, 'iF' "
           "half-configured, 'iiR' reinstall required; 'ii' for every rpm row"),
      Int("installed",
          "1 when the package's files are on the system: the second letter of status is 'i' "
          "('ii', 'hi' held, 'ri'/'pi' about to be removed), and every rpm row; 0 otherwise"),
      Text("manager", "dpkg | rpm"), FileCol(), LineCol()}});

bool IsPackageName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c == ' ' || static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e) return false;
  }
  return true;
}

// dpkg's Status-Abbrev: desired (u i h r p), state (n c H U F W t i), error flag (' ' or R).
bool IsDpkgStatus(std::string_view s) {
  if (s.size() < 2 || s.size() > 3) return false;
  if (std::string_view("uihrp").find(s[0]) == std::string_view::npos) return false;
  if (std::string_view("ncHUFWti").find(s[1]) == std::string_view::npos) return false;
  return s.size() == 2 || s[2] == 'R';
}

std::string ParseDpkgLine(std::string_view line, int n, FactSink& out) {
  auto f = Split(line, '\t');
  if (f.size() != 3) return "expected Package<TAB>Version<TAB>Status-Abbrev";
  std::string_view name = f[0], version = f[1], status = Trim(f[2]);
  if (!IsPackageName(name)) return "package name is empty or has spaces or control characters";
  if (!IsDpkgStatus(status)) return "status is not a dpkg status abbreviation such as 'ii' or 'rc'";
  if (version.empty() && status[1] != 'n') return "version is empty for a package that is not 'not-installed'";
  if (!version.empty() && !IsPackageName(version)) return "version has spaces or control characters";
  out.Add(kPackages, {V(name), V(version), V(status), VBool(status[1] == 'i'), V("dpkg"), V(CommandFile("dpkg")),
                      V(static_cast<int64_t>(n))});
  return "";
}

std::string ParseRpmLine(std::string_view line, int n, FactSink& out) {
  auto f = Split(line, '\t');
  if (f.size() != 2) return "expected NAME<TAB>VERSION-RELEASE";
  std::string_view name = f[0], version = Trim(f[1]);
  if (!IsPackageName(name)) return "package name is empty or has spaces or control characters";
  size_t dash = version.rfind('-');
  if (!IsPackageName(version) || dash == 0 || dash == std::string_view::npos || dash + 1 == version.size()) {
    return "expected VERSION-RELEASE after the tab";
  }
  out.Add(kPackages,
          {V(name), V(version), V("ii"), VBool(true), V("rpm"), V(CommandFile("rpm")), V(static_cast<int64_t>(n))});
  return "";
}

void ParsePackages(const Snapshot& snap, FactSink& out) {
  // An empty list is not an error: dpkg or rpm may be present, with an empty database, on a host
  // managed by the other one.
  ReadLineCommand(snap, out, {"dpkg", "os", "", true},
                  [&](std::string_view line, int n) { return ParseDpkgLine(line, n, out); });
  ReadLineCommand(snap, out, {"rpm", "os", "", true},
                  [&](std::string_view line, int n) { return ParseRpmLine(line, n, out); });
}

const bool kRegistered = RegisterParser({"packages",
                                         "installed packages from dpkg-query or rpm -qa",
                                         ParsePackages,
                                         "os",
                                         {"cmd/dpkg.out", "cmd/rpm.out"}});

}  // namespace
}  // namespace shipshape
