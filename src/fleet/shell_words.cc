// POSIX shell word splitting (quotes and backslashes only; no expansion, no shell).
#include "fleet/shell_words.h"

namespace shipshape {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Reads a '...' quote starting after the opening quote; returns the index after the closing one.
Result<size_t> ReadSingle(std::string_view s, size_t i, std::string& word) {
  size_t end = s.find('\'', i);
  if (end == std::string_view::npos) return Status::Invalid("unterminated single quote");
  word.append(s.substr(i, end - i));
  return end + 1;
}

// Reads a "..." quote starting after the opening quote; returns the index after the closing one.
Result<size_t> ReadDouble(std::string_view s, size_t i, std::string& word) {
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') return i + 1;
    if (c == '\\' && i + 1 < s.size()) {
      char n = s[i + 1];
      if (n == '\n') {
        ++i;
        continue;
      }
      if (n == '$' || n == '`' || n == '"' || n == '\\') {
        word += n;
        ++i;
        continue;
      }
    }
    word += c;
  }
  return Status::Invalid("unterminated double quote");
}

}  // namespace

Result<std::vector<std::string>> SplitShellWords(std::string_view s, bool comments) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (IsBlank(c)) {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
      ++i;
    } else if (c == '#' && comments && !in_word) {
      size_t nl = s.find('\n', i);
      i = nl == std::string_view::npos ? s.size() : nl;
    } else if (c == '\\') {
      if (i + 1 >= s.size()) return Status::Invalid("backslash at end of input");
      if (s[i + 1] != '\n') {
        word += s[i + 1];
        in_word = true;
      }
      i += 2;
    } else if (c == '\'' || c == '"') {
      Result<size_t> next = c == '\'' ? ReadSingle(s, i + 1, word) : ReadDouble(s, i + 1, word);
      if (!next.ok()) return next.status();
      in_word = true;
      i = *next;
    } else {
      word += c;
      in_word = true;
      ++i;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

}  // namespace shipshape
