// Test paths, from compile definitions.
#include "test_paths.h"

#include <cstdlib>

namespace shipshape::testing {

std::string SourceDir() { return SHIPSHAPE_SOURCE_DIR; }
std::string CorpusDir() {
  const char* dir = std::getenv("SHIPSHAPE_CORPUS");
  return dir && *dir ? std::string(dir) : std::string(SHIPSHAPE_SOURCE_DIR) + "/../shared/corpus";
}
std::string BinaryPath() { return SHIPSHAPE_BINARY; }
std::string FixturesDir() { return std::string(SHIPSHAPE_SOURCE_DIR) + "/tests/fixtures"; }

}  // namespace shipshape::testing
