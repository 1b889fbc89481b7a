// End-to-end tests run the built shipshape binary as a user would.
#pragma once

#include <string>
#include <vector>

#include "base/process.h"

namespace shipshape::testing {

// Runs `shipshape ARGS…` with empty standard input; a failure to start it (or a kill after
// `timeout_seconds`) fails the test and returns an empty result.
ProcessResult RunShipshape(std::vector<std::string> args, int timeout_seconds = 300);

}  // namespace shipshape::testing
