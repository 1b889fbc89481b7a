// Diagnostics: the non-fatal problems found while reading input (bad lines, unreadable files).
#pragma once

#include <string>
#include <vector>

namespace shipshape {

struct Diagnostic {
  std::string host;
  std::string file;  // path as the target knows it (/etc/ssh/sshd_config), or a cmd/ name
  int line = 0;      // 1-based; 0 when the problem is not tied to a line
  std::string message;
  std::string ToString() const;  // "host: file:line: message"
};

// Collects diagnostics for one audit. Not thread-safe: one per worker, merged afterwards.
class Diagnostics {
 public:
  void Add(std::string host, std::string file, int line, std::string message);
  const std::vector<Diagnostic>& all() const { return items_; }
  bool empty() const { return items_.empty(); }
  void Append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace shipshape
