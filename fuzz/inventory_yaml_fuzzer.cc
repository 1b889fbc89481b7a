// Fuzzes the YAML inventory reader: the bytes become an inventory.yml file read by ReadInventory.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/file_io.h"
#include "fleet/inventory.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // One private folder per process; ReadInventory also looks for group_vars/ beside the file.
  static const std::string dir = [] {
    shipshape::Result<std::string> d = shipshape::MakeTempDir("inventory-yaml-fuzz");
    return d.ok() ? *d : std::string("/tmp");
  }();
  std::string path = dir + "/inventory.yml";
  if (!shipshape::WriteWholeFile(path, std::string(reinterpret_cast<const char*>(data), size)).ok()) return 0;
  shipshape::Diagnostics diags;
  (void)shipshape::ReadInventory(path, &diags);
  return 0;
}
