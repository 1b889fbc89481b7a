// Parser for rsyslog's configuration (/etc/rsyslog.conf, /etc/rsyslog.d/*.conf): table
// `rsyslog_forwards`, the remote hosts rsyslog sends logs to (legacy @host / @@host / :omrelp:
// actions and action(type="omfwd"|"omrelp") objects).
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

constexpr std::string_view kCategory = "logging";
constexpr std::string_view kMain = "/etc/rsyslog.conf";
constexpr std::string_view kDropIns = "/etc/rsyslog.d/";
constexpr int64_t kDefaultPort = 514;

const TableDef& kForwards = RegisterTable(
    {"rsyslog_forwards",
     "Log forwarding actions of rsyslog, from /etc/rsyslog.conf and /etc/rsyslog.d/*.conf: legacy selector "
     "actions (*.* @host, *.* @@host:port, :omrelp:host:port) and action(type=\"omfwd\"|\"omrelp\" target=…) "
     "objects. One row per target; commented-out lines are ignored.",
     {Text("target", "host name or address logs are sent to (an IPv6 address without its brackets)"),
      Text("proto",
           "'udp' (@host, or omfwd without protocol), 'tcp' (@@host, or omfwd protocol=\"tcp\"), 'relp' (omrelp, "
           ":omrelp:host); omfwd's protocol as written otherwise, lowercased"),
      Int("port", "destination port; 514 when not written (rsyslog's default)"), FileCol(), LineCol()}});

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool IsIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string Lower(std::string_view s) {
  std::string l(s);
  for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l;
}

// One line without its comments: '#' outside quotes to the end of the line, and /* … */ blocks
// that begin a line (*in_block carries an open block to the next lines; a "/*" inside a path such
// as /etc/rsyslog.d/*.conf is not a comment).
std::string StripComments(std::string_view line, bool* in_block) {
  std::string out;
  char quote = 0;
  size_t i = 0;
  if (!*in_block) {
    while (i < line.size() && IsBlank(line[i])) ++i;
    if (line.substr(i, 2) == "/*") *in_block = true;
    i = 0;
  }
  for (; i < line.size(); ++i) {
    char c = line[i];
    if (*in_block) {
      if (line.substr(i, 2) == "*/") *in_block = false, ++i;
      continue;
    }
    if (!quote && c == '#') break;
    if (quote && c == '\\' && i + 1 < line.size()) {
      out += c;
      c = line[++i];
    } else if (quote && c == quote) {
      quote = 0;
    } else if (!quote && (c == '"' || c == '\'')) {
      quote = c;
    }
    out += c;
  }
  return out;
}

// action()'s parameters: name="value", name='value', name=value or name=["a", "b"]; names
// lowercased. nullopt when the text does not have that shape.
std::optional<std::map<std::string, std::vector<std::string>>> ParseParams(std::string_view s) {
  std::map<std::string, std::vector<std::string>> params;
  size_t i = 0;
  auto skip = [&] {
    while (i < s.size() && (IsBlank(s[i]) || s[i] == ',')) ++i;
  };
  auto value = [&]() -> std::optional<std::string> {
    if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
      size_t close = s.find(s[i], i + 1);
      if (close == std::string_view::npos) return std::nullopt;
      std::string v(s.substr(i + 1, close - i - 1));
      i = close + 1;
      return v;
    }
    size_t start = i;
    while (i < s.size() && !IsBlank(s[i]) && s[i] != ',' && s[i] != ']') ++i;
    return std::string(s.substr(start, i - start));
  };
  for (skip(); i < s.size(); skip()) {
    size_t start = i;
    while (i < s.size() && (IsIdentChar(s[i]) || s[i] == '.')) ++i;
    std::string name = Lower(s.substr(start, i - start));
    while (i < s.size() && IsBlank(s[i])) ++i;
    if (name.empty() || i >= s.size() || s[i] != '=') return std::nullopt;
    for (++i; i < s.size() && IsBlank(s[i]);) ++i;
    std::vector<std::string>& values = params[name];
    bool array = i < s.size() && s[i] == '[';
    for (i += array ? 1 : 0, skip(); !array || (i < s.size() && s[i] != ']'); skip()) {
      auto v = value();
      if (!v) return std::nullopt;
      values.push_back(*v);
      if (!array) break;
    }
    if (array && i++ >= s.size()) return std::nullopt;
  }
  return params;
}

