// Fuzzes the task catalog reader (shipshape plan --catalog): the bytes become one user catalog
// file, merged over nothing and validated against a few rule ids (unknown ids, depends_on, cycles).
#include <cstddef>
#include <cstdint>
#include <string>

#include "plan/task_catalog.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  shipshape::CatalogSources sources;
  sources.embedded = false;
  sources.texts.push_back({"catalog.yaml", std::string(reinterpret_cast<const char*>(data), size)});
  (void)shipshape::LoadTaskCatalog(sources, {"SSH-ROOT-LOGIN", "FW-NONE", "BACKUP-NONE"});
  return 0;
}
