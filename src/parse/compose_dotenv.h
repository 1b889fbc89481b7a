// The dotenv files Compose reads (the project's .env, env_file entries): KEY=value lines with
// `export`, comments and quotes, as raw values ready for interpolation.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape::compose {

struct DotenvLine {
  std::string key;
  std::string raw;       // the value without its quotes
  bool literal = false;  // single-quoted: no interpolation
  bool bare = false;     // a line "KEY" without '=': the value comes from the environment
  int line = 0;          // 1-based line of the key
};

// Reads every assignment; lines that are not one (and unterminated quotes) are skipped: the
// env-files parser reports them.
std::vector<DotenvLine> ReadDotenv(std::string_view text);

// The project's variables from its .env: values interpolated from the variables above them, and
// the value of a secret-like key (or a value that is a redaction token) held as its redaction
// token "[REDACTED class=C len=N]", so that no secret ever leaves this map.
std::map<std::string, std::string, std::less<>> ProjectVariables(std::string_view dotenv_text);

// The value as the parsers may hold it: a redaction token for a secret, else the value itself.
std::string SafeValue(std::string_view key, std::string_view value);

}  // namespace shipshape::compose
