// The one door to libarchive: read and write .tar.gz files as lists of entries in memory.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace shipshape {

struct ArchiveEntry {
  std::string path;     // relative, without a leading "./"
  std::string content;  // regular files only
};

// Reads every regular file of a (gzip-compressed) tar archive. Entries larger than
// `max_entry_bytes` are skipped with an error message.
Result<std::vector<ArchiveEntry>> ReadTarGz(const std::string& path, size_t max_entry_bytes = 64 << 20);
Result<std::vector<ArchiveEntry>> ReadTarGzMemory(const std::string& data, const std::string& name,
                                                  size_t max_entry_bytes = 64 << 20);
// Writes the entries as a gzip-compressed ustar/pax archive, files mode 0600.
Status WriteTarGz(const std::string& path, const std::vector<ArchiveEntry>& entries);

}  // namespace shipshape
