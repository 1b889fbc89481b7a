// A snapshot of one target (format shipshape-snapshot/1): meta, collected files, command outputs.
// Held in memory: snapshots are small (a few MB); the loader drops each one after deriving facts.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace shipshape {

inline constexpr std::string_view kSnapshotFormat = "shipshape-snapshot/1";

struct SnapshotMeta {
  std::string format = std::string(kSnapshotFormat);
  std::string host;
  std::string collected_at;  // RFC 3339 UTC, e.g. 2026-06-14T10:00:00Z
  std::string method;        // local | ssh | fixture | stack
  bool privileged = false;
  std::string collector;
  std::map<std::string, std::string> labels;
};

struct CommandResult {
  std::optional<std::string> output;  // cmd/<name>.out
  std::optional<int> exit_code;       // cmd/<name>.rc; absent = not run or not found
};

class Snapshot {
 public:
  SnapshotMeta& meta() { return meta_; }
  const SnapshotMeta& meta() const { return meta_; }
  // Where the snapshot was read from (folder or archive path), for messages.
  const std::string& origin() const { return origin_; }
  void set_origin(std::string origin) { origin_ = std::move(origin); }

  // Files by absolute path on the target ("/etc/ssh/sshd_config").
  void PutFile(std::string path, std::string content);
  const std::string* File(std::string_view path) const;
  // Absolute paths of collected files starting with `prefix` (e.g. "/etc/ssh/sshd_config.d/"), sorted.
  std::vector<std::string> FilesUnder(std::string_view prefix) const;
  const std::map<std::string, std::string, std::less<>>& files() const { return files_; }

  void PutCommand(std::string name, std::optional<std::string> output, std::optional<int> exit_code);
  // A command that ran (has an exit code): its result. Output may be empty.
  const CommandResult* Command(std::string_view name) const;
  // Output of a command that ran and exited 0 (the usual question); nullptr otherwise.
  const std::string* CommandOk(std::string_view name) const;
  std::vector<std::string> CommandsWithPrefix(std::string_view prefix) const;
  const std::map<std::string, CommandResult, std::less<>>& commands() const { return commands_; }

 private:
  SnapshotMeta meta_;
  std::string origin_;
  std::map<std::string, std::string, std::less<>> files_;
  std::map<std::string, CommandResult, std::less<>> commands_;
};

// Reads a snapshot folder or .tar.gz archive. A missing or malformed meta.json is an error.
Result<Snapshot> LoadSnapshot(const std::string& path);
bool LooksLikeSnapshot(const std::string& path);  // folder with meta.json, or *.tar.gz / *.tgz
// Builds a snapshot from archive-style entries (relative paths: meta.json, files/..., cmd/...).
struct ArchiveEntry;
Result<Snapshot> SnapshotFromEntries(const std::vector<ArchiveEntry>& entries, const std::string& origin);

// Writes a snapshot as a folder (path without .tar.gz) or an archive (path ending in .tar.gz/.tgz).
Status WriteSnapshot(const Snapshot& snapshot, const std::string& path);

std::string MetaToJson(const SnapshotMeta& meta);
Result<SnapshotMeta> MetaFromJson(std::string_view text, const std::string& file);

}  // namespace shipshape
