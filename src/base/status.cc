// Formatting of Status values.
#include "base/status.h"

namespace shipshape {

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out;
  if (!file_.empty()) {
    out += file_;
    if (line_ > 0) out += ":" + std::to_string(line_);
    out += ": ";
  }
  out += message_;
  return out;
}

}  // namespace shipshape
