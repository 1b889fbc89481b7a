// Snapshot contents and look-ups.
#include "snapshot/snapshot.h"

namespace shipshape {

void Snapshot::PutFile(std::string path, std::string content) { files_[std::move(path)] = std::move(content); }

const std::string* Snapshot::File(std::string_view path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

std::vector<std::string> Snapshot::FilesUnder(std::string_view prefix) const {
  std::vector<std::string> out;
  for (auto it = files_.lower_bound(prefix); it != files_.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    out.push_back(it->first);
  }
  return out;
}

void Snapshot::PutCommand(std::string name, std::optional<std::string> output, std::optional<int> exit_code) {
  commands_[std::move(name)] = CommandResult{std::move(output), exit_code};
}

const CommandResult* Snapshot::Command(std::string_view name) const {
  auto it = commands_.find(name);
  if (it == commands_.end() || !it->second.exit_code) return nullptr;
  return &it->second;
}

const std::string* Snapshot::CommandOk(std::string_view name) const {
  const CommandResult* r = Command(name);
  if (!r || *r->exit_code != 0 || !r->output) return nullptr;
  return &*r->output;
}

std::vector<std::string> Snapshot::CommandsWithPrefix(std::string_view prefix) const {
  std::vector<std::string> out;
  for (auto it = commands_.lower_bound(prefix); it != commands_.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    out.push_back(it->first);
  }
  return out;
}

}  // namespace shipshape
