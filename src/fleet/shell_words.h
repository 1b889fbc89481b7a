// Splitting a string into words as a POSIX shell does, without any expansion and without a shell.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace shipshape {

// Words separated by blanks and newlines; '...' is literal; inside "..." a backslash escapes only
// $ ` " \ and newline (a backslash-newline is removed); outside quotes a backslash quotes the next
// character and a backslash-newline is removed. `$(…)`, `$VAR`, globs, ';', '|' are plain characters.
// With `comments`, a '#' that starts a word starts a comment up to the end of the line (how Ansible
// reads INI host lines). Errors (an unterminated quote, a trailing backslash) carry no file or line
// and never quote the input.
Result<std::vector<std::string>> SplitShellWords(std::string_view text, bool comments = false);

}  // namespace shipshape