bool IsKeyword(std::string_view w) {
  for (std::string_view k : {"if", "else", "then", "stop", "call", "call_indirect", "set", "unset", "reset",
                             "foreach", "do", "continue", "and", "or", "not"}) {
    if (w == k) return true;
  }
  return false;
}

// A legacy selector: facility.priority pairs (*.*;auth,authpriv.none, kern.=debug, mail.!err).
bool IsSelector(std::string_view w) {
  if (w.find('.') == std::string_view::npos) return false;
  for (char c : w) {
    if (!IsIdentChar(c) && std::string_view("*,;.!=<>-").find(c) == std::string_view::npos) return false;
  }
  return true;
}

class FileReader {
 public:
  FileReader(const std::string& file, const std::string& text, FactSink& out) : file_(file), out_(out) {
    bool in_block = false;
    for (std::string_view raw : SplitLines(text)) lines_.push_back(StripComments(raw, &in_block));
  }

  // Reads every statement; false when a line was malformed.
  bool Read() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      int n = static_cast<int>(i) + 1;
      std::string t(Trim(lines_[i]));
      while (!t.empty() && t.back() == '\\' && i + 1 < lines_.size()) {  // a legacy line continued
        t.pop_back();
        t += Trim(lines_[++i]);
      }
      if (t.empty() || t[0] == '$' || !CheckStart(t, n)) continue;
      Statement(std::move(t), &i, n);
    }
    return ok_;
  }

 private:
  void Error(int line, const std::string& message) {
    out_.Error(kCategory, file_, line, message);
    ok_ = false;
  }

  // The line starts as rsyslog statements do; reports it otherwise.
  bool CheckStart(std::string_view t, int n) {
    if (std::string_view("&:{}('\"~!").find(t[0]) != std::string_view::npos) return true;
    size_t k = 0;
    while (k < t.size() && IsIdentChar(t[k])) ++k;
    size_t b = k;
    while (b < t.size() && IsBlank(t[b])) ++b;
    if (k > 0 && b < t.size() && t[b] == '(') return true;
    if (k > 0 && IsKeyword(t.substr(0, k)) && (k == t.size() || IsBlank(t[k]) || t[k] == '{')) return true;
    std::string_view word = t.substr(0, t.find_first_of(" \t"));
    if (!IsSelector(word)) {
      Error(n, "expected a selector and an action, a $directive or a RainerScript statement");
      return false;
    }
    if (Trim(t.substr(word.size())).empty()) {
      Error(n, "selector without an action");
      return false;
    }
    return true;
  }

  // One statement from line n: its objects (name(…), which may continue on the next lines; action()
  // is read) and, outside them, a legacy forwarding action as its last word.
  void Statement(std::string cur, size_t* i, int n) {
    std::string outside;
    size_t pos = 0;
    while (pos < cur.size()) {
      char c = cur[pos];
      if (c == '"' || c == '\'') {
        size_t close = cur.find(c, pos + 1);
        size_t end = close == std::string::npos ? cur.size() : close + 1;
        outside += cur.substr(pos, end - pos);
        pos = end;
        continue;
      }
      size_t k = pos;
      while (k < cur.size() && IsIdentChar(cur[k])) ++k;
      size_t b = k;
      while (b < cur.size() && IsBlank(cur[b])) ++b;
      if (k == pos || b >= cur.size() || cur[b] != '(') {
        outside += cur.substr(pos, std::max(k, pos + 1) - pos);
        pos = std::max(k, pos + 1);
        continue;
      }
      std::string name = Lower(std::string_view(cur).substr(pos, k - pos)), body;
      int start = static_cast<int>(*i) + 1;
      pos = b;
      if (!Group(i, &cur, &pos, &body)) return Error(start, "unterminated " + name + "(");
      if (name == "action") Action(body, start);
      outside += ' ';
    }
    std::string_view rest = Trim(outside);
    std::string_view last = rest.substr(rest.find_last_of(" \t") == std::string_view::npos ? 0
                                                                                            : rest.find_last_of(" \t") + 1);
    if (!last.empty() && (last[0] == '@' || last.substr(0, 8) == ":omrelp:")) Legacy(last, n);
  }

  // The balanced (…) at cur[*pos] == '(': its inside into *body, reading on through the next lines
  // when needed (*i and cur advance); *pos ends after the ')'. False when the text ends first.
  bool Group(size_t* i, std::string* cur, size_t* pos, std::string* body) {
    int depth = 0;
    char quote = 0;
    while (true) {
      for (; *pos < cur->size(); ++*pos) {
        char c = (*cur)[*pos];
        if (quote && c == '\\' && *pos + 1 < cur->size()) {
          *body += c;
          c = (*cur)[++*pos];
        } else if (quote) {
          quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '(' && depth++ == 0) {
          continue;
        } else if (c == ')' && --depth == 0) {
          ++*pos;
          return true;
        }
        *body += c;
      }
      if (*i + 1 >= lines_.size()) return false;
      *cur = lines_[++*i];
      *pos = 0;
      *body += ' ';
    }
  }

  void Action(const std::string& body, int line) {
    auto params = ParseParams(body);
    if (!params) return Error(line, "malformed action() parameters");
    auto first = [&](const char* key) { return (*params)[key].empty() ? std::string() : (*params)[key][0]; };
    std::string type = Lower(first("type"));
    if (type.empty()) return Error(line, "action() without type");
    if (type != "omfwd" && type != "omrelp") return;
    const std::vector<std::string> targets = (*params)["target"];
    if (targets.empty() || targets[0].empty()) return Error(line, type + " action without target");
    std::string proto = type == "omrelp" ? "relp" : Lower(first("protocol"));
    if (proto.empty()) proto = "udp";
    int64_t port = kDefaultPort;
    if (std::string p = first("port"); !p.empty()) {
      auto parsed = ParseInt(p);
      if (!parsed) return Error(line, type + " action: port is not a number");
      port = *parsed;
    }
    for (const std::string& t : targets) out_.Add(kForwards, {V(t), V(proto), V(port), V(file_), V(int64_t{line})});
  }

  // @host[:port], @@host[:port], @(options)host, @@[v6]:port, :omrelp:host:port, each with an
  // optional ;template.
  void Legacy(std::string_view s, int line) {
    std::string proto = s.substr(0, 2) == "@@" ? "tcp" : s[0] == '@' ? "udp" : "relp";
    s.remove_prefix(proto == "tcp" ? 2 : proto == "udp" ? 1 : 8);
    if (!s.empty() && s[0] == '(') s.remove_prefix(std::min(s.size(), s.find(')') + 1));
    s = s.substr(0, s.find(';'));
    std::string_view host = s, port;
    if (!s.empty() && s[0] == '[') {
      size_t close = s.find(']');
      if (close == std::string_view::npos) return Error(line, "malformed forwarding action");
      host = s.substr(1, close - 1);
      port = s.substr(close + 1);
    } else if (size_t colon = s.find(':'); colon != std::string_view::npos && s.find(':', colon + 1) == s.npos) {
      host = s.substr(0, colon);
      port = s.substr(colon);
    }
    if (host.empty()) return Error(line, "forwarding action without a target");
    int64_t p = kDefaultPort;
    if (!port.empty()) {
      auto parsed = port[0] == ':' ? ParseInt(port.substr(1)) : std::nullopt;
      if (!parsed) return Error(line, "forwarding action: port is not a number");
      p = *parsed;
    }
    out_.Add(kForwards, {V(host), V(proto), V(p), V(file_), V(int64_t{line})});
  }

  const std::string& file_;
  FactSink& out_;
  std::vector<std::string> lines_;
  bool ok_ = true;
};

void ParseRsyslog(const Snapshot& snap, FactSink& out) {
  std::vector<std::string> files = MainAndDropIns(snap, kMain, kDropIns, ".conf");
  if (files.empty()) return;
  bool ok = true;
  for (const std::string& path : files) ok &= FileReader(path, *snap.File(path), out).Read();
  if (ok) out.Coverage(kCategory, files.front(), CoverageState::kOk);
}

const bool kRegistered = RegisterParser({"rsyslog",
                                         "rsyslog log forwarding to remote hosts",
                                         ParseRsyslog,
                                         std::string(kCategory),
                                         {std::string(kMain)}});

}  // namespace
}  // namespace shipshape
