// Registries of parsers (snapshot → rows, per host) and derivers (rows → derived rows, per fleet).
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/status.h"
#include "facts/fact_db.h"
#include "snapshot/snapshot.h"

namespace shipshape {

// A parser reads one concern of a snapshot (sshd, ufw, docker inspect, …) and writes rows.
// It never fails the audit: bad input becomes FactSink::Error and the parser carries on.
using ParserFn = void (*)(const Snapshot& snap, FactSink& out);

struct ParserInfo {
  std::string name;         // "sshd", "ufw", …
  std::string description;  // one line, for docs
  ParserFn fn;
  std::string category;     // scorecard category its facts decide ("ssh"), for docs and tests
  // What it reads: "/etc/ssh/sshd_config" for a file, "cmd/sshd-T.out" for a command's output.
  // The garbage-input test feeds each one damaged input and expects file:line and Unknown.
  std::vector<std::string> inputs;
};

// A deriver runs once over the whole fleet after every snapshot is loaded (exposure, software).
using DeriverFn = Status (*)(FactDb& db, Diagnostics& diags);

struct DeriverInfo {
  std::string name;
  std::string description;
  DeriverFn fn;
  int order = 0;  // lower runs first; a deriver reading another's table runs after it
};

// Call from a static initialiser: `static const bool kRegistered = RegisterParser({...});`
bool RegisterParser(ParserInfo info);
bool RegisterDeriver(DeriverInfo info);
std::vector<const ParserInfo*> AllParsers();    // sorted by name
std::vector<const DeriverInfo*> AllDerivers();  // sorted by order, then name

// Loads one snapshot into the database: its `hosts` row, then every parser.
void LoadSnapshotFacts(FactDb& db, const Snapshot& snap, Diagnostics& diags);
// Runs every deriver over the database (after all snapshots are loaded).
Status RunDerivers(FactDb& db, Diagnostics& diags);

}  // namespace shipshape
