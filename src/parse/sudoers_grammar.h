// The sudoers grammar, as far as an audit needs it: logical lines and what one line grants.
// Pure text in, structs out; no snapshot, no facts. See sudoers(5).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shipshape {

// One logical line: physical lines joined where one ends in a backslash. `line` is the 1-based
// number of its first physical line. Comment-only lines never continue (as in sudo's lexer).
struct SudoersLine {
  int line = 0;
  std::string text;
};
std::vector<SudoersLine> SudoersLogicalLines(std::string_view text);

// Commands that share one Runas and one NOPASSWD state, in the order written.
struct SudoersCommands {
  std::optional<std::string> runas;  // text inside ( ) as written: "ALL:ALL", "root"; none = root
  bool nopasswd = false;
  std::vector<std::string> commands;  // "/usr/bin/docker", "ALL", "SERVICES" (an alias), "!/bin/su"
};

enum class SudoersKind {
  kNothing,     // blank, comment, Defaults
  kRule,        // user host = (runas) TAGS: commands
  kAlias,       // User_Alias / Runas_Alias / Host_Alias / Cmnd_Alias NAME = …
  kInclude,     // @include FILE or #include FILE
  kIncludeDir,  // @includedir DIR or #includedir DIR
  kInvalid,
};

struct SudoersEntry {
  SudoersKind kind = SudoersKind::kNothing;
  std::string error;  // kInvalid: what was expected (never quotes the line)
  // kRule
  std::vector<std::string> principals;  // "root", "%sudo", "#1000", "ADMINS"
  std::string hosts;                    // "ALL", "web1, web2"
  std::vector<SudoersCommands> groups;
  // kAlias: the keyword as written (Cmnd_Alias) and each NAME = definition it declares.
  std::string alias_type;
  std::vector<std::pair<std::string, std::string>> aliases;
  // kInclude, kIncludeDir
  std::string path;
};

// Parses one logical line.
SudoersEntry ParseSudoersLine(std::string_view text);

// Whether sudo reads this file from an @includedir: names with a '.' or ending in '~' are skipped.
bool SudoersIncludeDirReads(std::string_view file_name);

}  // namespace shipshape
