// shipshape: audits Linux servers and deployment stacks and writes the hardening plan.
// This file only dispatches to the subcommands of cli/commands.cc.
#include <iostream>
#include <string>

#include "cli/commands.h"

namespace {

void PrintUsage() {
  std::cout << "usage: shipshape COMMAND [options]\n\ncommands:\n";
  for (const auto& c : shipshape::AllCommands()) {
    std::cout << "  " << c.name << std::string(10 - c.name.size(), ' ') << c.summary << "\n";
  }
  std::cout << "\n`shipshape COMMAND --help` tells more. Without a command, `shipshape audit` of this machine.\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    char audit[] = "audit";
    char* args[] = {audit, nullptr};
    return shipshape::RunAuditCommand(1, args);
  }
  std::string name = argv[1];
  if (name == "-h" || name == "--help" || name == "help") {
    PrintUsage();
    return shipshape::kExitOk;
  }
  for (const auto& c : shipshape::AllCommands()) {
    if (c.name == name) return c.run(argc - 1, argv + 1);
  }
  std::cerr << "shipshape: unknown command '" << name << "'";
  std::string suggestion = shipshape::SuggestCommand(name);
  if (!suggestion.empty()) std::cerr << "; did you mean '" << suggestion << "'?";
  std::cerr << "\n";
  return shipshape::kExitUsage;
}
