// Parser for systemd-journald settings (/etc/systemd/journald.conf and its drop-ins): table `journald_settings`.
#include <map>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

constexpr std::string_view kCategory = "logging";
constexpr std::string_view kMain = "/etc/systemd/journald.conf";
constexpr std::string_view kDropIns = "/etc/systemd/journald.conf.d/";

const TableDef& kJournald = RegisterTable(
    {"journald_settings",
     "Effective [Journal] settings of systemd-journald: /etc/systemd/journald.conf, then the *.conf files of "
     "/etc/systemd/journald.conf.d/ in lexical order, the last assignment of a key winning. Keys not set keep "
     "journald's defaults (Storage=auto: persistent only when /var/log/journal exists). One row per key set.",
     {Text("key",
           "setting name as systemd spells it: Storage, SystemMaxUse, SystemKeepFree, MaxRetentionSec, "
           "Compress, ForwardToSyslog, …"),
      Text("value", "value as written ('persistent', '500M', '1month'); '' resets the key to its default"), FileCol(),
      LineCol()}});

struct Setting {
  std::string key, value, file;
  int line = 0;
};

// Reads one file into `settings`; returns false when a line was malformed.
bool ReadJournaldFile(const std::string& file, const std::string& text, std::map<std::string, Setting>& settings,
                      FactSink& out) {
  bool ok = true;
  std::string section;  // [Journal] is read; other sections are ignored, as journald does
  int n = 0;
  for (std::string_view raw : SplitLines(text)) {
    ++n;
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    std::string error;
    size_t eq = line.find('=');
    std::string key(Trim(line.substr(0, eq == std::string_view::npos ? 0 : eq)));
    if (line[0] == '[') {
      if (line.back() != ']' || line.size() < 3) error = "malformed section header";
      section = std::string(line);
    } else if (eq == std::string_view::npos || key.empty()) {
      error = "expected KEY=value";
    } else if (key.find_first_of(" \t") != std::string::npos) {
      error = "malformed key";
    } else if (section.empty()) {
      error = "setting outside a section";
    } else if (section == "[Journal]") {
      settings[key] = {key, std::string(Trim(line.substr(eq + 1))), file, n};
    }
    if (!error.empty()) {
      out.Error(kCategory, file, n, error);
      ok = false;
    }
  }
  return ok;
}

void ParseJournald(const Snapshot& snap, FactSink& out) {
  std::vector<std::string> files = MainAndDropIns(snap, kMain, kDropIns, ".conf");
  if (files.empty()) return;
  std::map<std::string, Setting> settings;
  bool ok = true;
  for (const std::string& path : files) ok &= ReadJournaldFile(path, *snap.File(path), settings, out);
  for (const auto& [key, s] : settings) {
    out.Add(kJournald, {V(s.key), V(s.value), V(s.file), V(static_cast<int64_t>(s.line))});
  }
  if (ok) out.Coverage(kCategory, files.front(), CoverageState::kOk);
}

const bool kRegistered = RegisterParser({"journald",
                                         "systemd-journald storage and retention settings",
                                         ParseJournald,
                                         std::string(kCategory),
                                         {std::string(kMain)}});

}  // namespace
}  // namespace shipshape
