// Reading sshd_config as sshd does: keywords, quoting, Include (globs, relative to /etc/ssh) and Match.
#include "parse/sshd_config_reader.h"

#include <fnmatch.h>

#include <optional>
#include <set>

#include "base/strings.h"

namespace shipshape {
namespace {

constexpr int kMaxIncludeDepth = 16;  // SERVCONF_MAX_DEPTH
constexpr int kMaxIncludedFiles = 1000;  // our bound: includes fanning out must not take forever

struct SplitLine {
  std::string_view keyword;
  std::string_view rest;
};

// sshd's strdelim: the keyword ends at whitespace or '='; one '=' may separate it from the value.
SplitLine SplitKeyword(std::string_view line) {
  line = Trim(line);
  size_t end = 0;
  while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != '=') ++end;
  std::string_view rest = Trim(line.substr(end));
  if (!rest.empty() && rest.front() == '=') rest = Trim(rest.substr(1));
  return {line.substr(0, end), rest};
}

// sshd's argv_split: words split on blanks, "double" and 'single' quotes, backslash escapes; a
// word starting with '#' ends the line. nullopt for an unterminated quote.
std::optional<std::vector<std::string>> SplitArgs(std::string_view text) {
  std::vector<std::string> args;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size() || text[i] == '#') break;
    std::string word;
    char quote = 0;
    for (; i < text.size(); ++i) {
      char c = text[i];
      if (quote == 0 && (c == ' ' || c == '\t')) break;
      if (c == '\\' && i + 1 < text.size() && quote != '\'') {
        word += text[++i];
      } else if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
    }
    if (quote != 0) return std::nullopt;
    args.push_back(std::move(word));
  }
  return args;
}

bool HasGlob(std::string_view s) { return s.find_first_of("*?[") != std::string_view::npos; }

class Reader {
 public:
  Reader(const Snapshot& snap, FactSink& out) : snap_(snap), out_(out) {}

  void ReadFile(const std::string& file, const std::string& text, const std::string& outer, int depth) {
    std::string current = outer;  // a Match in this file ends with the file
    int n = 0;
    for (std::string_view raw : SplitLines(text)) ReadLine(file, ++n, raw, outer, &current, depth);
  }

  SshdConfigText Take() { return std::move(result_); }

 private:
  void Fail(const std::string& file, int line, std::string message) {
    out_.Error("ssh", file, line, std::move(message));
    ++result_.errors;
  }

  void ReadLine(const std::string& file, int n, std::string_view raw, const std::string& outer,
                std::string* current, int depth);
  bool CheckValues(const SshdKeyword& kw, std::vector<std::string>* args, const std::string& file, int n);
  void Match(const std::vector<std::string>& args, const std::string& file, int n, const std::string& outer,
             std::string* current);
  void Include(const std::vector<std::string>& args, const std::string& file, int n, const std::string& current,
               int depth);

  const Snapshot& snap_;
  FactSink& out_;
  SshdConfigText result_;
  int included_ = 0;
  bool stopped_ = false;
};

void Reader::ReadLine(const std::string& file, int n, std::string_view raw, const std::string& outer,
                      std::string* current, int depth) {
  SplitLine split = SplitKeyword(raw);
  if (split.keyword.empty() || split.keyword.front() == '#') return;
  const SshdKeyword* kw = FindSshdKeyword(split.keyword);
  if (!kw) return Fail(file, n, "unknown keyword");
  const std::string name(kw->name);
  auto args = SplitArgs(split.rest);
  if (!args) return Fail(file, n, name + ": unterminated quote");
  if (args->empty()) return Fail(file, n, name + " has no value");
  if (!current->empty() && !kw->match_ok) return Fail(file, n, name + " is not allowed inside a Match block");
  switch (kw->merge) {
    case SshdMerge::kMatch: return Match(*args, file, n, outer, current);
    case SshdMerge::kInclude: return Include(*args, file, n, *current, depth);
    case SshdMerge::kIgnored: return out_.Warn(file, n, name + " is deprecated; sshd ignores it");
    default: break;
  }
  if (!CheckValues(*kw, &*args, file, n)) return;
  result_.directives.push_back({kw, std::move(*args), *current, file, n});
}

bool Reader::CheckValues(const SshdKeyword& kw, std::vector<std::string>* args, const std::string& file, int n) {
  const std::string name(kw.name);
  if (kw.merge == SshdMerge::kPort) {
    auto port = ParseInt((*args)[0]);
    bool numeric = (*args)[0].find_first_not_of("0123456789") == std::string::npos;
    if (args->size() != 1 || (numeric && (!port || *port < 1 || *port > 65535))) {
      Fail(file, n, "port: expected one port number from 1 to 65535");
      return false;
    }
    return true;
  }
  if (kw.value == SshdValue::kText) return true;
  if (args->size() != 1) {
    Fail(file, n, name + " takes exactly one value");
    return false;
  }
  auto value = NormalizeSshdValue(kw, (*args)[0]);
  if (!value) {
    Fail(file, n, "invalid value for " + name);
    return false;
  }
  (*args)[0] = *value;
  return true;
}

void Reader::Match(const std::vector<std::string>& args, const std::string& file, int n, const std::string& outer,
                   std::string* current) {
  static const std::set<std::string> kCriteria = {"user", "group", "host", "address", "localaddress",
                                                  "localport", "rdomain", "invalid-user", "version"};
  if (args.size() == 1 && EqualsIgnoreCase(args[0], "all")) {
    *current = outer;  // "Match all" goes back to what held when the file started
    return;
  }
  for (size_t i = 0; i < args.size(); i += 2) {
    std::string attr = ToLower(args[i]);
    if (attr == "all") return Fail(file, n, "Match all cannot be combined with other criteria");
    if (!kCriteria.count(attr)) return Fail(file, n, "unsupported Match criterion");
    if (i + 1 >= args.size()) return Fail(file, n, "Match " + attr + " needs a value");
  }
  std::string criteria = Join(args, " ");
  *current = outer.empty() ? criteria : outer + " " + criteria;
}

void Reader::Include(const std::vector<std::string>& args, const std::string& file, int n,
                     const std::string& current, int depth) {
  if (stopped_) return;
  if (depth >= kMaxIncludeDepth || included_ >= kMaxIncludedFiles) {
    stopped_ = true;  // sshd stops at the first such error: so do we, which bounds the work
    return Fail(file, n, depth >= kMaxIncludeDepth ? "Include nested too deeply" : "too many included files");
  }
  for (const std::string& arg : args) {
    if (arg.empty()) return Fail(file, n, "include: empty file name");
    std::string pattern = arg.front() == '/' ? arg : "/etc/ssh/" + arg;
    std::vector<std::string> paths;
    if (!HasGlob(pattern)) {
      if (snap_.File(pattern)) paths.push_back(pattern);
    } else {
      size_t slash = pattern.rfind('/', pattern.find_first_of("*?["));
      for (const std::string& p : snap_.FilesUnder(pattern.substr(0, slash + 1))) {
        if (fnmatch(pattern.c_str(), p.c_str(), FNM_PATHNAME) == 0) paths.push_back(p);
      }
    }
    for (const std::string& p : paths) {
      if (stopped_ || ++included_ > kMaxIncludedFiles) break;
      ReadFile(p, *snap_.File(p), current, depth + 1);
    }
  }
}

}  // namespace

SshdConfigText ReadSshdConfig(const Snapshot& snap, const std::string& path, FactSink& out) {
  Reader reader(snap, out);
  if (const std::string* text = snap.File(path)) reader.ReadFile(path, *text, "", 0);
  return reader.Take();
}

}  // namespace shipshape
