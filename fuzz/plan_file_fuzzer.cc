// Fuzzes the plan file reader (shipshape status): the bytes become a plan.yaml, read and checked
// (ids, dependencies, cycles, estimates, accept checks, sign-offs), then its hosts against targets.
#include <cstddef>
#include <cstdint>
#include <string>

#include "plan/plan_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto plan = shipshape::ParsePlanFile(std::string_view(reinterpret_cast<const char*>(data), size), "plan.yaml");
  if (plan.ok()) (void)shipshape::CheckPlanHosts(*plan, {"mail-vps", "web1"});
  return 0;
}
