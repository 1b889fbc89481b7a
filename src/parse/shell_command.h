// Splitting one line of POSIX shell into simple commands (words, assignments, redirections); never runs it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape {

// Variables known while reading a script or crontab: NAME → value (already expanded).
using ShellEnv = std::map<std::string, std::string>;

struct SimpleCommand {
  std::vector<std::string> assigns;    // leading NAME=value words, unquoted and expanded
  std::vector<std::string> words;      // the command and its arguments, unquoted and expanded
  std::vector<std::string> redirects;  // targets of <, >, >>, 2>, &> (here-document delimiters excluded)
  bool pipes_to_next = false;          // a '|' joins it to the next command of the line
};

struct ShellLine {
  std::vector<SimpleCommand> commands;
  // Here-documents opened on this line, in order: their bodies follow on the next lines.
  struct HereDoc {
    std::string delimiter;
    bool strip_tabs = false;  // <<- form: the closing line may be indented with tabs
  };
  std::vector<HereDoc> heredocs;
};

// Splits `line` (continuations already joined) at ; & && || | ( ) and newlines. Quotes and
// backslashes are removed; $NAME, ${NAME} and ${NAME:-default} are replaced when `env` knows
// NAME (not inside single quotes) and kept as written otherwise. $(…) and `…` stay inside their
// word unexpanded. A '#' starting a word ends the line. Unterminated quotes end at the line's end.
ShellLine SplitShellLine(std::string_view line, const ShellEnv& env);

// Replaces the known variables of `text` as SplitShellLine does (for values read from env files).
std::string ExpandVariables(std::string_view text, const ShellEnv& env);

// "/usr/bin/pg_dump" → "pg_dump".
std::string_view BaseName(std::string_view path);

// True for NAME=… where NAME is a shell variable name; sets *name and *value.
bool SplitAssignment(std::string_view word, std::string* name, std::string* value);

// The text begins with a #! line naming sh, bash, dash, ash, ksh or zsh (directly or via env).
bool HasShellShebang(std::string_view text);

// What cron hands to the shell of a crontab command: up to the first unescaped %, with \% as %.
std::string CronShellPart(std::string_view command);

}  // namespace shipshape
