// Parser for /etc/os-release (or /usr/lib/os-release) and `uname -srm`: table `os`.
#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

const TableDef& kOs = RegisterTable(
    {"os", "The operating system of the host, from os-release (one row).",
     {Text("id", "ID: ubuntu, debian, rhel, rocky, almalinux, centos, alpine, …"),
      Text("id_like", "ID_LIKE"), Text("version_id", "VERSION_ID: 20.04, 12, 9.4"),
      Text("version_codename", "VERSION_CODENAME"), Text("pretty_name", "PRETTY_NAME"),
      Text("kernel", "kernel release from uname -srm"), Text("arch", "machine from uname -srm"), FileCol(),
      Int("version_line", "line of VERSION_ID in the file")}});

void ParseOsRelease(const Snapshot& snap, FactSink& out) {
  if (snap.meta().method == "stack") return;  // a deployment folder read in place has no OS: N/A
  std::string file = "/etc/os-release";
  const std::string* text = snap.File(file);
  if (!text) {
    file = "/usr/lib/os-release";
    text = snap.File(file);
  }
  if (!text) {
    out.Coverage("os", "/etc/os-release", CoverageState::kError, "os-release was not collected");
    return;
  }
  std::map<std::string, std::string> kv;
  int version_line = 0, n = 0;
  bool bad = false;
  for (std::string_view raw : SplitLines(*text)) {
    ++n;
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    size_t eq = line.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      out.Error("os", file, n, "expected KEY=value");
      bad = true;
      continue;
    }
    std::string key(Trim(line.substr(0, eq)));
    kv[key] = Unquote(Trim(line.substr(eq + 1)));
    if (key == "VERSION_ID") version_line = n;
  }
  if (kv["ID"].empty()) {
    if (!bad) out.Error("os", file, 0, "no ID= line");
    return;
  }
  std::string kernel, arch;
  if (const std::string* u = snap.CommandOk("uname")) {
    auto f = SplitWhitespace(Trim(*u));
    if (f.size() >= 3) {
      kernel = std::string(f[1]);
      arch = std::string(f[2]);
    }
  }
  out.Add(kOs, {Value(kv["ID"]), Value(kv["ID_LIKE"]), Value(kv["VERSION_ID"]), Value(kv["VERSION_CODENAME"]),
                Value(kv["PRETTY_NAME"]), Value(kernel), Value(arch), Value(file),
                Value(static_cast<int64_t>(version_line))});
  if (!bad) out.Coverage("os", file, CoverageState::kOk);
}

const bool kRegistered = RegisterParser(
    {"os-release", "operating system identity", ParseOsRelease, "os", {"/etc/os-release"}});

}  // namespace
}  // namespace shipshape
