// Reading a line-oriented standard command's output: malformed lines, exit status and coverage.
#include "parse/line_command.h"

#include "base/strings.h"

namespace shipshape {

std::string CommandFile(std::string_view command) { return "cmd/" + std::string(command) + ".out"; }

int ReadLineCommand(const Snapshot& snap, FactSink& out, const LineCommand& spec, const LineFn& fn) {
  const CommandResult* cmd = snap.Command(spec.command);
  if (!cmd) return 0;  // not collected: cannot tell absent from unreadable
  const std::string file = CommandFile(spec.command);
  const std::string text = cmd->output.value_or("");  // outlives the line views
  int n = 0, read = 0;
  bool bad = false;
  for (std::string_view raw : SplitLines(text)) {
    ++n;
    if (Trim(raw).empty()) continue;
    std::string error = fn(raw, n);
    if (error.empty()) {
      ++read;
    } else {
      out.Error(spec.category, file, n, std::move(error));
      bad = true;
    }
  }
  const int rc = cmd->exit_code.value_or(0);
  const std::string status = std::string(spec.command) + " exited with status " + std::to_string(rc);
  if (rc != 0 && read == 0) {
    out.Coverage(spec.category, file, CoverageState::kError, status);
    return 0;
  }
  if (rc != 0) out.Warn(file, 0, status + "; the list may be incomplete");
  if (read == 0 && !bad && !spec.empty_error.empty()) out.Error(spec.category, file, 0, std::string(spec.empty_error));
  if (read > 0 && !bad && spec.report_ok) out.Coverage(spec.category, file, CoverageState::kOk);
  return read;
}

}  // namespace shipshape
