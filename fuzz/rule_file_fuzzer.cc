// Fuzzes the rule reader (shipshape audit --rules DIR): the bytes become one rule YAML file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "rules/rule.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)shipshape::ParseRule(std::string_view(reinterpret_cast<const char*>(data), size), "RULE.yaml");
  return 0;
}
