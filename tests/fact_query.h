// Test helpers: load snapshots into a fact database and read query results as strings.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "facts/fact_db.h"
#include "pipeline/audit_pipeline.h"
#include "snapshot/snapshot.h"

namespace shipshape::testing {

using Rows = std::vector<std::vector<std::string>>;

// A snapshot with meta filled in (host, collected_at 2026-06-14T10:00:00Z, fixture, privileged).
Snapshot MakeSnapshot(const std::string& host = "h");

// A deployment folder's snapshot as the stack reader makes it: method "stack", not privileged.
Snapshot MakeStackSnapshot(const std::string& host);

// Every diagnostic as Diagnostic::ToString() ("host: file:line: message"), in order.
std::vector<std::string> Messages(const Diagnostics& diags);
// Every diagnostic as "file:line: message", in order.
std::vector<std::string> FileLineMessages(const Diagnostics& diags);

// Loads the snapshots (parsers and derivers) with the clock at 2026-06-14T10:00:00Z.
// Diagnostics go to *diags when given.
std::unique_ptr<FactDb> LoadFactsOrDie(std::vector<Snapshot> snaps, Diagnostics* diags = nullptr);

// Runs SQL and returns every row, every value as text (NULL as "NULL"). Fails the test on SQL error.
Rows Query(FactDb& db, const std::string& sql);

// Reads a file of the repository or of the shared corpus; fails the test when missing.
std::string ReadTestFile(const std::string& path);

}  // namespace shipshape::testing
