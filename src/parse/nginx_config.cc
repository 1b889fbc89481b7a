// nginx configuration reader: a tokenizer, a recursive block parser and include expansion.
#include "parse/nginx_config.h"

#include "base/strings.h"

namespace shipshape {
namespace {

constexpr int kMaxIncludeDepth = 16;
constexpr int kMaxBlockDepth = 64;
constexpr int kMaxFileReads = 2000;  // a file included twice by itself would otherwise read 2^16 copies

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

 public:
  // Skips to the brace closing a block already opened, minding Lua strings and comments.
  void SkipRawBlock() {
    int depth = 1;
    while (pos_ < text_.size() && depth > 0) {
      char c = text_[pos_++];
      if (c == '\n') ++line_;
      if (c == '{') ++depth;
      if (c == '}') --depth;
      if (c == '-' && pos_ < text_.size() && text_[pos_] == '-') {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      }
      if (c == '"' || c == '\'') {
        while (pos_ < text_.size() && text_[pos_] != c && text_[pos_] != '\n') pos_ += text_[pos_] == '\\' ? 2 : 1;
        ++pos_;
      }
    }
    if (depth > 0) errors_->push_back({line_, "unexpected end of file, expecting \"}\""});
  }

 private:
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
        // OpenResty's *_by_lua_block holds Lua code, not directives: skipped to its closing brace.
        if (EndsWith(d.name, "_by_lua_block"))
          tok.SkipRawBlock();
        else
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

struct Reader {
  const Snapshot& snap;
  const NginxReadOptions& opts;
  NginxTree& tree;
  int reads = 0;
};

std::vector<NginxDirective> ReadOne(Reader& r, const std::string& path) {
  const std::string* text = r.snap.File(path);
  if (!text) return {};
  if (++r.reads > kMaxFileReads) {
    if (r.reads == kMaxFileReads + 1) r.tree.issues.push_back({path, 1, "too many includes", false});
    return {};
  }
  r.tree.files.insert(path);
  std::vector<NginxSyntaxError> errors;
  std::vector<NginxDirective> list = ParseNginxText(*text, path, &errors);
  for (const NginxSyntaxError& e : errors) r.tree.issues.push_back({path, e.line, e.message, false});
  return list;
}

std::string JoinPath(const std::string& dir, const std::string& rel) {
  return dir.empty() || dir.back() == '/' ? dir + rel : dir + "/" + rel;
}

// Files matching an include pattern (already absolute), in name order.
std::vector<std::string> MatchInclude(const Snapshot& snap, const std::string& pattern) {
  size_t wild = pattern.find_first_of("*?[");
  if (wild == std::string::npos)
    return snap.File(pattern) ? std::vector<std::string>{pattern} : std::vector<std::string>{};
  std::string dir = pattern.substr(0, pattern.rfind('/', wild) + 1);
  std::vector<std::string> out;
  for (const std::string& path : snap.FilesUnder(dir)) {
    if (GlobMatch(pattern, path)) out.push_back(path);
  }
  return out;
}

// In a stack, an include the container resolves inside its image (/etc/nginx/conf.d/*.conf) is
// looked for under the config root when /etc/nginx itself is not part of the folder.
std::vector<std::string> ResolveInclude(Reader& r, const std::string& arg, bool* from_image) {
  *from_image = false;
  if (arg.empty() || arg[0] != '/') return MatchInclude(r.snap, JoinPath(r.opts.root, arg));
  std::vector<std::string> files = MatchInclude(r.snap, arg);
  if (!files.empty() || !r.opts.stack) return files;
  *from_image = true;
  const std::string prefix = "/etc/nginx/";
  if (!StartsWith(arg, prefix)) return files;
  return MatchInclude(r.snap, JoinPath(r.opts.root, arg.substr(prefix.size())));
}

// A missing include worth a warning: in a stack, files of the image (absolute paths) and files the
// stack reader does not collect (mime.types, fastcgi_params) are expected to be missing.
bool WarnMissing(const Reader& r, const std::string& arg, bool from_image) {
  if (arg.find_first_of("*?[") != std::string::npos) return false;
  if (!r.opts.stack) return true;
  return !from_image && EndsWith(arg, ".conf");
}

void ExpandIncludes(Reader& r, std::vector<NginxDirective>& list, int depth) {
  std::vector<NginxDirective> expanded;
  for (NginxDirective& d : list) {
    if (d.name == "include" && !d.block && d.args.size() == 1) {
      if (depth >= kMaxIncludeDepth) {
        r.tree.issues.push_back({d.file, d.line, "include nested too deeply", false});
        continue;
      }
      bool from_image = false;
      std::vector<std::string> files = ResolveInclude(r, d.args[0], &from_image);
      for (const std::string& path : files) {
        std::vector<NginxDirective> inner = ReadOne(r, path);
        ExpandIncludes(r, inner, depth + 1);
        for (auto& x : inner) expanded.push_back(std::move(x));
      }
      if (files.empty() && WarnMissing(r, d.args[0], from_image)) {
        r.tree.issues.push_back({d.file, d.line, "included file " + d.args[0] + " was not collected", true});
      }
      continue;
    }
    if (d.block) ExpandIncludes(r, d.children, depth);
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

NginxTree ReadNginxTree(const Snapshot& snap, const std::vector<std::string>& paths, const NginxReadOptions& opts) {
  NginxTree tree;
  Reader r{snap, opts, tree};
  for (const std::string& path : paths) {
    std::vector<NginxDirective> list = ReadOne(r, path);
    ExpandIncludes(r, list, 0);
    for (auto& d : list) tree.directives.push_back(std::move(d));
  }
  return tree;
}

std::vector<NginxDirective> ReadNginxConfig(const Snapshot& snap, const std::string& path, const std::string& root,
                                            FactSink& out) {
  NginxTree tree = ReadNginxTree(snap, {path}, NginxReadOptions{root, false});
  for (const NginxIssue& i : tree.issues) {
    if (i.warning)
      out.Warn(i.file, i.line, i.message);
    else
      out.Error("web", i.file, i.line, i.message);
  }
  return std::move(tree.directives);
}

}  // namespace shipshape
