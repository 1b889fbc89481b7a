#include "shipshape_cli.h"

#include <gtest/gtest.h>

#include "test_paths.h"

namespace shipshape::testing {

ProcessResult RunShipshape(std::vector<std::string> args, int timeout_seconds) {
  args.insert(args.begin(), BinaryPath());
  auto r = RunProcess(args, "", timeout_seconds);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : ProcessResult{};
}

}  // namespace shipshape::testing
