// Parsers for `du` output (cmd/du-var-log.out, cmd/du-root.out): table `dir_sizes`.
#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

const TableDef& kDirSizes =
    RegisterTable({"dir_sizes",
                   "Directory sizes from du: /var/log and each folder below it (du-var-log), and each entry of /root "
                   "(du-root, where large dumps get left behind).",
                   {Text("path", "the directory or file; for du-var-log the row with path /var/log is the total"),
                    Int("bytes", "disk usage in bytes (du -B1, one filesystem: -x)"),
                    Text("source", "du-var-log | du-root"), FileCol(), LineCol()}});

struct DuSource {
  const char* command;   // du-var-log
  const char* category;  // scorecard category its errors make Unknown
  const char* total;     // path of the total line, or nullptr when du prints none
};

// Parses "BYTES<TAB>PATH" lines; returns whether the total line was seen.
bool ParseDuLines(const DuSource& src, const std::string& text, FactSink& out, bool* bad) {
  std::string file = std::string("cmd/") + src.command + ".out";
  bool total = false;
  int n = 0;
  for (std::string_view line : SplitLines(text)) {
    ++n;
    if (Trim(line).empty()) continue;
    size_t tab = line.find('\t');
    auto bytes = tab == std::string_view::npos ? std::nullopt : ParseInt(line.substr(0, tab));
    if (!bytes || *bytes < 0 || tab + 1 >= line.size()) {
      out.Error(src.category, file, n, "expected BYTES<TAB>PATH");
      *bad = true;
      continue;
    }
    std::string_view path = line.substr(tab + 1);  // paths may hold spaces and tabs: keep them
    if (src.total && path == src.total) total = true;
    out.Add(kDirSizes, {V(path), V(*bytes), V(src.command), V(file), V(static_cast<int64_t>(n))});
  }
  return total;
}

// du exits 1 when one entry could not be read but still prints the rest (and the total):
// its lines stay facts; only a run without the total line leaves the category unread.
void ParseDu(const Snapshot& snap, FactSink& out, const DuSource& src, bool report_ok) {
  const CommandResult* r = snap.Command(src.command);
  if (!r) return;
  std::string file = std::string("cmd/") + src.command + ".out";
  bool bad = false;
  bool total = ParseDuLines(src, r->output.value_or(""), out, &bad);
  std::string status = "du exited with status " + std::to_string(*r->exit_code);
  if (src.total && !total) {
    if (*r->exit_code != 0) {
      out.Coverage(src.category, file, CoverageState::kError, status);
    } else if (!bad) {
      out.Error(src.category, file, 1, std::string("no total line for ") + src.total);
    }
    return;
  }
  if (*r->exit_code != 0 && src.total) out.Warn(file, 0, status + "; some sizes may be undercounted");
  if (report_ok && !bad) out.Coverage(src.category, file, CoverageState::kOk);
}

void ParseVarLog(const Snapshot& snap, FactSink& out) {
  ParseDu(snap, out, {"du-var-log", "logging", "/var/log"}, true);
}

// `du -xsB1 /root/*` on an empty home: the glob stays unexpanded, du fails (rc 1) and prints
// nothing; that is "no large files", not an error. Its facts only add to `resources`.
void ParseRoot(const Snapshot& snap, FactSink& out) { ParseDu(snap, out, {"du-root", "resources", nullptr}, false); }

const bool kVarLog =
    RegisterParser({"du-var-log", "size of /var/log and its folders", ParseVarLog, "logging", {"cmd/du-var-log.out"}});
const bool kRoot =
    RegisterParser({"du-root", "sizes of the entries of /root", ParseRoot, "resources", {"cmd/du-root.out"}});

}  // namespace
}  // namespace shipshape
