// Reading and writing snapshots as folders and .tar.gz archives.
#include <filesystem>

#include "base/archive.h"
#include "base/file_io.h"
#include "base/strings.h"
#include "snapshot/snapshot.h"

namespace shipshape {
namespace {

bool IsArchivePath(const std::string& path) { return EndsWith(path, ".tar.gz") || EndsWith(path, ".tgz"); }

// Adds one entry (relative path inside the snapshot) to `snap`.
void AddEntry(Snapshot& snap, const std::string& rel, std::string content,
              std::map<std::string, std::string>& rc_texts) {
  if (StartsWith(rel, "files/")) {
    snap.PutFile(rel.substr(5), std::move(content));
  } else if (StartsWith(rel, "cmd/") && EndsWith(rel, ".out")) {
    std::string name = rel.substr(4, rel.size() - 8);
    CommandResult existing;
    if (const auto* c = snap.commands().count(name) ? &snap.commands().at(name) : nullptr) existing = *c;
    snap.PutCommand(name, std::move(content), existing.exit_code);
  } else if (StartsWith(rel, "cmd/") && EndsWith(rel, ".rc")) {
    rc_texts[rel.substr(4, rel.size() - 7)] = std::move(content);
  }
}

void ApplyExitCodes(Snapshot& snap, const std::map<std::string, std::string>& rc_texts) {
  for (const auto& [name, text] : rc_texts) {
    std::optional<std::string> output;
    if (snap.commands().count(name)) output = snap.commands().at(name).output;
    auto code = ParseInt(text);
    snap.PutCommand(name, output.value_or(""), code ? std::optional<int>(static_cast<int>(*code)) : 255);
  }
}

}  // namespace

Result<Snapshot> SnapshotFromEntries(const std::vector<ArchiveEntry>& entries, const std::string& origin) {
  Snapshot snap;
  snap.set_origin(origin);
  const ArchiveEntry* meta = nullptr;
  std::map<std::string, std::string> rc_texts;
  for (const ArchiveEntry& e : entries) {
    if (e.path == "meta.json") {
      meta = &e;
      continue;
    }
    AddEntry(snap, e.path, e.content, rc_texts);
  }
  if (!meta) return Status::Invalid("not a shipshape snapshot: meta.json is missing", origin);
  auto m = MetaFromJson(meta->content, origin + "/meta.json");
  if (!m.ok()) return m.status();
  snap.meta() = std::move(m).value();
  ApplyExitCodes(snap, rc_texts);
  return snap;
}

bool LooksLikeSnapshot(const std::string& path) {
  if (IsArchivePath(path)) return IsRegularFile(path);
  return IsDirectory(path) && IsRegularFile(path + "/meta.json");
}

Result<Snapshot> LoadSnapshot(const std::string& path) {
  std::vector<ArchiveEntry> entries;
  if (IsArchivePath(path)) {
    auto read = ReadTarGz(path);
    if (!read.ok()) return read.status();
    entries = std::move(read).value();
  } else {
    auto list = ListFilesRecursive(path);
    if (!list.ok()) return list.status();
    for (const std::string& rel : *list) {
      auto content = ReadWholeFile(path + "/" + rel);
      if (!content.ok()) continue;  // unreadable entry: the parser will report the file as missing
      entries.push_back({rel, std::move(content).value()});
    }
  }
  return SnapshotFromEntries(entries, path);
}

Status WriteSnapshot(const Snapshot& snapshot, const std::string& path) {
  std::vector<ArchiveEntry> entries;
  entries.push_back({"meta.json", MetaToJson(snapshot.meta())});
  for (const auto& [file, content] : snapshot.files()) entries.push_back({"files" + file, content});
  for (const auto& [name, result] : snapshot.commands()) {
    if (result.output) entries.push_back({"cmd/" + name + ".out", *result.output});
    if (result.exit_code) entries.push_back({"cmd/" + name + ".rc", std::to_string(*result.exit_code) + "\n"});
  }
  if (IsArchivePath(path)) return WriteTarGz(path, entries);
  for (const ArchiveEntry& e : entries) {
    Status st = WriteWholeFile(path + "/" + e.path, e.content);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace shipshape
