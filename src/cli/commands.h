// The table of subcommands. Each subcommand lives in its own file (cli/<name>_command.cc).
#pragma once

#include <string>
#include <vector>

namespace shipshape {

// Exit codes (DESIGN.md): 0 clean, 1 findings at or above --fail-on, 2 usage or input error,
// 3 a target could not be collected (other targets still reported).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitUnreachable = 3;

struct CommandInfo {
  std::string name;
  std::string summary;
  int (*run)(int argc, char** argv);  // argv[0] is the subcommand name
};

const std::vector<CommandInfo>& AllCommands();
// The closest command name to a typo, or "" when nothing is close.
std::string SuggestCommand(const std::string& typo);

int RunAuditCommand(int argc, char** argv);
int RunCollectCommand(int argc, char** argv);
int RunQueryCommand(int argc, char** argv);
int RunTablesCommand(int argc, char** argv);
int RunRulesCommand(int argc, char** argv);
int RunHistoryCommand(int argc, char** argv);
int RunDiffCommand(int argc, char** argv);
int RunMapCommand(int argc, char** argv);
int RunPlanCommand(int argc, char** argv);
int RunStatusCommand(int argc, char** argv);

}  // namespace shipshape
