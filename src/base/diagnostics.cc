// Diagnostics collection and formatting.
#include "base/diagnostics.h"

namespace shipshape {

std::string Diagnostic::ToString() const {
  std::string out;
  if (!host.empty()) out += host + ": ";
  out += file;
  if (line > 0) out += ":" + std::to_string(line);
  out += ": " + message;
  return out;
}

void Diagnostics::Add(std::string host, std::string file, int line, std::string message) {
  items_.push_back({std::move(host), std::move(file), line, std::move(message)});
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

}  // namespace shipshape
