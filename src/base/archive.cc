// libarchive adapter.
#include "base/archive.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace shipshape {
namespace {

struct ReaderCloser {
  void operator()(struct archive* a) const { archive_read_free(a); }
};
struct WriterCloser {
  void operator()(struct archive* a) const { archive_write_free(a); }
};

std::string CleanPath(const char* p) {
  std::string s = p ? p : "";
  while (s.rfind("./", 0) == 0) s.erase(0, 2);
  while (!s.empty() && s[0] == '/') s.erase(0, 1);
  return s;
}

Result<std::vector<ArchiveEntry>> ReadAll(struct archive* a, const std::string& name, size_t max_entry_bytes) {
  std::vector<ArchiveEntry> out;
  struct archive_entry* entry = nullptr;
  while (true) {
    int rc = archive_read_next_header(a, &entry);
    if (rc == ARCHIVE_EOF) break;
    if (rc < ARCHIVE_WARN) {
      return Status::Invalid(std::string("damaged archive: ") + archive_error_string(a), name);
    }
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    ArchiveEntry e;
    e.path = CleanPath(archive_entry_pathname(entry));
    la_int64_t size = archive_entry_size(entry);
    if (size < 0 || static_cast<size_t>(size) > max_entry_bytes) {
      archive_read_data_skip(a);
      continue;
    }
    e.content.resize(static_cast<size_t>(size));
    la_ssize_t got = size > 0 ? archive_read_data(a, e.content.data(), e.content.size()) : 0;
    if (got < 0) return Status::Invalid(std::string("damaged archive: ") + archive_error_string(a), name);
    e.content.resize(static_cast<size_t>(got));
    if (e.path.find("..") != std::string::npos) continue;  // never trust traversal in archive names
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

Result<std::vector<ArchiveEntry>> ReadTarGz(const std::string& path, size_t max_entry_bytes) {
  std::unique_ptr<struct archive, ReaderCloser> a(archive_read_new());
  archive_read_support_filter_gzip(a.get());
  archive_read_support_filter_none(a.get());
  archive_read_support_format_tar(a.get());
  if (archive_read_open_filename(a.get(), path.c_str(), 1 << 16) != ARCHIVE_OK) {
    return Status::Io(std::string("cannot read archive: ") + archive_error_string(a.get()), path);
  }
  return ReadAll(a.get(), path, max_entry_bytes);
}

Result<std::vector<ArchiveEntry>> ReadTarGzMemory(const std::string& data, const std::string& name,
                                                  size_t max_entry_bytes) {
  std::unique_ptr<struct archive, ReaderCloser> a(archive_read_new());
  archive_read_support_filter_gzip(a.get());
  archive_read_support_filter_none(a.get());
  archive_read_support_format_tar(a.get());
  if (archive_read_open_memory(a.get(), data.data(), data.size()) != ARCHIVE_OK) {
    return Status::Invalid(std::string("cannot read archive: ") + archive_error_string(a.get()), name);
  }
  return ReadAll(a.get(), name, max_entry_bytes);
}

Status WriteTarGz(const std::string& path, const std::vector<ArchiveEntry>& entries) {
  std::unique_ptr<struct archive, WriterCloser> a(archive_write_new());
  archive_write_add_filter_gzip(a.get());
  archive_write_set_format_pax_restricted(a.get());
  if (archive_write_open_filename(a.get(), path.c_str()) != ARCHIVE_OK) {
    return Status::Io(std::string("cannot write archive: ") + archive_error_string(a.get()), path);
  }
  for (const ArchiveEntry& e : entries) {
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, e.path.c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(e.content.size()));
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0600);
    int rc = archive_write_header(a.get(), entry);
    if (rc == ARCHIVE_OK && !e.content.empty()) {
      archive_write_data(a.get(), e.content.data(), e.content.size());
    }
    archive_entry_free(entry);
    if (rc != ARCHIVE_OK) return Status::Io(std::string("cannot write archive: ") + archive_error_string(a.get()), path);
  }
  if (archive_write_close(a.get()) != ARCHIVE_OK) {
    return Status::Io(std::string("cannot write archive: ") + archive_error_string(a.get()), path);
  }
  return Status::Ok();
}

}  // namespace shipshape
