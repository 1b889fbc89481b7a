// Shared parser helpers.
#include "parse/parse_util.h"

namespace shipshape {

std::string Unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    char q = s.front();
    std::string out;
    for (size_t i = 1; i + 1 < s.size(); ++i) {
      if (q == '"' && s[i] == '\\' && i + 2 < s.size()) {
        out += s[++i];
      } else {
        out += s[i];
      }
    }
    return out;
  }
  return std::string(s);
}

}  // namespace shipshape
