// `shipshape collect TARGET -o SNAPSHOT`: take a snapshot and write it as a folder or .tar.gz.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/targets.h"
#include "collect/local_collector.h"
#include "snapshot/snapshot.h"

namespace shipshape {
namespace {

// This machine, one remote host (user@host, ssh://[user@]host[:port], host), or a stack folder
// (a deployment folder read in place and stored as a snapshot: stack/stack_folder.h).
Result<Snapshot> CollectTarget(const std::string& target, const RemoteOptions& remote) {
  if (target == "local") return CollectLocal();
  Diagnostics unused;
  ResolvedTargets resolved = ResolveTargets({target}, remote, &unused);
  if (!resolved.failed.empty()) return Status::Error(StatusCode::kUnreachable, resolved.failed.front());
  std::optional<Snapshot> snap = resolved.source();
  if (!snap || (snap->meta().method != "ssh" && snap->meta().method != "stack")) {
    return Status::Error(StatusCode::kUsage,
                         target + ": not a remote host, a stack folder or 'local' (a snapshot is collected already)");
  }
  return std::move(*snap);
}

}  // namespace

int RunCollectCommand(int argc, char** argv) {
  std::string target = "local", output;
  RemoteOptions remote;
  ArgParser args("collect", "Take a snapshot of a target (default: this machine).");
  args.Positional("target", &target,
                  "'local' (this machine), user@host, ssh://[user@]host[:port], host, or a stack folder", false);
  args.Option("-o,--output", &output, "snapshot folder, or FILE.tar.gz (required)");
  AddRemoteOptions(args, &remote);
  bool help = false;
  Status st = args.Parse(argc, argv, &help);
  if (help) return kExitOk;
  if (st.ok()) st = CheckRemoteOptions(remote);
  if (!st.ok() || output.empty()) {
    std::cerr << "shipshape collect: " << (st.ok() ? "-o SNAPSHOT is required" : st.message()) << "\n";
    return kExitUsage;
  }
  auto snap = CollectTarget(target, remote);
  if (!snap.ok()) {
    std::cerr << "shipshape collect: " << snap.status().message() << "\n";
    return snap.status().code() == StatusCode::kUsage ? kExitUsage : kExitUnreachable;
  }
  Status w = WriteSnapshot(*snap, output);
  if (!w.ok()) {
    std::cerr << "shipshape collect: " << w.ToString() << "\n";
    return kExitUsage;
  }
  std::cerr << "shipshape collect: wrote " << output << " (" << snap->files().size() << " files, "
            << snap->commands().size() << " commands)\n";
  return kExitOk;
}

}  // namespace shipshape
