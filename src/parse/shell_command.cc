// Reading POSIX shell text: one line split into simple commands (words, assignments, redirections), a
// script's #! line, the shell part of a crontab command; never runs anything.
#include "parse/shell_command.h"

#include <algorithm>

#include "base/strings.h"

namespace shipshape {
namespace {

bool IsNameStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }
// Longest word expansion builds: `A="$A$A"` repeated would otherwise double a value each line.
constexpr size_t kMaxWord = 64 * 1024;

bool Fits(const std::string& out, const std::string& value) { return out.size() + value.size() <= kMaxWord; }

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool EndsWord(char c) {
  return IsBlank(c) || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>';
}

// Copies "$(…)" or "`…`" starting at `pos` unexpanded; returns the position after it.
size_t CopySubstitution(std::string_view s, size_t pos, std::string* out) {
  if (s[pos] == '`') {
    size_t end = pos + 1;
    while (end < s.size() && s[end] != '`') end += s[end] == '\\' ? 2 : 1;
    end = std::min(end + 1, s.size());
    out->append(s.substr(pos, end - pos));
    return end;
  }
  int depth = 0;
  size_t end = pos + 1;
  for (; end < s.size(); ++end) {
    if (s[end] == '(') ++depth;
    if (s[end] == ')' && --depth == 0) break;
  }
  end = std::min(end + 1, s.size());
  out->append(s.substr(pos, end - pos));
  return end;
}

// ${NAME}, ${NAME:-default}, ${NAME-default}; other forms are kept as written when NAME is unknown.
size_t ExpandBraced(std::string_view s, size_t pos, const ShellEnv& env, std::string* out) {
  size_t close = s.find('}', pos + 2);
  if (close == std::string_view::npos) {
    out->append(s.substr(pos));
    return s.size();
  }
  std::string_view inner = s.substr(pos + 2, close - pos - 2);
  size_t n = 0;
  while (n < inner.size() && IsNameChar(inner[n])) ++n;
  std::string name(inner.substr(0, n));
  std::string_view op = inner.substr(n);
  auto it = env.find(name);
  bool colon_default = op.substr(0, 2) == ":-", plain_default = !op.empty() && op[0] == '-';
  if (it != env.end() && !(colon_default && it->second.empty()) && Fits(*out, it->second)) {
    out->append(it->second);
  } else if (colon_default || plain_default) {
    out->append(ExpandVariables(op.substr(colon_default ? 2 : 1), env));
  } else {
    out->append(s.substr(pos, close + 1 - pos));
  }
  return close + 1;
}

// Expands the '$' at `pos`; returns the position after what it consumed.
size_t ExpandAt(std::string_view s, size_t pos, const ShellEnv& env, std::string* out) {
  if (pos + 1 >= s.size()) {
    out->push_back('$');
    return pos + 1;
  }
  if (s[pos + 1] == '(') return CopySubstitution(s, pos, out);
  if (s[pos + 1] == '{') return ExpandBraced(s, pos, env, out);
  if (!IsNameStart(s[pos + 1])) {
    out->push_back('$');
    return pos + 1;
  }
  size_t end = pos + 1;
  while (end < s.size() && IsNameChar(s[end])) ++end;
  auto it = env.find(std::string(s.substr(pos + 1, end - pos - 1)));
  bool known = it != env.end() && Fits(*out, it->second);
  out->append(known ? std::string_view(it->second) : s.substr(pos, end - pos));
  return end;
}

class Splitter {
 public:
  Splitter(std::string_view s, const ShellEnv& env) : s_(s), env_(env) {}
  ShellLine Run();

 private:
  enum class Pending { kNone, kRedirect, kHereDoc, kHereDocTabs };
  std::string ReadWord();
  size_t ReadDoubleQuoted(size_t pos, std::string* out);
  void ReadRedirect();
  void AddWord(std::string word, size_t start);
  void Finish(bool pipe);

