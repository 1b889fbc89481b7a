// The sshd_config keyword table (OpenSSH 9.x servconf.c): canonical names, aliases, how values merge.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape {

// How sshd combines several occurrences of a keyword in the global section.
enum class SshdMerge {
  kFirst,      // the first value obtained wins (most keywords); several arguments are one value
  kEach,       // every argument of every line adds a value (AllowUsers, AcceptEnv, HostKey)
  kFirstEach,  // the first line wins, each of its arguments is a value (SetEnv)
  kLast,       // every line overwrites (MaxStartups, IPQoS, StreamLocalBindMask, FingerprintHash)
  kPort,       // Port: accumulates, one number per line
  kListen,     // ListenAddress: accumulates, expanded over the ports like `sshd -T`
  kSubsystem,  // the first definition of each subsystem name wins
  kIgnored,    // deprecated or unsupported: sshd logs and ignores it
  kInclude,
  kMatch,
};

// What a value must look like; sshd refuses to start otherwise.
enum class SshdValue {
  kText,   // anything, kept as written (paths, patterns, algorithm lists)
  kFlag,   // yes | no, stored lowercase
  kEnum,   // one of `choices`, stored lowercase and canonical (all → yes, without-password → prohibit-password)
  kInt,    // a decimal integer
  kTime,   // a time (90, 2m, 1h30m), stored in seconds like `sshd -T` prints it
  kUpper,  // a name stored uppercase like `sshd -T` prints it (LogLevel INFO, SyslogFacility AUTH)
};

struct SshdKeyword {
  std::string_view name;       // canonical lowercase name, as `sshd -T` prints it
  bool match_ok;               // allowed inside a Match block
  SshdMerge merge;
  SshdValue value;
  std::vector<std::string_view> choices;  // kEnum: accepted values (lowercase)
};

// Looks a keyword up case-insensitively, resolving aliases (ChallengeResponseAuthentication →
// kbdinteractiveauthentication). nullptr for an unknown keyword.
const SshdKeyword* FindSshdKeyword(std::string_view name);

// Checks and normalizes one value of a keyword of kind kFlag/kEnum/kInt/kTime/kUpper; nullopt
// when sshd would refuse it. kText values come back unchanged.
std::optional<std::string> NormalizeSshdValue(const SshdKeyword& kw, std::string_view value);

// OpenSSH's convtime: "90" → 90, "2m" → 120, "1h30m" → 5400; nullopt when malformed.
std::optional<int64_t> SshdTimeSeconds(std::string_view text);

}  // namespace shipshape
