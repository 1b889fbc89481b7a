// Reading a stack folder in place as a snapshot (the walk, the reading, the redaction).
#include "stack/stack_folder.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>

#include "base/file_io.h"
#include "base/strings.h"
#include "stack/stack_file_kinds.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

constexpr uintmax_t kMaxFileBytes = 1024 * 1024;
constexpr int kMaxDepth = 6;  // parts of a file's relative path, as find -maxdepth 6

bool IsSkippedFolder(const std::string& name) {
  return name == ".git" || name == "node_modules" || name == "vendor" || name == ".venv" || name == "__pycache__";
}

// One file met by the walk: its path relative to the root, and the path to read it from.
struct WalkedFile {
  std::string rel;
  fs::path path;
};

// Walks the stack folder as ReadStackFolder's comment says; `problem` gets (rel, message) for a
// folder that cannot be listed. Files come sorted by relative path.
class StackWalk {
 public:
  StackWalk(fs::path root, std::function<void(const std::string&, const std::string&)> problem)
      : root_(std::move(root)), problem_(std::move(problem)) {}

  std::vector<WalkedFile> Files() {
    Visit(root_, "", 1);
    std::sort(files_.begin(), files_.end(), [](const WalkedFile& a, const WalkedFile& b) { return a.rel < b.rel; });
    return std::move(files_);
  }

 private:
  void Visit(const fs::path& dir, const std::string& prefix, int depth) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      problem_(prefix.empty() ? "." : prefix.substr(0, prefix.size() - 1), "cannot list folder: " + ec.message());
      return;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      std::string name = it->path().filename().string();
      std::error_code st_ec;
      fs::file_status st = it->symlink_status(st_ec);
      if (st_ec) continue;
      if (fs::is_directory(st)) {
        if (depth < kMaxDepth && !IsSkippedFolder(name)) Visit(it->path(), prefix + name + "/", depth + 1);
      } else if (fs::is_regular_file(st) || (fs::is_symlink(st) && LinkStaysInside(it->path()))) {
        files_.push_back({prefix + name, it->path()});
      }
    }
  }

  // A symbolic link to a regular file whose real path is inside the root.
  bool LinkStaysInside(const fs::path& link) const {
    std::error_code ec;
    fs::path target = fs::canonical(link, ec);
    if (ec || !fs::is_regular_file(target, ec)) return false;
    std::string t = target.string(), r = root_.string();
    return StartsWith(t, r + "/");
  }

  fs::path root_;
  std::function<void(const std::string&, const std::string&)> problem_;
  std::vector<WalkedFile> files_;
};

std::string Rfc3339(int64_t epoch) {
  time_t t = static_cast<time_t>(epoch);
  struct tm tm {};
  gmtime_r(&t, &tm);
  char buf[32];
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Whether a file that no name rule picks may still be one to keep, so is worth reading: a name
// without a dot (a script or an nginx config by its text), or a text that starts with "#!".
bool WorthSniffing(const WalkedFile& f) {
  std::string base = f.path.filename().string();
  if (base.find('.') == std::string::npos) return true;
  std::ifstream in(f.path, std::ios::binary);
  char head[2] = {0, 0};
  in.read(head, 2);
  return in.gcount() == 2 && head[0] == '#' && head[1] == '!';
}

// Reads one walked file into the snapshot when its kind is picked; problems go to `problem`.
void ReadOne(const WalkedFile& f, Snapshot& snap,
             const std::function<void(const std::string&, const std::string&)>& problem) {
  if (!stack::MayPick(f.rel)) return;
  bool named = stack::PickMode(f.rel, "").has_value();  // picked by its name alone
  if (!named && !WorthSniffing(f)) return;
  std::error_code ec;
  uintmax_t size = fs::file_size(f.path, ec);
  if (ec || size > kMaxFileBytes) {
    if (named) problem(f.rel, ec ? "cannot read: " + ec.message() : "not read: larger than 1 MiB");
    return;
  }
  auto text = ReadWholeFile(f.path.string());
  if (!text.ok()) {
    if (named) problem(f.rel, "cannot read: " + text.status().message());
    return;
  }
  if (text->find('\0') != std::string::npos) return;
  auto mode = stack::PickMode(f.rel, *text);
  if (mode) snap.PutFile("/" + f.rel, secrets::RedactText(*text, *mode));
}

}  // namespace

Result<Snapshot> ReadStackFolder(const std::string& dir, const AuditClock& clock, Diagnostics* diags) {
  std::error_code ec;
  fs::path root = fs::canonical(dir, ec);
  if (ec || !fs::is_directory(root, ec)) {
    return Status::Invalid("not a readable folder" + (ec ? ": " + ec.message() : std::string()), dir);
  }
  Snapshot snap;
  snap.set_origin(dir);
  SnapshotMeta& m = snap.meta();
  m.host = root.filename().string();
  if (m.host.empty()) m.host = "stack";  // the root folder itself
  m.collected_at = Rfc3339(clock.now_epoch);
  m.method = "stack";
  m.privileged = false;
  m.collector = "shipshape stack folder";
  auto problem = [&](const std::string& rel, const std::string& message) {
    if (diags) diags->Add(m.host, rel, 0, message);
  };
  StackWalk walk(root, problem);
  for (const WalkedFile& f : walk.Files()) ReadOne(f, snap, problem);
  return snap;
}

bool LooksLikeStackFolder(const std::string& dir) {
  if (!IsDirectory(dir) || IsRegularFile(dir + "/meta.json")) return false;
  std::error_code ec;
  fs::path root = fs::canonical(dir, ec);
  if (ec) return false;
  StackWalk walk(root, [](const std::string&, const std::string&) {});
  for (const WalkedFile& f : walk.Files()) {
    if (stack::IsKeyMaterial(f.rel)) continue;
    if (stack::IsComposeFile(f.rel)) return true;
    if (!EndsWith(ToLower(f.rel), ".conf")) continue;
    if (stack::IsNginxConf(f.rel, "")) return true;
    std::error_code size_ec;
    if (fs::file_size(f.path, size_ec) > kMaxFileBytes || size_ec) continue;
    auto text = ReadWholeFile(f.path.string());
    if (text.ok() && stack::IsNginxConf(f.rel, *text)) return true;
  }
  return false;
}

namespace {

bool HasComposeFileAtTop(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec) && stack::IsComposeFile(entry.path().filename().string())) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> StackFoldersIn(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!IsDirectory(dir) || HasComposeFileAtTop(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_directory(ec) || entry.is_symlink(ec)) continue;
    if (IsRegularFile((entry.path() / "meta.json").string())) continue;
    if (HasComposeFileAtTop(entry.path())) out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace shipshape
