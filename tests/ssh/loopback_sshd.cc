// Test harness: starts and stops loopback sshd instances, temporary users and a silent listener.
#include "ssh/loopback_sshd.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "base/file_io.h"
#include "base/process.h"

extern char** environ;

namespace shipshape::testing {
namespace {

using Clock = std::chrono::steady_clock;

// Runs a helper program (ssh-keygen, useradd, ...) and turns a non-zero exit into an error.
Status Run(const std::vector<std::string>& argv) {
  auto r = RunProcess(argv, "", 20);
  if (!r.ok()) return r.status();
  if (r->exit_code != 0) {
    return Status::Io(argv[0] + " exited with " + std::to_string(r->exit_code) + ": " + r->err);
  }
  return Status::Ok();
}

sockaddr_in Loopback(int port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

// A listening socket on 127.0.0.1 with a kernel-chosen port; -1 on failure.
int ListenLoopback(int* port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in a = Loopback(0);
  socklen_t len = sizeof a;
  if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || listen(fd, 64) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    close(fd);
    return -1;
  }
  *port = ntohs(a.sin_port);
  return fd;
}

// A port that was free a moment ago (sshd binds it itself; Launch retries if another process won).
int FreePort() {
  int port = 0;
  int fd = ListenLoopback(&port);
  if (fd < 0) return 0;
  close(fd);
  return port;
}

bool Accepts(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in a = Loopback(port);
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  close(fd);
  return ok;
}

std::string SshdConfig(const std::string& dir, int port) {
  return "Port " + std::to_string(port) +
         "\nListenAddress 127.0.0.1\n"
         "HostKey " + dir + "/host_key\n"
         "PidFile " + dir + "/sshd.pid\n"
         "AuthorizedKeysFile " + dir + "/authorized_keys\n"
         "StrictModes no\nUsePAM no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
         "PubkeyAuthentication yes\nPermitRootLogin prohibit-password\nUseDNS no\n"
         "MaxStartups 100:30:200\nMaxSessions 100\nLogLevel INFO\n";
}

}  // namespace

std::string LoopbackSshdSkipReason() {
  if (geteuid() != 0) return "the loopback sshd harness needs root (useradd, sshd privilege separation)";
  for (const char* tool : {kSshdPath, "/usr/bin/ssh", "/usr/bin/ssh-keygen", "/usr/sbin/useradd",
                           "/usr/sbin/userdel", "/usr/bin/sudo"}) {
    if (access(tool, X_OK) != 0) return std::string(tool) + " is missing (scripts/bootstrap.sh installs it)";
  }
  if (!IsDirectory("/etc/sudoers.d")) return "/etc/sudoers.d is missing";
  return "";
}

std::vector<std::string> LoopbackSshArgv(int port, const std::string& key, const std::string& user,
                                         const std::vector<std::string>& remote, int connect_timeout_seconds) {
  std::vector<std::string> argv = {
      "ssh", "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
      "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "IdentitiesOnly=yes",
      "-o", "ConnectTimeout=" + std::to_string(connect_timeout_seconds),
      "-o", "ServerAliveInterval=2", "-o", "ServerAliveCountMax=2",
      "-i", key, "-p", std::to_string(port), user + "@127.0.0.1"};
  argv.insert(argv.end(), remote.begin(), remote.end());
  return argv;
}

// ---------------------------------------------------------------------------------------------
// LoopbackSshd

Result<std::unique_ptr<LoopbackSshd>> LoopbackSshd::Start() {
  std::unique_ptr<LoopbackSshd> sshd(new LoopbackSshd());
  if (Status st = sshd->Prepare(); !st.ok()) return st;
  if (Status st = sshd->Launch(); !st.ok()) return st;
  return sshd;
}

LoopbackSshd::~LoopbackSshd() {
  Stop();
  if (!dir_.empty()) RemoveTree(dir_);
}

// Folder (readable by the test users: sshd reads authorized_keys with their uid), keys, /run/sshd.
Status LoopbackSshd::Prepare() {
  auto dir = MakeTempDir("shipshape-sshd.");
  if (!dir.ok()) return dir.status();
  dir_ = *dir;
  key_ = dir_ + "/client_key";
  if (chmod(dir_.c_str(), 0755) != 0) return Status::Io("chmod " + dir_ + ": " + strerror(errno));
  if (!IsDirectory("/run/sshd") && mkdir("/run/sshd", 0755) != 0 && errno != EEXIST) {
    return Status::Io(std::string("mkdir /run/sshd: ") + strerror(errno));
  }
  for (const char* name : {"host_key", "client_key"}) {
    Status st = Run({"ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", std::string("shipshape-test-") + name,
                     "-f", dir_ + "/" + name});
    if (!st.ok()) return st;
  }
  auto pub = ReadWholeFile(key_ + ".pub");
  if (!pub.ok()) return pub.status();
  std::string keys = dir_ + "/authorized_keys";
  if (Status st = WriteWholeFile(keys, *pub); !st.ok()) return st;
  if (chmod(keys.c_str(), 0644) != 0) return Status::Io("chmod " + keys + ": " + strerror(errno));
  return Status::Ok();
}

// Picks a free port and starts sshd on it; another process may take the port between the probe
// and sshd's bind, so a start that dies is retried on a new port.
Status LoopbackSshd::Launch() {
  std::string config = dir_ + "/sshd_config", log = dir_ + "/sshd.log";
  Status last = Status::Io("sshd did not start");
  for (int attempt = 0; attempt < 3; ++attempt) {
    port_ = FreePort();
    if (port_ == 0) return Status::Io("no free port on 127.0.0.1");
    if (Status st = WriteWholeFile(config, SshdConfig(dir_, port_)); !st.ok()) return st;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    std::vector<std::string> argv = {kSshdPath, "-D", "-e", "-f", config};
    std::vector<char*> args;
    for (std::string& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    int rc = posix_spawn(&pid_, kSshdPath, &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
      pid_ = -1;
      return Status::Io(std::string("cannot run sshd: ") + strerror(rc));
    }
    last = WaitUntilListening();
    if (last.ok()) return last;
    Stop();
  }
  return last;
}

// Until the port accepts a connection (at most 5 s), or sshd exits (bad config, port taken).
Status LoopbackSshd::WaitUntilListening() {
  auto deadline = Clock::now() + std::chrono::seconds(5);
  while (Clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return Status::Io("sshd exited before listening: " + Log());
    }
    if (Accepts(port_)) return Status::Ok();
    usleep(5000);
  }
  return Status::Io("sshd did not listen on 127.0.0.1:" + std::to_string(port_) + " within 5 s: " + Log());
}

void LoopbackSshd::Stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  auto deadline = Clock::now() + std::chrono::seconds(3);
  int status = 0;
  while (waitpid(pid_, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      break;
    }
    usleep(2000);
  }
  pid_ = -1;
}

