// Reading and writing whole files on the controller (not on targets: those go through snapshots).
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace shipshape {

Result<std::string> ReadWholeFile(const std::string& path);
Status WriteWholeFile(const std::string& path, const std::string& content);
// Regular files under `dir`, recursively, as paths relative to it, sorted. Symlinks are not followed.
Result<std::vector<std::string>> ListFilesRecursive(const std::string& dir);
bool IsDirectory(const std::string& path);
bool IsRegularFile(const std::string& path);
// Creates a fresh private directory under $TMPDIR (or /tmp).
Result<std::string> MakeTempDir(const std::string& prefix);
void RemoveTree(const std::string& path);

}  // namespace shipshape
