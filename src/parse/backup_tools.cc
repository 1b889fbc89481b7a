// Which backup tool one shell command runs, and whether it sends the data off the host.
#include "parse/backup_tools.h"

#include <algorithm>
#include <initializer_list>

#include "base/strings.h"

namespace shipshape {
namespace {

using Args = std::vector<std::string>;
using Names = std::initializer_list<std::string_view>;

// Options that take the next word as their value, per tool (kAwsS3Flags: aws s3 options that take none).
// clang-format off
const Names kBorgCreateValued = {"-e", "--exclude", "--exclude-from", "--pattern", "--patterns-from", "--comment",
    "--timestamp", "--chunker-params", "-C", "--compression", "--checkpoint-interval", "--files-cache",
    "--remote-ratelimit", "--upload-ratelimit", "--upload-buffer", "--rsh", "--remote-path", "--lock-wait", "--umask",
    "--stdin-name", "--stdin-user", "--stdin-group", "--stdin-mode", "--paths-delimiter", "--exclude-if-present"};
const Names kDuplicityValued = {"--encrypt-key", "--sign-key", "--hidden-encrypt-key", "--exclude", "--include",
    "--exclude-filelist", "--include-filelist", "--exclude-regexp", "--include-regexp", "--exclude-if-present",
    "--archive-dir", "--name", "--volsize", "--full-if-older-than", "--gpg-options", "--gpg-binary", "--log-file",
    "--log-fd", "--tempdir", "--timeout", "--verbosity", "-v", "--ssh-options", "--rsync-options", "--s3-region-name",
    "--s3-endpoint-url", "--file-prefix", "--max-blocksize", "--num-retries", "--time", "-t", "--restore-time",
    "--file-to-restore", "-r", "--mp-segment-size", "--par2-redundancy"};
const Names kRsyncValued = {"-e", "--rsh", "-f", "--filter", "-T", "--temp-dir", "-B", "--block-size", "-M",
    "--remote-option", "--exclude", "--include", "--exclude-from", "--include-from", "--files-from", "--rsync-path",
    "--password-file", "--log-file", "--log-file-format", "--out-format", "--backup-dir", "--suffix", "--compare-dest",
    "--copy-dest", "--link-dest", "--partial-dir", "--bwlimit", "--timeout", "--contimeout", "--port", "--chown",
    "--chmod", "--usermap", "--groupmap", "--max-size", "--min-size", "--max-delete", "--modify-window",
    "--compress-level", "--skip-compress", "--iconv", "--checksum-choice", "--sockopts", "--address", "--info",
    "--debug"};
const Names kRcloneValued = {"--config", "--transfers", "--checkers", "--bwlimit", "--exclude", "--include",
    "--filter", "--filter-from", "--exclude-from", "--include-from", "--files-from", "--log-file", "--log-level",
    "--min-age", "--max-age", "--min-size", "--max-size", "--backup-dir", "--suffix", "--retries", "--timeout",
    "--contimeout", "--max-transfer", "--stats", "--order-by", "--compare-dest", "--copy-dest"};
const Names kS3cmdValued = {"-c", "--config", "--exclude", "--include", "--rexclude", "--rinclude",
    "--exclude-from", "--storage-class", "--mime-type", "--add-header", "--region", "--host", "--host-bucket",
    "--limit-rate", "--multipart-chunk-size-mb", "--cache-file"};
const Names kAwsS3Flags = {"--recursive", "--delete", "--dryrun", "--quiet", "--only-show-errors", "--no-progress",
    "--follow-symlinks", "--no-follow-symlinks", "--exact-timestamps", "--size-only", "--no-guess-mime-type",
    "--force-glacier-transfer", "--ignore-glacier-warnings", "--no-verify-ssl", "--debug", "--no-sign-request",
    "--no-paginate"};
// clang-format on

bool In(std::string_view s, Names set) { return std::find(set.begin(), set.end(), s) != set.end(); }
bool Has(const Args& a, std::string_view s) { return std::find(a.begin(), a.end(), s) != a.end(); }

// The arguments that are not options. Options in `with_value` take the next word as their value
// (unless written --opt=value); with `all_long_take_value`, every --long option not in
// `flags` does. "--" ends the options.
Args Positionals(const Args& a, Names with_value, Names flags = {}, bool all_long_take_value = false) {
  Args out;
  for (size_t i = 0; i < a.size(); ++i) {
    const std::string& w = a[i];
    if (w == "--") {
      out.insert(out.end(), a.begin() + static_cast<long>(i) + 1, a.end());
      break;
    }
    if (w.size() < 2 || w[0] != '-') {
      out.push_back(w);
      continue;
    }
    if (w.find('=') != std::string::npos) continue;
    bool long_value = all_long_take_value && StartsWith(w, "--") && !In(w, flags);
    if (In(w, with_value) || long_value) ++i;
  }
  return out;
}

// The value of the first option in `names` ("-r X", "--repo X", "--repo=X").
std::optional<std::string> OptionValue(const Args& a, Names names) {
  for (size_t i = 0; i < a.size(); ++i) {
    for (std::string_view n : names) {
      if (a[i] == n && i + 1 < a.size()) return a[i + 1];
      if (StartsWith(a[i], std::string(n) + "=")) return a[i].substr(n.size() + 1);
    }
  }
  return std::nullopt;
}

std::string EnvValue(const ShellEnv& env, const std::string& name) {
  auto it = env.find(name);
  return it == env.end() ? "" : it->second;
}

// The first argument that is one of the tool's subcommands.
std::string_view Subcommand(const Args& a, Names subcommands) {
  for (const std::string& w : a) {
    if (In(w, subcommands)) return w;
  }
  return "";
}

bool IsUrl(std::string_view s, std::string_view scheme) { return StartsWith(ToLower(s), scheme); }

std::optional<BackupTool> Restic(const Args& a, const ShellEnv& env) {
  std::string_view sub =
      Subcommand(a, {"backup",  "copy",  "forget",   "prune",         "check",  "snapshots", "restore", "init",
                     "ls",      "find",  "mount",    "stats",         "unlock", "diff",      "dump",    "cat",
                     "key",     "list",  "migrate",  "rebuild-index", "repair", "tag",       "version", "recover",
                     "rewrite", "cache", "generate", "self-update",   "help"});
  if (sub != "backup" && sub != "copy") return std::nullopt;
  std::string repo = OptionValue(a, {"-r", "--repo"}).value_or(EnvValue(env, "RESTIC_REPOSITORY"));
  bool remote = false;
  for (std::string_view scheme : {"s3:", "b2:", "azure:", "gs:", "swift:", "sftp:", "rclone:", "rest:"}) {
    if (IsUrl(repo, scheme)) remote = true;
  }
  if (IsUrl(repo, "rest:http://localhost") || IsUrl(repo, "rest:http://127.0.0.1")) remote = false;
  return BackupTool{"restic", remote};
}

std::optional<BackupTool> Borg(const Args& a, const ShellEnv& env) {
  if (Subcommand(a, {"create", "init",       "rcreate",    "prune",  "check",      "list",     "rlist",
                     "info",   "extract",    "mount",      "umount", "compact",    "delete",   "rdelete",
                     "diff",   "export-tar", "import-tar", "key",    "break-lock", "upgrade",  "recreate",
                     "rename", "config",     "with-lock",  "serve",  "benchmark",  "transfer", "help"}) != "create") {
    return std::nullopt;
  }
  std::string repo = OptionValue(a, {"-r", "--repo"}).value_or("");
  if (repo.empty()) {
    Args pos = Positionals(a, kBorgCreateValued);
    auto create = std::find(pos.begin(), pos.end(), "create");
    size_t sep = create != pos.end() && create + 1 != pos.end() ? create[1].find("::") : std::string::npos;
    repo = sep != std::string::npos ? create[1].substr(0, sep) : "";
  }
  if (repo.empty()) repo = EnvValue(env, "BORG_REPO");
  return BackupTool{"borg", IsRemoteHostPath(repo)};
}

// Tools that copy SOURCE… DEST to or from object storage: a backup when DEST is remote, or
// when neither end is remote-looking (then the data stays local). A download is no backup.
std::optional<BackupTool> Transfer(std::string name, const Args& pos, bool (*remote)(std::string_view)) {
  if (pos.empty()) return BackupTool{std::move(name), true};
  bool src_remote = remote(pos.front());
  bool dst_remote = pos.size() >= 2 && remote(pos.back());
  if (src_remote && !dst_remote) return std::nullopt;
  return BackupTool{std::move(name), dst_remote || pos.size() < 2};
}

bool IsS3(std::string_view s) { return IsUrl(s, "s3://"); }
bool IsGs(std::string_view s) { return IsUrl(s, "gs://"); }
bool IsHttp(std::string_view s) { return IsUrl(s, "https://") || IsUrl(s, "http://"); }
bool IsRcloneRemote(std::string_view s) {
  size_t colon = s.find(':');
  return colon != std::string_view::npos && colon > 0 && s[0] != '/' && s.substr(0, colon).find('/') == s.npos;
}

std::optional<BackupTool> Aws(const Args& a) {
  size_t i = 0;
  while (i < a.size() && StartsWith(a[i], "--")) {
    bool flag = In(a[i], {"--debug", "--no-verify-ssl", "--no-paginate", "--no-sign-request", "--no-cli-pager",
                          "--no-cli-auto-prompt"});
    i += flag || a[i].find('=') != std::string::npos ? 1 : 2;
  }
  if (i + 1 >= a.size() || a[i] != "s3" || !In(a[i + 1], {"cp", "sync", "mv"})) return std::nullopt;
  Args rest(a.begin() + static_cast<long>(i) + 2, a.end());
  Args pos = Positionals(rest, {}, kAwsS3Flags, true);
  auto tool = Transfer("aws s3", pos, IsS3);
  if (tool) tool->offsite = true;  // not a download: the data goes to a bucket (even via an unexpanded $DEST)
  return tool;
}

std::optional<BackupTool> S3cmd(const Args& a) {
  std::string_view sub = Subcommand(a, {"put", "sync", "cp", "mv", "get", "ls", "la", "del", "rm", "mb", "rb", "info",
                                        "du", "setacl", "restore", "modify"});
  if (!In(sub, {"put", "sync", "cp", "mv"})) return std::nullopt;
  auto it = std::find(a.begin(), a.end(), sub);
  Args rest(it + 1, a.end());
  return Transfer("s3cmd", Positionals(rest, kS3cmdValued), IsS3);
}

std::optional<BackupTool> Gsutil(const Args& a) {
  std::string_view sub = Subcommand(a, {"cp", "rsync", "mv", "ls", "rm", "cat", "du", "stat", "mb", "rb"});
  if (!In(sub, {"cp", "rsync", "mv"})) return std::nullopt;
  Args rest(std::find(a.begin(), a.end(), sub) + 1, a.end());
  return Transfer("gsutil", Positionals(rest, {"-x", "-z", "-j", "-a", "-s", "-L", "-p"}), IsGs);
}

std::optional<BackupTool> Azcopy(const Args& a) {
  std::string_view sub = Subcommand(a, {"copy", "cp", "sync", "list", "remove", "make", "login", "jobs"});
  if (!In(sub, {"copy", "cp", "sync"})) return std::nullopt;
  Args rest(std::find(a.begin(), a.end(), sub) + 1, a.end());
  return Transfer("azcopy", Positionals(rest, {}), IsHttp);
}

std::optional<BackupTool> Rclone(const Args& a) {
  std::string_view sub = Subcommand(a, {"copy", "sync", "move", "copyto", "moveto", "rcat", "bisync", "ls", "lsd",
                                        "lsl", "delete", "purge", "mkdir", "check", "config", "mount"});
  if (!In(sub, {"copy", "sync", "move", "copyto", "moveto", "rcat", "bisync"})) return std::nullopt;
  Args rest(std::find(a.begin(), a.end(), sub) + 1, a.end());
  Args pos = Positionals(rest, kRcloneValued);
  if (sub == "rcat") return BackupTool{"rclone", !pos.empty() && IsRcloneRemote(pos.front())};
  return Transfer("rclone", pos, IsRcloneRemote);
}

std::optional<BackupTool> Duplicity(const Args& a) {
  Args pos = Positionals(a, kDuplicityValued);
  if (!pos.empty() && In(pos.front(), {"full", "incremental", "incr", "backup"})) pos.erase(pos.begin());
  if (pos.size() < 2 ||
      In(pos.front(), {"verify", "collection-status", "list-current-files", "restore", "remove-older-than",
                       "remove-all-but-n-full", "remove-all-inc-of-but-n-full", "cleanup"})) {
    return std::nullopt;
  }
  if (pos.front().find("://") != std::string::npos) return std::nullopt;  // URL → path: a restore
  const std::string& target = pos.back();
  return BackupTool{"duplicity", target.find("://") != std::string::npos && !IsUrl(target, "file://")};
}

std::optional<BackupTool> Rsync(const Args& a) {
  Args pos = Positionals(a, kRsyncValued);
  if (pos.size() < 2) return std::nullopt;  // listing a directory or a module
  return BackupTool{"rsync", IsRemoteHostPath(pos.back())};
}

std::optional<BackupTool> Scp(const Args& a) {
  Args pos = Positionals(a, {"-P", "-i", "-o", "-F", "-c", "-l", "-S", "-J", "-D", "-X"});
  if (pos.size() < 2 || !(IsRemoteHostPath(pos.back()) || IsUrl(pos.back(), "scp://"))) return std::nullopt;
  return BackupTool{"scp", true};
}

bool TarCreates(const Args& a) {
  if (a.empty()) return false;
  auto letters = [](std::string_view w) { return w.find_first_not_of("AcdrtuxfvzjJaOpPkSWhMgGnlbHiUV") == w.npos; };
  if (!a[0].empty() && a[0][0] != '-' && letters(a[0]) && a[0].find('c') != std::string::npos) return true;
  for (const std::string& w : a) {
    if (w == "--create") return true;
    if (w.size() > 1 && w[0] == '-' && w[1] != '-' && letters(w.substr(1)) && w.find('c') != w.npos) return true;
  }
  return false;
}

std::optional<BackupTool> RedisCli(const Args& a) {
  if (Has(a, "--rdb")) return BackupTool{"redis-cli", false};
  Args pos = Positionals(a, {"-h", "-p", "-s", "-a", "-u", "-r", "-i", "-n", "-d", "-D", "--user", "--pass"});
  if (!pos.empty() && (EqualsIgnoreCase(pos[0], "BGSAVE") || EqualsIgnoreCase(pos[0], "SAVE"))) {
    return BackupTool{"redis-cli", false};
  }
  return std::nullopt;
}

std::optional<BackupTool> Rsnapshot(const Args& a) {
  Args pos = Positionals(a, {"-c"});
  if (pos.empty() || In(pos[0], {"configtest", "du", "diff", "version", "help", "print-config", "check-config-version",
                                 "upgrade-config-file", "get-latest-snapshot"})) {
    return std::nullopt;
  }
  return BackupTool{"rsnapshot", false};
}

std::optional<BackupTool> Local(std::string_view name) { return BackupTool{std::string(name), false}; }

}  // namespace

bool IsRemoteHostPath(std::string_view s) {
  if (IsUrl(s, "ssh://") || IsUrl(s, "rsync://") || IsUrl(s, "sftp://")) return true;
  if (s.empty() || s[0] == '/' || s[0] == '.' || s[0] == '~') return false;
  size_t colon = s.find(':');
  return colon != std::string_view::npos && colon > 0 && s.substr(0, colon).find('/') == std::string_view::npos;
}

// One branch per tool: a table of names would need the same per-tool logic beside it.
std::optional<BackupTool> ClassifyBackupCommand(std::string_view command, const Args& args, const ShellEnv& env) {
  if (Has(args, "--help") || Has(args, "--version")) return std::nullopt;
  if (In(command, {"pg_dump", "pg_dumpall", "pg_basebackup", "mongodump", "mysqldump", "mariadb-dump", "mysqlpump"})) {
    return Local(command);
  }
  if (In(command, {"mariabackup", "mariadb-backup", "xtrabackup"})) {
    return Has(args, "--backup") ? Local(command) : std::nullopt;
  }
  if (command == "redis-cli") return RedisCli(args);
  if (command == "restic") return Restic(args, env);
  if (command == "borg") return Borg(args, env);
  if (command == "borgmatic") return Local(command);
  if (command == "rclone") return Rclone(args);
  if (command == "aws") return Aws(args);
  if (command == "s3cmd") return S3cmd(args);
  if (command == "gsutil") return Gsutil(args);
  if (command == "azcopy") return Azcopy(args);
  if (command == "duplicity") return Duplicity(args);
  if (command == "rsync") return Rsync(args);
  if (command == "scp") return Scp(args);
  if (command == "tar") return TarCreates(args) ? Local(command) : std::nullopt;
  if (command == "rsnapshot") return Rsnapshot(args);
  if (command == "rdiff-backup") {
    Args pos = Positionals(args, {"--exclude", "--include", "--remote-schema", "--exclude-filelist"});
    if (pos.size() < 2) return std::nullopt;
    return BackupTool{"rdiff-backup", pos.back().find("::") != std::string::npos};
  }
  if (command == "pgbackrest") return Has(args, "backup") ? Local(command) : std::nullopt;
  if (command == "wal-g" || command == "wal-e") {
    if (!Has(args, "backup-push")) return std::nullopt;
    return BackupTool{std::string(command), env.count("WALG_FILE_PREFIX") == 0};
  }
  return std::nullopt;
}

}  // namespace shipshape