std::string LoopbackSshd::Log() const {
  auto log = ReadWholeFile(dir_ + "/sshd.log");
  return log.ok() ? *log : "(no sshd log)";
}

std::vector<std::string> LoopbackSshd::SshArgv(const std::string& user, const std::vector<std::string>& remote,
                                               int connect_timeout_seconds) const {
  return LoopbackSshArgv(port_, key_, user, remote, connect_timeout_seconds);
}

// ---------------------------------------------------------------------------------------------
// TempUser

Result<std::unique_ptr<TempUser>> TempUser::Create(const std::string& suffix, bool sudo) {
  std::unique_ptr<TempUser> user(new TempUser());
  user->name_ = "shipshape-t-" + std::to_string(getpid()) + "-" + suffix;
  // A leftover of a killed run with the same pid.
  if (getpwnam(user->name_.c_str()) != nullptr) (void)Run({"userdel", "-r", "-f", user->name_});
  // "*" is no valid password but, unlike useradd's default "!", not a locked account: sshd
  // without PAM refuses locked accounts even for key logins. useradd retries when another test
  // process holds the /etc/passwd lock.
  Status st = Status::Ok();
  for (int attempt = 0; attempt < 5; ++attempt) {
    st = Run({"useradd", "-m", "-s", "/bin/sh", "-p", "*", user->name_});
    if (st.ok()) break;
    usleep(200000);
  }
  if (!st.ok()) return st;
  const passwd* pw = getpwnam(user->name_.c_str());
  if (pw == nullptr) return Status::Io("useradd " + user->name_ + ": user not found afterwards");
  user->uid_ = pw->pw_uid;
  if (sudo) {
    user->sudoers_ = "/etc/sudoers.d/" + user->name_;
    st = WriteWholeFile(user->sudoers_, user->name_ + " ALL=(ALL:ALL) NOPASSWD: ALL\n");
    if (!st.ok()) return st;
    if (chmod(user->sudoers_.c_str(), 0440) != 0) return Status::Io("chmod " + user->sudoers_);
  }
  return user;
}

TempUser::~TempUser() {
  if (!sudoers_.empty()) unlink(sudoers_.c_str());
  if (name_.empty() || getpwnam(name_.c_str()) == nullptr) return;
  if (!Run({"userdel", "-r", name_}).ok()) (void)Run({"userdel", "-r", "-f", name_});
}

// ---------------------------------------------------------------------------------------------
// BlackHole

Result<std::unique_ptr<BlackHole>> BlackHole::Start() {
  std::unique_ptr<BlackHole> hole(new BlackHole());
  hole->listen_fd_ = ListenLoopback(&hole->port_);
  if (hole->listen_fd_ < 0) return Status::Io(std::string("black hole listener: ") + strerror(errno));
  if (pipe2(hole->stop_pipe_, O_CLOEXEC) != 0) return Status::Io(std::string("pipe: ") + strerror(errno));
  hole->thread_ = std::thread(&BlackHole::AcceptLoop, hole.get());
  return hole;
}

void BlackHole::AcceptLoop() {
  for (;;) {
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
    if (poll(fds, 2, -1) < 0 && errno != EINTR) return;
    if (fds[1].revents) return;
    if (!(fds[0].revents & POLLIN)) continue;
    int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    conns_.push_back(fd);  // held open, never read or written
    ++accepted_;
  }
}

BlackHole::~BlackHole() {
  if (thread_.joinable()) {
    char b = 1;
    (void)!write(stop_pipe_[1], &b, 1);
    thread_.join();
  }
  for (int fd : conns_) close(fd);
  for (int fd : {listen_fd_, stop_pipe_[0], stop_pipe_[1]}) {
    if (fd >= 0) close(fd);
  }
}

// ---------------------------------------------------------------------------------------------

Result<std::unique_ptr<LoopbackSetup>> StartLoopbackSetup() {
  auto setup = std::make_unique<LoopbackSetup>();
  auto sudo_user = TempUser::Create("sudo", true);
  if (!sudo_user.ok()) return sudo_user.status();
  setup->sudo_user = std::move(*sudo_user);
  auto plain_user = TempUser::Create("user", false);
  if (!plain_user.ok()) return plain_user.status();
  setup->plain_user = std::move(*plain_user);
  auto sshd = LoopbackSshd::Start();
  if (!sshd.ok()) return sshd.status();
  setup->sshd = std::move(*sshd);
  return setup;
}

}  // namespace shipshape::testing
