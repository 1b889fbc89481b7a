// Shared libFuzzer harness: the fuzzed bytes become one file or command output of a snapshot,
// which then goes through every parser and deriver, as in a real audit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "facts/registry.h"
#include "snapshot/snapshot.h"

namespace shipshape {

// A snapshot for the fuzzed bytes to go into (host "fuzz", collected 2026-06-14).
inline Snapshot FuzzSnapshot() {
  Snapshot snap;
  snap.meta().host = "fuzz";
  snap.meta().collected_at = "2026-06-14T10:00:00Z";
  return snap;
}

// Loads the snapshot through every parser and deriver, as an audit does.
inline int LoadAndDerive(const Snapshot& snap) {
  auto db = FactDb::Create(AuditClock::FromEpoch(1781431200));
  if (!db.ok()) return 0;
  Diagnostics diags;
  LoadSnapshotFacts(**db, snap, diags);
  (void)RunDerivers(**db, diags);
  return 0;
}

// `input` is "/etc/ssh/sshd_config" (a file) or "cmd/sshd-T.out" (a command's output, exit 0).
inline int FuzzOneInput(const uint8_t* data, size_t size, const std::string& input) {
  Snapshot snap = FuzzSnapshot();
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (input.rfind("cmd/", 0) == 0) {
    std::string name = input.substr(4, input.size() - 8);
    snap.PutCommand(name, bytes, 0);
  } else {
    snap.PutFile(input, bytes);
  }
  return LoadAndDerive(snap);
}

}  // namespace shipshape

// One line per fuzzer: SHIPSHAPE_FUZZ_INPUT("/etc/os-release")
#define SHIPSHAPE_FUZZ_INPUT(input)                                         \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { \
    return shipshape::FuzzOneInput(data, size, input);                      \
  }
