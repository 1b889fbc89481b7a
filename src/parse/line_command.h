// Reading a line-oriented standard command's output: malformed lines, exit status and coverage.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "facts/fact_db.h"
#include "snapshot/snapshot.h"

namespace shipshape {

struct LineCommand {
  std::string_view command;   // standard command name: "ps" (its output is cmd/ps.out)
  std::string_view category;  // scorecard category that malformed lines make Unknown
  // Message for output without a single line, when a healthy run always prints one (ps lists
  // itself); empty when no output is a valid answer (no timers, no rpm database).
  std::string_view empty_error;
  bool report_ok = true;  // mark `category` ok when at least one line parsed and none was malformed
};

// Handles one non-blank line (1-based number `n`); returns "" when it was read (a row added, or a
// line to skip) or the message for a malformed line, which must name no value from the input.
using LineFn = std::function<std::string(std::string_view line, int n)>;

// Feeds every non-blank line of the command's output to `fn` and reports malformed lines as
// "cmd/NAME.out:LINE: message". Writes nothing when the command was not collected. A non-zero
// exit status is a coverage error when no line could be read, and a warning beside the rows
// otherwise (a partial answer is still a fact). Returns the number of lines read.
int ReadLineCommand(const Snapshot& snap, FactSink& out, const LineCommand& spec, const LineFn& fn);

// "cmd/NAME.out".
std::string CommandFile(std::string_view command);

}  // namespace shipshape
