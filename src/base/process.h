// Running a program without a shell: argv is passed as is (no word splitting, no expansion).
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace shipshape {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed (timeout or signal)
  bool timed_out = false;
  std::string out;
  std::string err;
};

// Runs argv[0] (looked up in PATH) with `input` on its standard input. Kills it after
// `timeout_seconds` (0 = none). Fails only when the program cannot be started.
Result<ProcessResult> RunProcess(const std::vector<std::string>& argv, const std::string& input,
                                 int timeout_seconds);

}  // namespace shipshape
