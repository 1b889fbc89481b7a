// nginx configuration syntax: tokens, blocks and `include` (with globs, relative to /etc/nginx),
// read from a snapshot into a tree of directives that keep their file and line.
#pragma once

#include <memory>
#include <set>
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

struct NginxIssue {
  std::string file;
  int line = 0;
  std::string message;
  bool warning = false;  // a missing include: a note, not a syntax error
};

struct NginxReadOptions {
  std::string root;    // folder relative includes start from: "/etc/nginx", or a stack's "/nginx"
  bool stack = false;  // a stack folder: "/etc/nginx/X" not in the folder is looked for as root + "/X"
};

struct NginxTree {
  std::vector<NginxDirective> directives;
  std::set<std::string> files;  // every file read: the configs and everything they include
  std::vector<NginxIssue> issues;
};

// Reads `paths` one after another as one directive list (several conf.d files of an implicit root),
// expanding includes. Never fails: syntax errors and missing includes are in `issues`.
NginxTree ReadNginxTree(const Snapshot& snap, const std::vector<std::string>& paths, const NginxReadOptions& opts);

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
