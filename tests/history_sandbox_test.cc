// Keeps the runs of every test out of the real home: XDG_DATA_HOME points to a temporary folder
// for the whole test binary (child processes inherit it), removed when the tests end.
#include <gtest/gtest.h>
#include <stdlib.h>

#include "base/file_io.h"

namespace shipshape {
namespace {

class HistorySandbox : public ::testing::Environment {
 public:
  void SetUp() override {
    auto dir = MakeTempDir("shipshape-xdg-data.");
    if (dir.ok()) dir_ = *dir;
    // Without a temp folder, a path that cannot be created: a run is then not recorded anywhere.
    setenv("XDG_DATA_HOME", dir_.empty() ? "/nonexistent/shipshape-tests" : dir_.c_str(), 1);
  }
  void TearDown() override {
    if (!dir_.empty()) RemoveTree(dir_);
  }

 private:
  std::string dir_;
};

[[maybe_unused]] ::testing::Environment* const kSandbox = ::testing::AddGlobalTestEnvironment(new HistorySandbox);

}  // namespace
}  // namespace shipshape
