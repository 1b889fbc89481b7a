// Test harness: real OpenSSH servers on 127.0.0.1, temporary users and a silent listener.
//
// Remote-collection tests run the system `ssh` client against these servers. Everything they create
// (host keys, client key, sshd_config, users, sudoers drop-ins) is theirs alone and removed by the
// destructors; nothing touches the machine's own sshd. Processes are started with posix_spawn, never
// through a shell. Not thread-safe: one test thread owns each object.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "base/status.h"

namespace shipshape::testing {

inline constexpr const char* kSshdPath = "/usr/sbin/sshd";

// Why the harness cannot run here ("not root", "/usr/sbin/sshd is missing", ...), or "" when it can.
// Tests call GTEST_SKIP() << reason when it is not empty.
std::string LoopbackSshdSkipReason();

// One sshd on 127.0.0.1:port() with its own host key, config and client key pair. Every local
// account may log in with the client key (authorized_keys lives in the harness folder, so no home
// directory is touched); root with PermitRootLogin prohibit-password.
class LoopbackSshd {
 public:
  // Generates the keys, writes sshd_config, starts `sshd -D -e -f CONFIG` on a free port and waits
  // (at most a few seconds) until the port accepts connections. Fails with sshd's own log otherwise.
  static Result<std::unique_ptr<LoopbackSshd>> Start();
  ~LoopbackSshd();  // SIGTERM, waitpid, removes the folder
  LoopbackSshd(const LoopbackSshd&) = delete;
  LoopbackSshd& operator=(const LoopbackSshd&) = delete;

  int port() const { return port_; }
  const std::string& client_key() const { return key_; }
  const std::string& dir() const { return dir_; }
  // sshd's standard error so far (-e): what to print when a login fails.
  std::string Log() const;

  // argv of `ssh` logging in as `user` with the client key, non-interactive and host-key agnostic,
  // followed by `remote` (joined by ssh with spaces and run by the user's login shell on the target).
  std::vector<std::string> SshArgv(const std::string& user, const std::vector<std::string>& remote,
                                   int connect_timeout_seconds = 5) const;

 private:
  LoopbackSshd() = default;
  Status Prepare();
  Status Launch();
  Status WaitUntilListening();
  void Stop();

  std::string dir_;
  std::string key_;
  int port_ = 0;
  pid_t pid_ = -1;
};

// argv of `ssh` to 127.0.0.1:port as user with key (shared by LoopbackSshd and BlackHole tests).
std::vector<std::string> LoopbackSshArgv(int port, const std::string& key, const std::string& user,
                                         const std::vector<std::string>& remote, int connect_timeout_seconds);

// A temporary local account (useradd -m, shell /bin/sh, no password but not locked, so key login
// works without PAM). Named shipshape-t-<pid>-<suffix>; with `sudo`, a drop-in
// /etc/sudoers.d/<name> grants passwordless sudo. The destructor removes both (userdel -r).
class TempUser {
 public:
  static Result<std::unique_ptr<TempUser>> Create(const std::string& suffix, bool sudo);
  ~TempUser();
  TempUser(const TempUser&) = delete;
  TempUser& operator=(const TempUser&) = delete;

  const std::string& name() const { return name_; }
  uid_t uid() const { return uid_; }

 private:
  TempUser() = default;
  std::string name_;
  std::string sudoers_;  // drop-in path, empty without sudo
  uid_t uid_ = 0;
};

// A TCP listener on 127.0.0.1 that accepts connections and never sends a byte: an SSH server that
// hangs after the handshake (the client's ConnectTimeout covers the banner exchange).
class BlackHole {
 public:
  static Result<std::unique_ptr<BlackHole>> Start();
  ~BlackHole();  // stops the accept thread, closes every connection
  BlackHole(const BlackHole&) = delete;
  BlackHole& operator=(const BlackHole&) = delete;

  int port() const { return port_; }
  int accepted() const { return accepted_.load(); }

 private:
  BlackHole() = default;
  void AcceptLoop();

  int listen_fd_ = -1;
  int stop_pipe_[2] = {-1, -1};
  int port_ = 0;
  std::atomic<int> accepted_{0};
  std::vector<int> conns_;  // owned by the accept thread until it is joined
  std::thread thread_;
};

// What the remote-collection tests share: one sshd, a user with passwordless sudo and one without.
// Members are destroyed bottom-up: the server stops before its users are removed.
struct LoopbackSetup {
  std::unique_ptr<TempUser> sudo_user;
  std::unique_ptr<TempUser> plain_user;
  std::unique_ptr<LoopbackSshd> sshd;
};
Result<std::unique_ptr<LoopbackSetup>> StartLoopbackSetup();

}  // namespace shipshape::testing
