// Finding backup-tool invocations in cron commands and shell scripts, following the scripts they run.
#include "parse/backup_detect.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <set>

#include "base/strings.h"
#include "parse/backup_tools.h"

namespace shipshape {
namespace {

constexpr int kMaxDepth = 4;       // script → script → … levels followed
constexpr int kMaxNesting = 12;    // texts being scanned at once (scripts, sh -c strings)
constexpr int kMaxLines = 200000;  // lines read per scan: a script run from many lines is read each time
constexpr size_t kMaxDetail = 200;
constexpr size_t kNone = std::string::npos;

using Words = std::vector<std::string>;
using Names = std::initializer_list<std::string_view>;

bool In(std::string_view s, Names set) { return std::find(set.begin(), set.end(), s) != set.end(); }
bool IsOption(const std::string& w) { return w.size() > 1 && w[0] == '-'; }

std::string Detail(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.size() <= kMaxDetail) return std::string(t);
  size_t n = kMaxDetail;
  while (n > 0 && (static_cast<unsigned char>(t[n]) & 0xC0) == 0x80) --n;  // not inside a UTF-8 sequence
  return std::string(t.substr(0, n)) + "...";
}

bool EndsWithContinuation(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && s[s.size() - 1 - n] == '\\') ++n;
  return n % 2 == 1;
}

// Skips options from `i` on; those in `with_value` take the next word. Returns the first non-option.
size_t SkipOptions(const Words& w, size_t i, Names with_value) {
  while (i < w.size() && IsOption(w[i])) {
    if (w[i] == "--") return i + 1;
    i += In(w[i], with_value) ? 2 : 1;
  }
  return i;
}

// What a wrapper command runs: the index of the wrapped command, `i` itself when w[i] wraps
// nothing, or kNone when nothing runs directly. A script given as a string (sh -c, su -c) goes to
// *nested.
struct Unwrapped {
  size_t next;
  std::optional<std::string> nested;
};

Unwrapped Shell(const Words& w, size_t i) {
  size_t j = i + 1;
  while (j < w.size() && (IsOption(w[j]) || w[j] == "+o")) {
    bool cluster = w[j][0] == '-' && w[j][1] != '-' && w[j].find('c') != std::string::npos;
    if (cluster) return {kNone, j + 1 < w.size() ? std::optional(w[j + 1]) : std::nullopt};
    j += (w[j] == "-o" || w[j] == "+o") ? 2 : 1;
  }
  return {j < w.size() ? j : kNone, std::nullopt};  // `bash /path/script.sh`: the script runs
}

Unwrapped SwitchUser(const Words& w, size_t i) {
  for (size_t j = i + 1; j < w.size(); ++j) {
    if ((w[j] == "-c" || w[j] == "--command") && j + 1 < w.size()) return {kNone, w[j + 1]};
    if (StartsWith(w[j], "--command=")) return {kNone, w[j].substr(10)};
  }
  if (BaseName(w[i]) == "su") return {kNone, std::nullopt};  // an interactive shell
  return {SkipOptions(w, i + 1, {"-u", "-g", "-G", "-w", "--user", "--group", "--supp-group"}), std::nullopt};
}

Unwrapped Flock(const Words& w, size_t i) {
  size_t j = i + 1;
  while (j < w.size() && IsOption(w[j])) {
    if ((w[j] == "-c" || w[j] == "--command") && j + 1 < w.size()) return {kNone, w[j + 1]};
    j += In(w[j], {"-w", "--timeout", "-E", "--conflict-exit-code"}) ? 2 : 1;
  }
  ++j;  // the lock file
  if (j + 1 < w.size() && (w[j] == "-c" || w[j] == "--command")) return {kNone, w[j + 1]};
  return {j, std::nullopt};
}

Unwrapped Env(const Words& w, size_t i, ShellEnv& local) {
  size_t j = i + 1;
  std::string name, value;
  while (j < w.size()) {
    if (In(w[j], {"-i", "-", "-0", "--ignore-environment", "--null"})) {
      ++j;
    } else if (In(w[j], {"-u", "--unset", "-C", "--chdir"})) {
      j += 2;
    } else if ((w[j] == "-S" || w[j] == "--split-string") && j + 1 < w.size()) {
      return {kNone, w[j + 1]};
    } else if (SplitAssignment(w[j], &name, &value)) {
      local[name] = value;
      ++j;
    } else {
      break;
    }
  }
  return {j, std::nullopt};
}

