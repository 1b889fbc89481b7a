// Test helper for the inventory tests: a private temp folder to write inventories and vars files in.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "base/file_io.h"

namespace shipshape::testing {

class InventoryDir {
 public:
  InventoryDir() {
    Result<std::string> dir = MakeTempDir("inventory-test");
    EXPECT_TRUE(dir.ok());
    dir_ = dir.ok() ? *dir : "/nonexistent";
  }
  ~InventoryDir() { RemoveTree(dir_); }
  const std::string& path() const { return dir_; }
  // Writes `text` to `relative` (WriteWholeFile creates its folders) and returns the full path.
  std::string Write(const std::string& relative, const std::string& text) {
    std::string full = dir_ + "/" + relative;
    EXPECT_TRUE(WriteWholeFile(full, text).ok());
    return full;
  }

 private:
  std::string dir_;
};

}  // namespace shipshape::testing
