// Parser for `ps -eo pid,user,rss,etimes,comm,args --no-headers` (cmd/ps.out): table `processes`.
#include <cstdint>
#include <limits>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/line_command.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

const TableDef& kProcesses = RegisterTable(
    {"processes",
     "Processes running when the snapshot was taken, from `ps -eo pid,user,rss,etimes,comm,args` "
     "(one row per process, kernel threads included). Secret-looking arguments arrive redacted.",
     {Int("pid", "process id"),
      Text("user",
           "effective user name; ps prints a numeric uid, or a name cut to 7 characters and '+' "
           "('systemd+'), when the name is longer than its column"),
      Int("rss_bytes", "resident memory in bytes (ps' RSS in KiB × 1024)"),
      Int("elapsed_seconds", "seconds since the process started"),
      Text("comm", "process name, at most 15 characters: sshd, nginx, postgres, dockerd, node"),
      Text("args", "full command line ('[kworker/0:1]' for a kernel thread, '… <defunct>' for a zombie)"), FileCol(),
      LineCol(),
      Int("kernel_thread", "1 for a kernel thread (args is the bracketed name and nothing else), 0 otherwise")}});

// Reads the next whitespace-delimited word of `line` from `*pos`.
std::string_view NextWord(std::string_view line, size_t* pos) {
  while (*pos < line.size() && (line[*pos] == ' ' || line[*pos] == '\t')) ++*pos;
  size_t start = *pos;
  while (*pos < line.size() && line[*pos] != ' ' && line[*pos] != '\t') ++*pos;
  return line.substr(start, *pos - start);
}

bool IsKernelThread(std::string_view args) {
  return args.size() >= 3 && args.front() == '[' && args.back() == ']' && args.find(' ') == std::string_view::npos;
}

// COMM (at most 15 characters) may hold spaces ("tmux: server"), so it cannot be taken as one
// word. ps pads it to 15 columns, except that it eats into that padding to realign ARGS when an
// earlier column overflowed (RSS past 99999). So COMM is the prefix of at most 15 characters,
// ending at a word, that is followed by the longest run of spaces; on a tie, the shortest.
void SplitCommArgs(std::string_view rest, std::string_view* comm, std::string_view* args) {
  constexpr size_t kCommMax = 15;
  size_t best_end = std::string_view::npos, best_gap = 0, pos = 0;
  while (pos < rest.size()) {
    NextWord(rest, &pos);  // pos: just past a word
    size_t end = pos;
    if (end > kCommMax && best_end != std::string_view::npos) break;
    while (pos < rest.size() && rest[pos] == ' ') ++pos;
    size_t gap = pos < rest.size() ? pos - end : 0;  // trailing spaces separate nothing
    if (gap > best_gap || best_end == std::string_view::npos) {
      best_end = end;
      best_gap = gap;
    }
    if (end > kCommMax) break;  // a first word longer than COMM can be: take it whole
  }
  if (best_end == std::string_view::npos) best_end = rest.size();
  *comm = Trim(rest.substr(0, best_end));
  *args = Trim(rest.substr(best_end));
}

std::string ParsePsLine(std::string_view line, int n, FactSink& out) {
  size_t pos = 0;
  auto pid = ParseInt(NextWord(line, &pos));
  std::string_view user = NextWord(line, &pos);
  auto rss = ParseInt(NextWord(line, &pos));
  auto etimes = ParseInt(NextWord(line, &pos));
  if (!pid || *pid <= 0 || user.empty() || !rss || !etimes) return "expected PID USER RSS ETIMES COMM ARGS";
  if (*rss < 0 || *rss > std::numeric_limits<int64_t>::max() / 1024 || *etimes < 0) {
    return "RSS or ETIMES is out of range";
  }
  if (pos >= line.size()) return "COMM and ARGS are missing";
  std::string_view comm, args;
  SplitCommArgs(line.substr(pos + 1), &comm, &args);
  if (comm.empty()) return "COMM and ARGS are missing";
  out.Add(kProcesses, {V(*pid), V(user), V(*rss * 1024), V(*etimes), V(comm), V(args), V(CommandFile("ps")),
                       V(static_cast<int64_t>(n)), VBool(IsKernelThread(args))});
  return "";
}

void ParseProcesses(const Snapshot& snap, FactSink& out) {
  ReadLineCommand(snap, out, {"ps", "resources", "no process lines (ps always lists itself)", true},
                  [&](std::string_view line, int n) { return ParsePsLine(line, n, out); });
}

const bool kRegistered =
    RegisterParser({"processes", "running processes from ps", ParseProcesses, "resources", {"cmd/ps.out"}});

}  // namespace
}  // namespace shipshape
