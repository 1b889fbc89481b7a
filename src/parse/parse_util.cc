// Shared parser helpers.
#include "parse/parse_util.h"

#include "base/strings.h"

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

std::vector<std::string> MainAndDropIns(const Snapshot& snap, std::string_view main, std::string_view drop_in_dir,
                                        std::string_view suffix) {
  std::vector<std::string> files;
  if (snap.File(main)) files.emplace_back(main);
  for (const std::string& path : snap.FilesUnder(drop_in_dir)) {
    std::string_view name = std::string_view(path).substr(drop_in_dir.size());
    if (EndsWith(name, suffix) && name.find('/') == std::string_view::npos) files.push_back(path);
  }
  return files;
}

}  // namespace shipshape
