// Where tests find the source tree, the shared corpus and the built binary.
#pragma once

#include <string>

namespace shipshape::testing {

std::string SourceDir();   // the repository root
std::string CorpusDir();   // $SHIPSHAPE_CORPUS, else ../shared/corpus beside the repository
std::string BinaryPath();  // the built shipshape executable
std::string FixturesDir(); // tests/fixtures

}  // namespace shipshape::testing
