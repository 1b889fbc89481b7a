// The `backup_evidence` table: backup-tool invocations found in cron lines, scripts and systemd timers.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "facts/fact_db.h"
#include "parse/backup_detect.h"
#include "snapshot/snapshot.h"

namespace shipshape {

// Writes backup_evidence rows for one host, each invocation (file, line, tool) once.
class EvidenceSink {
 public:
  explicit EvidenceSink(FactSink& out) : out_(out) {}
  // Hits at depth 0 are of `kind` ('cron', 'script' or 'timer'); those found in scripts the
  // scanned text runs are 'script'.
  void Add(const std::vector<BackupHit>& hits, std::string_view kind);
  // A timer whose unit name says backup but whose command could not be read.
  void AddNamedTimer(std::string tool, std::string detail, int line);

 private:
  FactSink& out_;
  std::set<std::string> seen_;
};

// Every collected shell script (*.sh, or a #! line naming a shell), scanned as 'script'.
void ScanCollectedScripts(const Snapshot& snap, EvidenceSink& evidence);

// Timers of cmd/systemctl-timers.out whose timer or service name contains backup, restic, borg or
// dump: the ExecStart= lines of the service when its unit file was collected ('timer'), else one
// row naming the units. Malformed lines are the timers parser's to report.
void ScanBackupTimers(const Snapshot& snap, EvidenceSink& evidence);

// A stack folder: the ExecStart= lines of the service units its *.timer files activate ('timer'),
// scripts they name resolved into the folder (see ResolveStackPath).
void ScanStackTimers(const Snapshot& snap, EvidenceSink& evidence);

}  // namespace shipshape
