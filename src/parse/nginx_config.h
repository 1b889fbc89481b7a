// nginx configuration syntax: tokens, blocks and `include` (with globs, relative to /etc/nginx),
// read from a snapshot into a tree of directives that keep their file and line.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "facts/fact_db.h"
#include "snapshot/snapshot.h"

namespace shipshape {

struct NginxDirective {
  std::string name;
  std::vector<std::string> args;  // quotes removed
  std::string file;
  int line = 0;
  bool block = false;  // has { … }
  std::vector<NginxDirective> children;
};

// Parses `path` and every file it includes. Errors go to `out` (category "web") with file and line;
// what could be read is still returned. `root` is the directory relative includes start from.
std::vector<NginxDirective> ReadNginxConfig(const Snapshot& snap, const std::string& path, const std::string& root,
                                            FactSink& out);

// Parses one file's text without includes (for tests and fuzzing); errors go to *errors.
struct NginxSyntaxError {
  int line;
  std::string message;
};
std::vector<NginxDirective> ParseNginxText(const std::string& text, const std::string& file,
                                           std::vector<NginxSyntaxError>* errors);

// Shell-style match of `path` against `pattern` (`*` and `?` do not cross '/').
bool GlobMatch(const std::string& pattern, const std::string& path);

}  // namespace shipshape