size_t ComposeExec(const Words& w, size_t j, size_t self) {
  j = SkipOptions(w, j,
                  {"-f", "--file", "-p", "--project-name", "--env-file", "--profile", "--project-directory", "--ansi",
                   "--progress", "--parallel"});
  if (j >= w.size() || (w[j] != "exec" && w[j] != "run")) return self;
  j = SkipOptions(w, j + 1,
                  {"-e", "--env", "-u", "--user", "-w", "--workdir", "--index", "--name", "--entrypoint", "-v",
                   "--volume", "-p", "--publish", "-l", "--label"});
  return j + 1;  // past the service
}

size_t Container(const Words& w, size_t i) {
  std::string_view name = BaseName(w[i]);
  if (name == "docker-compose") return ComposeExec(w, i + 1, i);
  if (i + 1 >= w.size()) return i;
  if (w[i + 1] == "compose") return ComposeExec(w, i + 2, i);
  if (w[i + 1] != "exec") return i;
  size_t j = SkipOptions(w, i + 2, {"-e", "--env", "-u", "--user", "-w", "--workdir", "--env-file", "--detach-keys"});
  return j + 1;  // past the container
}

Unwrapped UnwrapOne(const Words& w, size_t i, ShellEnv& local) {
  std::string_view name = BaseName(w[i]);
  if (In(name, {"!", "{", "}", "if", "then", "else", "elif", "do", "while", "until", "time", "exec", "nohup", "chronic",
                "cronic", "setsid", "builtin", "nocache"})) {
    return {i + 1, std::nullopt};
  }
  if (name == "command") return {i + 1 < w.size() && IsOption(w[i + 1]) ? kNone : i + 1, std::nullopt};
  if (name == "sudo") {
    return {SkipOptions(w, i + 1,
                        {"-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "--user", "--group", "--chdir",
                         "--host", "--prompt"}),
            std::nullopt};
  }
  if (name == "nice") return {SkipOptions(w, i + 1, {"-n", "--adjustment"}), std::nullopt};
  if (name == "ionice") return {SkipOptions(w, i + 1, {"-c", "-n", "-p", "-P", "-u", "--class", "--classdata"}), {}};
  if (name == "stdbuf") return {SkipOptions(w, i + 1, {"-i", "-o", "-e"}), std::nullopt};
  if (name == "timeout") return {SkipOptions(w, i + 1, {"-s", "--signal", "-k", "--kill-after"}) + 1, std::nullopt};
  if (name == "env") return Env(w, i, local);
  if (name == "flock") return Flock(w, i);
  if (name == "su" || name == "runuser") return SwitchUser(w, i);
  if (In(name, {"sh", "bash", "dash", "zsh", "ksh", "ash"})) return Shell(w, i);
  if (In(name, {"docker", "podman", "docker-compose"})) return {Container(w, i), std::nullopt};
  if (name == "kubectl" && i + 1 < w.size() && w[i + 1] == "exec") {
    auto dashes = std::find(w.begin() + static_cast<long>(i), w.end(), "--");
    return {dashes == w.end() ? kNone : static_cast<size_t>(dashes - w.begin()) + 1, std::nullopt};
  }
  return {i, std::nullopt};
}

// Where a command is written, and the text of its line.
struct Where {
  const std::string& file;
  int line;
  std::string_view text;
  int depth;
};

class Scanner {
 public:
  explicit Scanner(const ScriptLookup& lookup) : lookup_(lookup) {}
  void ScanText(std::string_view text, const std::string& file, int first_line, ShellEnv& env, int depth);
  std::vector<BackupHit> TakeHits() { return std::move(hits_); }

 private:
  void RunLine(const ShellLine& line, const Where& where, ShellEnv& env);
  std::string RunCommand(const Words& w, ShellEnv& local, ShellEnv& env, const Where& where);
  bool Builtin(std::string_view name, const Words& w, size_t i, ShellEnv& env, const Where& where);
  void RunScript(const std::string& path, ShellEnv env, int depth, ShellEnv* into);
  std::string Resolve(std::string_view path) const;

  const ScriptLookup& lookup_;
  std::vector<BackupHit> hits_;
  std::set<std::string> active_;  // scripts being scanned: a script that runs itself is read once
  std::string cwd_;               // the last `cd /absolute/dir` of the text being scanned
  int nesting_ = 0;
  int lines_left_ = kMaxLines;
};

void Scanner::ScanText(std::string_view text, const std::string& file, int first_line, ShellEnv& env, int depth) {
  if (depth > kMaxDepth || nesting_ >= kMaxNesting) return;
  ++nesting_;
  std::string saved_cwd = cwd_;
  std::vector<std::string_view> lines = SplitLines(text);
  size_t k = 0;
  while (k < lines.size() && lines_left_-- > 0) {
    int n = first_line + static_cast<int>(k);
    std::string logical(lines[k++]);
    while (EndsWithContinuation(logical) && k < lines.size()) {
      logical.pop_back();
      logical.append(lines[k++]);
    }
    ShellLine shell = SplitShellLine(logical, env);
    RunLine(shell, Where{file, n, logical, depth}, env);
    for (const ShellLine::HereDoc& doc : shell.heredocs) {  // the body is data, not commands
      while (k < lines.size() && Trim(lines[k]) != doc.delimiter) ++k;
      ++k;
    }
  }
  cwd_ = saved_cwd;
  --nesting_;
}

