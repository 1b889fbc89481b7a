// `shipshape collect TARGET -o SNAPSHOT`: take a snapshot and write it as a folder or .tar.gz.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "collect/local_collector.h"

namespace shipshape {

int RunCollectCommand(int argc, char** argv) {
  std::string target = "local", output;
  ArgParser args("collect", "Take a snapshot of a target (default: this machine).");
  args.Positional("target", &target, "'local' (this machine)", false);
  args.Option("-o,--output", &output, "snapshot folder, or FILE.tar.gz (required)");
  bool help = false;
  Status st = args.Parse(argc, argv, &help);
  if (help) return kExitOk;
  if (!st.ok() || output.empty()) {
    std::cerr << "shipshape collect: " << (st.ok() ? "-o SNAPSHOT is required" : st.message()) << "\n";
    return kExitUsage;
  }
  if (target != "local") {
    std::cerr << "shipshape collect: " << target << ": only 'local' is supported by this build\n";
    return kExitUnreachable;
  }
  auto snap = CollectLocal();
  if (!snap.ok()) {
    std::cerr << "shipshape collect: " << snap.status().ToString() << "\n";
    return kExitUnreachable;
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
