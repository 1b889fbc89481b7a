// Local collection. The collector runs as `sh -s -- DIR` with the script on standard input:
// the argument vector is fixed, so nothing from the user reaches a shell on the controller.
#include "collect/local_collector.h"

#include "base/embedded.h"
#include "base/file_io.h"
#include "base/process.h"
#include "collect/stat_paths_request.h"

namespace shipshape {

std::string_view CollectorScript() { return EmbeddedFileContent("src/collect/collector.sh"); }

Result<Snapshot> CollectLocal(int timeout_seconds, const std::vector<std::string>& stat_paths) {
  auto dir = MakeTempDir("shipshape-local.");
  if (!dir.ok()) return dir.status();
  auto run = RunProcess({"/bin/sh", "-s", "--", *dir}, CollectorScriptStatting(stat_paths), timeout_seconds);
  if (!run.ok()) {
    RemoveTree(*dir);
    return run.status();
  }
  if (run->timed_out || run->exit_code != 0) {
    RemoveTree(*dir);
    return Status::Error(StatusCode::kUnreachable,
                         run->timed_out ? "local collection timed out"
                                        : "local collector failed with status " + std::to_string(run->exit_code));
  }
  auto snap = LoadSnapshot(*dir);
  RemoveTree(*dir);
  if (snap.ok()) snap->set_origin("local");
  return snap;
}

}  // namespace shipshape