// A pipeline whose data reaches ssh or an off-site tool makes every tool of it off-site
// (`pg_dump db | gzip | ssh backup@host 'cat > db.gz'`).
void Scanner::RunLine(const ShellLine& line, const Where& where, ShellEnv& env) {
  size_t group = hits_.size();
  bool ssh = false;
  auto own = [&](const BackupHit& h) { return h.depth == where.depth && h.line == where.line && h.file == where.file; };
  for (const SimpleCommand& cmd : line.commands) {
    ShellEnv local = env;
    for (const std::string& a : cmd.assigns) {
      std::string name, value;
      if (SplitAssignment(a, &name, &value)) (cmd.words.empty() ? env : local)[name] = value;
    }
    if (!cmd.words.empty() && RunCommand(cmd.words, local, env, where) == "ssh" && hits_.size() > group) ssh = true;
    if (cmd.pipes_to_next) continue;
    bool offsite = ssh;
    for (size_t h = group; h < hits_.size(); ++h) offsite |= own(hits_[h]) && hits_[h].offsite;
    for (size_t h = group; h < hits_.size() && offsite; ++h) hits_[h].offsite |= own(hits_[h]);
    group = hits_.size();
    ssh = false;
  }
}

// Runs one simple command; returns the base name of the command it really runs ("" for none).
std::string Scanner::RunCommand(const Words& w, ShellEnv& local, ShellEnv& env, const Where& where) {
  size_t i = 0;
  while (i < w.size()) {
    Unwrapped u = UnwrapOne(w, i, local);
    if (u.nested) {
      ShellEnv copy = local;
      ScanText(*u.nested, where.file, where.line, copy, where.depth);
    }
    if (u.next == i) break;
    i = u.next;
  }
  if (i >= w.size()) return "";
  std::string name(BaseName(w[i]));
  if (Builtin(name, w, i, env, where)) return name;
  Words args(w.begin() + static_cast<long>(i) + 1, w.end());
  if (auto tool = ClassifyBackupCommand(name, args, local)) {
    hits_.push_back({tool->name, tool->offsite, Detail(where.text), where.file, where.line, where.depth});
  } else if (w[i].find('/') != std::string::npos) {
    RunScript(Resolve(w[i]), local, where.depth + 1, nullptr);
  }
  return name;
}

bool Scanner::Builtin(std::string_view name, const Words& w, size_t i, ShellEnv& env, const Where& where) {
  if (name == "cd") {
    if (i + 1 < w.size() && StartsWith(w[i + 1], "/")) cwd_ = w[i + 1];
    return true;
  }
  if (In(name, {"export", "readonly", "declare", "typeset", "local"})) {
    std::string var, value;
    for (size_t j = i + 1; j < w.size(); ++j) {
      if (SplitAssignment(w[j], &var, &value)) env[var] = value;
    }
    return true;
  }
  if ((name == "." || name == "source") && i + 1 < w.size()) {
    RunScript(Resolve(w[i + 1]), env, where.depth + 1, &env);  // its assignments stay in effect
    return true;
  }
  return false;
}

void Scanner::RunScript(const std::string& path, ShellEnv env, int depth, ShellEnv* into) {
  if (path.empty() || active_.count(path) || depth > kMaxDepth || !lookup_) return;
  const std::string* text = lookup_(path);
  if (!text) return;
  active_.insert(path);
  ScanText(*text, path, 1, into ? *into : env, depth);
  active_.erase(path);
}

std::string Scanner::Resolve(std::string_view path) const {
  if (StartsWith(path, "/")) return std::string(path);
  if (cwd_.empty() || path.find('/') == std::string_view::npos) return "";
  while (StartsWith(path, "./")) path.remove_prefix(2);
  return EndsWith(cwd_, "/") ? cwd_ + std::string(path) : cwd_ + "/" + std::string(path);
}

}  // namespace

std::vector<BackupHit> ScanShell(std::string_view text, const std::string& file, int first_line, const ShellEnv& env,
                                 const ScriptLookup& lookup) {
  Scanner scanner(lookup);
  ShellEnv copy = env;
  scanner.ScanText(text, file, first_line, copy, 0);
  return scanner.TakeHits();
}

}  // namespace shipshape
