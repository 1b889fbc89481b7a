// nginx configuration reader: a tokenizer, a recursive block parser and include expansion.
#include "parse/nginx_config.h"

#include "base/strings.h"

namespace shipshape {
namespace {

constexpr int kMaxIncludeDepth = 16;
constexpr int kMaxBlockDepth = 64;

struct Token {
  enum Kind { kWord, kOpen, kClose, kSemicolon, kEnd } kind;
  std::string text;
  int line;
};

class Tokenizer {
 public:
  Tokenizer(const std::string& text, std::vector<NginxSyntaxError>* errors) : text_(text), errors_(errors) {}

  Token Next() {
    SkipSpaceAndComments();
    if (pos_ >= text_.size()) return {Token::kEnd, "", line_};
    char c = text_[pos_];
    if (c == '{') return Single(Token::kOpen);
    if (c == '}') return Single(Token::kClose);
    if (c == ';') return Single(Token::kSemicolon);
    if (c == '"' || c == '\'') return Quoted(c);
    int line = line_;
    size_t start = pos_;
    while (pos_ < text_.size() && !IsSpace(text_[pos_]) && text_[pos_] != ';' && text_[pos_] != '{' &&
           text_[pos_] != '}') {
      // "${var}" keeps its braces inside a word.
      if (text_[pos_] == '$' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '{') {
        size_t close = text_.find('}', pos_);
        if (close != std::string::npos) {
          pos_ = close + 1;
          continue;
        }
      }
      ++pos_;
    }
    return {Token::kWord, text_.substr(start, pos_ - start), line};
  }

 private:
  static bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
  Token Single(Token::Kind k) {
    ++pos_;
    return {k, "", line_};
  }
  void SkipSpaceAndComments() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '\n') ++line_;
      if (IsSpace(c)) {
        ++pos_;
      } else if (c == '#') {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else {
        break;
      }
    }
  }
  Token Quoted(char quote) {
    int line = line_;
    std::string out;
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != quote) {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
      if (text_[pos_] == '\n') ++line_;
      out += text_[pos_++];
    }
    if (pos_ >= text_.size()) {
      errors_->push_back({line, "unterminated quoted string"});
    } else {
      ++pos_;
    }
    return {Token::kWord, out, line};
  }

  const std::string& text_;
  std::vector<NginxSyntaxError>* errors_;
  size_t pos_ = 0;
  int line_ = 1;
};

// Parses directives until '}' (inside a block) or the end of the text (at top level).
std::vector<NginxDirective> ParseBlock(Tokenizer& tok, const std::string& file, int depth, bool top,
                                       std::vector<NginxSyntaxError>* errors) {
  std::vector<NginxDirective> out;
  while (true) {
    Token t = tok.Next();
    if (t.kind == Token::kEnd) {
      if (!top) errors->push_back({t.line, "unexpected end of file, expecting \"}\""});
      return out;
    }
    if (t.kind == Token::kClose) {
      if (top) {
        errors->push_back({t.line, "unexpected \"}\""});
        continue;
      }
      return out;
    }
    if (t.kind != Token::kWord) {
      errors->push_back({t.line, t.kind == Token::kOpen ? "unexpected \"{\"" : "unexpected \";\""});
      continue;
    }
    NginxDirective d{t.text, {}, file, t.line, false, {}};
    while (true) {
      Token a = tok.Next();
      if (a.kind == Token::kWord) {
        d.args.push_back(a.text);
      } else if (a.kind == Token::kSemicolon) {
        break;
      } else if (a.kind == Token::kOpen) {
        d.block = true;
        if (depth >= kMaxBlockDepth) {
          errors->push_back({a.line, "blocks nested too deeply"});
          return out;
        }
        d.children = ParseBlock(tok, file, depth + 1, false, errors);
        break;
      } else {
        errors->push_back({d.line, "directive \"" + d.name + "\" is not terminated by \";\""});
        if (a.kind == Token::kClose && !top) {
          out.push_back(std::move(d));
          return out;
        }
        if (a.kind == Token::kEnd) {
          out.push_back(std::move(d));
          return out;
        }
        break;
      }
    }
    out.push_back(std::move(d));
  }
}

std::vector<NginxDirective> ReadOne(const Snapshot& snap, const std::string& path, FactSink& out) {
  const std::string* text = snap.File(path);
  if (!text) return {};
  std::vector<NginxSyntaxError> errors;
  std::vector<NginxDirective> list = ParseNginxText(*text, path, &errors);
  for (const NginxSyntaxError& e : errors) out.Error("web", path, e.line, e.message);
  return list;
}

void ExpandIncludes(const Snapshot& snap, const std::string& root, std::vector<NginxDirective>& list, int depth,
                    FactSink& out) {
  std::vector<NginxDirective> expanded;
  for (NginxDirective& d : list) {
    if (d.name == "include" && !d.block && d.args.size() == 1) {
      std::string pattern = d.args[0];
      if (pattern.empty() || pattern[0] != '/') pattern = root + "/" + pattern;
      if (depth >= kMaxIncludeDepth) {
        out.Error("web", d.file, d.line, "include nested too deeply");
        continue;
      }
      bool glob = pattern.find_first_of("*?[") != std::string::npos;
      size_t slash = pattern.rfind('/', pattern.find_first_of("*?["));
      std::string dir = pattern.substr(0, slash + 1);
      bool found = false;
      for (const std::string& path : snap.FilesUnder(dir)) {
        if (!GlobMatch(pattern, path)) continue;
        found = true;
        std::vector<NginxDirective> inner = ReadOne(snap, path, out);
        ExpandIncludes(snap, root, inner, depth + 1, out);
        for (auto& x : inner) expanded.push_back(std::move(x));
      }
      if (!found && !glob) out.Warn(d.file, d.line, "included file " + d.args[0] + " was not collected");
      continue;
    }
    if (d.block) ExpandIncludes(snap, root, d.children, depth, out);
    expanded.push_back(std::move(d));
  }
  list = std::move(expanded);
}

}  // namespace

namespace {

bool SegmentMatch(std::string_view pattern, std::string_view name) {
  size_t p = 0, s = 0, star_p = std::string_view::npos, star_s = 0;
  while (s < name.size()) {
    if (p < pattern.size() && pattern[p] != '*' && (pattern[p] == '?' || pattern[p] == name[s])) {
      ++p;
      ++s;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star_p = p++;
      star_s = s;
    } else if (star_p != std::string_view::npos) {
      p = star_p + 1;
      s = ++star_s;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

bool GlobMatch(const std::string& pattern, const std::string& path) {
  std::vector<std::string_view> pat = Split(pattern, '/'), segs = Split(path, '/');
  if (pat.size() != segs.size()) return false;
  for (size_t i = 0; i < pat.size(); ++i) {
    // Like glob(3): a wildcard never matches the leading dot of a hidden file.
    if (!segs[i].empty() && segs[i][0] == '.' && (pat[i].empty() || pat[i][0] != '.')) return false;
    if (!SegmentMatch(pat[i], segs[i])) return false;
  }
  return true;
}

std::vector<NginxDirective> ParseNginxText(const std::string& text, const std::string& file,
                                           std::vector<NginxSyntaxError>* errors) {
  Tokenizer tok(text, errors);
  return ParseBlock(tok, file, 0, true, errors);
}

std::vector<NginxDirective> ReadNginxConfig(const Snapshot& snap, const std::string& path, const std::string& root,
                                            FactSink& out) {
  std::vector<NginxDirective> list = ReadOne(snap, path, out);
  ExpandIncludes(snap, root, list, 0, out);
  return list;
}

}  // namespace shipshape