  std::string_view s_;
  const ShellEnv& env_;
  size_t pos_ = 0;
  ShellLine line_;
  SimpleCommand cur_;
  Pending pending_ = Pending::kNone;
};

// The main loop is one switch over the operator characters; words go to ReadWord.
ShellLine Splitter::Run() {
  while (pos_ < s_.size()) {
    char c = s_[pos_];
    char next = pos_ + 1 < s_.size() ? s_[pos_ + 1] : '\0';
    if (IsBlank(c)) {
      ++pos_;
    } else if (c == '#') {
      break;
    } else if (c == '\n' || c == ';' || c == '(' || c == ')') {
      Finish(false);
      ++pos_;
    } else if (c == '&' && next == '>') {
      ++pos_;
      ReadRedirect();
    } else if (c == '&' || c == '|') {
      bool pipe = c == '|' && next != '|';
      Finish(pipe);
      pos_ += (next == c || (c == '|' && next == '&')) ? 2 : 1;
    } else if (c == '<' || c == '>') {
      ReadRedirect();
    } else {
      size_t start = pos_;
      std::string word = ReadWord();
      bool fd = pos_ < s_.size() && (s_[pos_] == '<' || s_[pos_] == '>') &&
                word.find_first_not_of("0123456789") == std::string::npos && pos_ - start == word.size();
      if (!fd) AddWord(std::move(word), start);
    }
  }
  Finish(false);
  return std::move(line_);
}

std::string Splitter::ReadWord() {
  std::string out;
  while (pos_ < s_.size() && !EndsWord(s_[pos_])) {
    char c = s_[pos_];
    if (c == '\\') {
      if (pos_ + 1 < s_.size()) out.push_back(s_[pos_ + 1]);
      pos_ += 2;
    } else if (c == '\'') {
      size_t close = s_.find('\'', pos_ + 1);
      if (close == std::string_view::npos) close = s_.size();
      out.append(s_.substr(pos_ + 1, close - pos_ - 1));
      pos_ = close + 1;
    } else if (c == '"') {
      pos_ = ReadDoubleQuoted(pos_ + 1, &out);
    } else if (c == '$') {
      pos_ = ExpandAt(s_, pos_, env_, &out);
    } else if (c == '`') {
      pos_ = CopySubstitution(s_, pos_, &out);
    } else {
      out.push_back(c);
      ++pos_;
    }
  }
  pos_ = std::min(pos_, s_.size());
  return out;
}

size_t Splitter::ReadDoubleQuoted(size_t pos, std::string* out) {
  while (pos < s_.size() && s_[pos] != '"') {
    char c = s_[pos];
    if (c == '\\' && pos + 1 < s_.size() && std::string_view("$`\"\\").find(s_[pos + 1]) != std::string_view::npos) {
      out->push_back(s_[pos + 1]);
      pos += 2;
    } else if (c == '$') {
      pos = ExpandAt(s_, pos, env_, out);
    } else if (c == '`') {
      pos = CopySubstitution(s_, pos, out);
    } else {
      out->push_back(c);
      ++pos;
    }
  }
  return pos + 1;
}

void Splitter::ReadRedirect() {
  std::string_view rest = s_.substr(pos_);
  pending_ = Pending::kRedirect;
  if (rest.substr(0, 3) == "<<<") {
    pos_ += 3;
  } else if (rest.substr(0, 3) == "<<-") {
    pending_ = Pending::kHereDocTabs;
    pos_ += 3;
  } else if (rest.substr(0, 2) == "<<") {
    pending_ = Pending::kHereDoc;
    pos_ += 2;
  } else if (rest.size() >= 2 && (rest[1] == '>' || rest[1] == '&' || rest[1] == '|')) {
    pos_ += 2;
  } else {
    pos_ += 1;
  }
}

void Splitter::AddWord(std::string word, size_t start) {
  if (pending_ == Pending::kHereDoc || pending_ == Pending::kHereDocTabs) {
    line_.heredocs.push_back({std::move(word), pending_ == Pending::kHereDocTabs});
  } else if (pending_ == Pending::kRedirect) {
    cur_.redirects.push_back(std::move(word));
  } else {
    // An assignment only when NAME= is written unquoted at the start of the word.
    size_t n = start;
    while (n < s_.size() && IsNameChar(s_[n])) ++n;
    bool assign = cur_.words.empty() && n > start && IsNameStart(s_[start]) && n < s_.size() && s_[n] == '=';
    (assign ? cur_.assigns : cur_.words).push_back(std::move(word));
  }
  pending_ = Pending::kNone;
}

void Splitter::Finish(bool pipe) {
  pending_ = Pending::kNone;
  if (cur_.words.empty() && cur_.assigns.empty() && cur_.redirects.empty()) return;
  cur_.pipes_to_next = pipe;
  line_.commands.push_back(std::move(cur_));
  cur_ = SimpleCommand();
}

}  // namespace

ShellLine SplitShellLine(std::string_view line, const ShellEnv& env) { return Splitter(line, env).Run(); }

std::string ExpandVariables(std::string_view text, const ShellEnv& env) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == '$') {
      pos = ExpandAt(text, pos, env, &out);
    } else {
      out.push_back(text[pos++]);
    }
  }
  return out;
}

std::string_view BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool SplitAssignment(std::string_view word, std::string* name, std::string* value) {
  if (word.empty() || !IsNameStart(word[0])) return false;
  size_t n = 1;
  while (n < word.size() && IsNameChar(word[n])) ++n;
  if (n >= word.size() || word[n] != '=') return false;
  *name = std::string(word.substr(0, n));
  *value = std::string(word.substr(n + 1));
  return true;
}

bool HasShellShebang(std::string_view text) {
  if (!StartsWith(text, "#!")) return false;
  auto words = SplitWhitespace(text.substr(2, text.find('\n') - 2));
  if (words.empty()) return false;
  std::string_view interpreter = BaseName(words[0]);
  if (interpreter == "env" && words.size() > 1) interpreter = words[1];
  for (std::string_view shell : {"sh", "bash", "dash", "ash", "ksh", "zsh"}) {
    if (interpreter == shell) return true;
  }
  return false;
}

std::string CronShellPart(std::string_view command) {
  std::string out;
  for (size_t i = 0; i < command.size(); ++i) {
    if (command[i] == '%') break;
    if (command[i] == '\\' && i + 1 < command.size() && command[i + 1] == '%') ++i;
    out.push_back(command[i]);
  }
  return out;
}

}  // namespace shipshape
