// Secret redaction: the line passes of the collector's awk program (redact_assignments,
// redact_flags, redact_short, redact_directive, yaml_flags, redis_user, redact_json, …) and the
// state they keep across lines.
#include "collect/redact_engine.h"

namespace shipshape::secrets::internal {
namespace {

constexpr std::string_view kShellStop = " \t;&|)`";
constexpr std::string_view kYamlStop = " \t\"',]}";
constexpr std::string_view kBlankStop = " \t";
constexpr std::string_view kFstabStop = ", \t";

size_t SkipBlanks(std::string_view s, size_t i) {
  while (i < s.size() && IsBlank(s[i])) ++i;
  return i;
}

bool IsToolChar(char c) { return IsWordChar(c) || c == '-'; }

// End of awk's match of (^|[^A-Za-z0-9_-])(tools)([ \t]|$) in line, or npos.
size_t ToolMatchEnd(std::string_view line, std::initializer_list<std::string_view> tools) {
  for (size_t t = 0; t < line.size(); ++t) {
    if (t > 0 && IsToolChar(line[t - 1])) continue;
    for (std::string_view tool : tools) {
      if (line.substr(t, tool.size()) != tool) continue;
      size_t e = t + tool.size();
      if (e == line.size()) return e;
      if (IsBlank(line[e])) return e + 1;
    }
  }
  return std::string_view::npos;
}

// Length of the head "^[ \t]*(-[ \t]+)?["']?NAME["']?" + separator; name = NAME. 0 if no match.
size_t HeadLength(std::string_view line, bool yaml, std::string_view* name) {
  size_t i = SkipBlanks(line, 0);
  if (i < line.size() && line[i] == '-' && i + 1 < line.size() && IsBlank(line[i + 1])) i = SkipBlanks(line, i + 1);
  if (i < line.size() && IsQuote(line[i])) ++i;
  if (i >= line.size() || !IsNameStart(line[i])) return 0;
  size_t start = i;
  while (i < line.size() && IsNameChar(line[i])) ++i;
  *name = line.substr(start, i - start);
  if (i < line.size() && IsQuote(line[i])) ++i;
  size_t b = SkipBlanks(line, i);
  if (yaml) {
    if (b >= line.size() || line[b] != ':' || b + 1 >= line.size() || !IsBlank(line[b + 1])) return 0;
    return SkipBlanks(line, b + 1);
  }
  if (b < line.size() && line[b] == '=') return SkipBlanks(line, b + 1);
  return b > i ? b : 0;
}

// Head "^[ \t]*(export[ \t]+)?NAME[ \t]*=[ \t]*" of a dotenv line (0 if none).
size_t DotenvHeadLength(std::string_view line, std::string_view* name) {
  auto from = [&](size_t i) -> size_t {
    if (i >= line.size() || !IsNameStart(line[i])) return 0;
    size_t start = i;
    while (i < line.size() && IsNameChar(line[i])) ++i;
    *name = line.substr(start, i - start);
    i = SkipBlanks(line, i);
    return (i < line.size() && line[i] == '=') ? SkipBlanks(line, i + 1) : 0;
  };
  size_t i = SkipBlanks(line, 0);
  if (line.substr(i, 6) == "export" && i + 6 < line.size() && IsBlank(line[i + 6])) {
    if (size_t n = from(SkipBlanks(line, i + 6))) return n;
  }
  return from(i);
}

// ^[|>][-+0-9]*[ \t]*$
bool IsBlockIndicator(std::string_view rest) {
  if (rest.empty() || (rest[0] != '|' && rest[0] != '>')) return false;
  size_t i = 1;
  while (i < rest.size() && (rest[i] == '-' || rest[i] == '+' || IsDigit(rest[i]))) ++i;
  return SkipBlanks(rest, i) == rest.size();
}

}  // namespace

LineRedactor::LineRedactor(RedactMode mode) : mode_(mode) {
  multi_ = mode == RedactMode::kEnv || mode == RedactMode::kDotenv || mode == RedactMode::kYaml;
  pem_ok_ = multi_ || mode == RedactMode::kDirectives || mode == RedactMode::kConf;
}

std::string LineRedactor::Line(std::string_view line) {
  openq_ = 0;
  std::string out;
  if (contq_ != 0) {
    out = ContinueQuote(line);
  } else {
    if (block_ >= 0) {
      size_t ind = SkipBlanks(line, 0);
      if (ind == line.size()) return std::string(line);
      if (static_cast<int>(ind) > block_) return std::string(line.substr(0, ind)) + RedactionToken(line.substr(ind));
      block_ = -1;
    }
    if (pem_) {
      if (line.find("-----END") != std::string_view::npos) pem_ = false;
      return TokenLine(line);
    }
    out = ApplyMode(line);
    if (pem_ok_ && openq_ == 0 && block_ < 0 && PemBegin(line)) pem_ = true;
  }
  if (openq_ != 0 && multi_) contq_ = openq_;
  return out;
}

std::string LineRedactor::ContinueQuote(std::string_view line) {
  size_t i = 0;
  for (; i < line.size(); ++i) {
    if (line[i] == '\\' && contq_ == '"') {
      ++i;
      continue;
    }
    if (line[i] == contq_) break;
  }
  if (i >= line.size()) return TokenLine(line);
  char q = contq_;
  contq_ = 0;
  return TokenLine(line.substr(0, i)) + q + ApplyMode(line.substr(i + 1));
}

std::string LineRedactor::ApplyMode(std::string_view line) {
  switch (mode_) {
    case RedactMode::kJson:
      return Json(line);
    case RedactMode::kDirectives:
      return RedactUrls(RedisUser(Sentinel(Directive(line, Kind::kDirectives))));
    case RedactMode::kCmdline: {
      std::string s = Assignments(Directive(line, Kind::kDotenv), kBlankStop);
      return RedactUrls(Short(Flags(s, kBlankStop), kBlankStop));
    }
    case RedactMode::kConf: {
      std::string s = Assignments(Directive(line, Kind::kDirectives), kYamlStop);
      return RedactUrls(Short(Flags(s, kYamlStop), kYamlStop));
    }
    case RedactMode::kYaml: {
      std::string s = Assignments(YamlFlow(Directive(YamlFlags(line), Kind::kYaml)), kYamlStop);
      return RedactUrls(Short(Flags(s, kYamlStop), kYamlStop));
    }
    case RedactMode::kDotenv:
      return RedactUrls(Short(Flags(Assignments(Dotenv(line), kShellStop), kShellStop), kShellStop));
    case RedactMode::kNginx:
      return RedactUrls(Nginx(line));
    case RedactMode::kFstab:
      return RedactUrls(Assignments(line, kFstabStop));
    case RedactMode::kCrypttab:
      return Crypttab(line);
    case RedactMode::kEnv:
      break;
  }
  return RedactUrls(Short(Flags(Assignments(line, kShellStop), kShellStop), kShellStop));
}

std::string LineRedactor::Swap(std::string_view key, std::string_view s, std::string_view stop, size_t* consumed) {
  TakenValue v = TakeValue(s, stop);
  *consumed = v.len;
  std::string nv = Hide(key, v.val);
  if (nv == v.val) return std::string(s.substr(0, v.len));
  if (s.empty() || !IsQuote(s[0])) return nv;
  if (v.open) openq_ = s[0];
  return std::string(1, s[0]) + nv + (v.open ? "" : std::string(1, s[0]));
}

std::string LineRedactor::Assignments(std::string_view line, std::string_view stop) {
  std::string out;
  std::string_view rest = line;
  size_t i = 0;
  while (i < rest.size()) {
    if (!IsNameStart(rest[i])) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < rest.size() && IsNameChar(rest[j])) ++j;
    if (j >= rest.size() || rest[j] != '=') {
      i = j;  // every start inside this run ends at j too
      continue;
    }
    std::string_view name = rest.substr(i, j - i);
    int p = PrevChar(out, rest, i);
    out.append(rest.substr(0, j + 1));
    rest = rest.substr(j + 1);
    i = 0;
    if ((p >= 0 && IsWordChar(static_cast<char>(p))) || !IsSecretKey(name)) continue;
    size_t used = 0;
    std::string v = Swap(name, rest, stop, &used);
    out += ConfQuote(out, rest.substr(0, used), std::move(v));
    rest = rest.substr(used);
  }
  return out.append(rest);
}

std::string LineRedactor::Flags(std::string_view line, std::string_view stop) {
  std::string out;
  std::string_view rest = line;
  size_t i = 0;
  while (i < rest.size()) {
    size_t f = rest[i] == '-' ? FlagLength(rest.substr(i)) : 0;
    if (f == 0 || i + f >= rest.size() || !IsBlank(rest[i + f])) {
      i += f > 0 ? f : 1;  // starts inside a flag that lacks its blank end the same way
      continue;
    }
    std::string_view name = rest.substr(i, f);
    int p = PrevChar(out, rest, i);
    size_t end = SkipBlanks(rest, i + f);
    out.append(rest.substr(0, end));
    rest = rest.substr(end);
    i = 0;
    if ((p >= 0 && !IsBlank(static_cast<char>(p))) || !IsSecretKey(name) || rest.empty() || rest[0] == '-') continue;
    size_t used = 0;
    std::string v = Swap(name, rest, stop, &used);
    out += ConfQuote(out, rest.substr(0, used), std::move(v));
    rest = rest.substr(used);
  }
  return out.append(rest);
}

std::string LineRedactor::Short(std::string_view line, std::string_view stop) {
  std::string s(line);
  size_t e = ToolMatchEnd(s, {"mysql", "mysqldump", "mysqladmin", "mysqlimport", "mysqlcheck", "mysqlpump", "mariadb",
                              "mariadb-dump", "mariadb-admin", "mariadb-import", "mariadb-check"});
  if (e != std::string::npos) s = s.substr(0, e) + ShortFlag(std::string_view(s).substr(e), 'p', true, false, stop);
  e = ToolMatchEnd(s, {"redis-cli"});
  if (e != std::string::npos) s = s.substr(0, e) + ShortFlag(std::string_view(s).substr(e), 'a', false, true, stop);
  e = ToolMatchEnd(s, {"sshpass"});
  if (e != std::string::npos) s = s.substr(0, e) + ShortFlag(std::string_view(s).substr(e), 'p', true, true, stop);
  e = ToolMatchEnd(s, {"mongo", "mongosh", "mongodump", "mongorestore", "mongoexport", "mongoimport", "mongofiles",
                       "mongostat", "mongotop"});
  if (e != std::string::npos) s = s.substr(0, e) + ShortFlag(std::string_view(s).substr(e), 'p', false, true, stop);
  return s;
}

std::string LineRedactor::ShortFlag(std::string_view s, char flag, bool glued, bool spaced, std::string_view stop) {
  const char pattern[] = {'-', flag, '\0'};
  std::string out;
  std::string_view rest = s;
  for (size_t i = rest.find(pattern); i != std::string_view::npos; i = rest.find(pattern)) {
    int p = PrevChar(out, rest, i);
    out.append(rest.substr(0, i + 2));
    rest = rest.substr(i + 2);
    if (p >= 0 && !IsBlank(static_cast<char>(p))) continue;
    if (!rest.empty() && IsBlank(rest[0])) {
      if (!spaced) continue;
      size_t b = SkipBlanks(rest, 0);
      out.append(rest.substr(0, b));
      rest = rest.substr(b);
      if (rest.empty() || rest[0] == '-') continue;
    } else if (rest.empty() || !glued) {
      continue;
    }
    size_t used = 0;
    out += Swap("", rest, stop, &used);
    rest = rest.substr(used);
  }
  return out.append(rest);
}

std::string LineRedactor::Directive(std::string_view line, Kind kind) {
  std::string_view key;
  size_t h = kind == Kind::kDotenv ? DotenvHeadLength(line, &key) : HeadLength(line, kind == Kind::kYaml, &key);
  if (h == 0 || !IsSecretKey(key)) return std::string(line);
  std::string_view head = line.substr(0, h);
  std::string_view rest = line.substr(h);
  size_t ind = static_cast<size_t>(key.data() - line.data());
  if (ind > 0 && IsQuote(line[ind - 1])) --ind;
  if (!rest.empty() && IsQuote(rest[0])) {
    size_t used = 0;
    std::string v = Swap(key, rest, "", &used);
    return std::string(head) + v + std::string(rest.substr(used));
  }
  if (kind == Kind::kYaml && !rest.empty() && rest[0] == '#') return std::string(line);
  std::string_view tail;
  for (size_t k = 1; k < rest.size(); ++k) {
    if (rest[k] == '#' && IsBlank(rest[k - 1])) {
      size_t b = k;
      while (b > 0 && IsBlank(rest[b - 1])) --b;
      tail = rest.substr(b);
      rest = rest.substr(0, b);
      break;
    }
  }
  if (rest.empty()) return std::string(line);
  if (kind == Kind::kYaml && IsBlockIndicator(rest)) {
    block_ = static_cast<int>(ind);
    return std::string(line);
  }
  size_t t = rest.size();
  while (t > 0 && IsBlank(rest[t - 1])) --t;
  std::string nv = Hide(key, rest.substr(0, t));
  if (kind == Kind::kYaml) nv = YamlQuote(rest.substr(0, t), std::move(nv));
  return std::string(head) + nv + std::string(rest.substr(t)) + std::string(tail);
}

std::string LineRedactor::ConfQuote(std::string_view before, std::string_view old, std::string nv) const {
  if (mode_ == RedactMode::kFstab && nv != old) return EscBlanks(nv);
  if (mode_ != RedactMode::kConf || nv == old || nv.empty() || nv[0] != '[') return nv;
  size_t quotes = 0;
  for (char c : before) quotes += c == '\'';
  return quotes % 2 ? "''" + nv + "''" : "\"" + nv + "\"";
}

// redis_user: in "user NAME ... >password <password #hash", each rule after a blank, quoted whole
// (">p w") or after its sign (>"p w"); written >"[REDACTED …]" (one argument for Redis).
std::string LineRedactor::RedisUser(std::string_view line) {
  size_t i = SkipBlanks(line, 0);
  if (line.substr(i, 4) != "user" || i + 4 >= line.size() || !IsBlank(line[i + 4])) return std::string(line);
  auto sign = [](char c) { return c == '<' || c == '>' || c == '#'; };
  std::string out;
  std::string_view rest = line;
  size_t k = 0;
  while (k + 1 < rest.size()) {
    size_t s = k + 1 + (IsQuote(rest[k + 1]) ? 1 : 0);
    if (!IsBlank(rest[k]) || s >= rest.size() || !sign(rest[s])) {
      ++k;
      continue;
    }
    out.append(rest.substr(0, k + 1));
    rest = rest.substr(k + 1);
    k = 0;
    char q = rest[0];
    if (IsQuote(q)) {
      TakenValue v = TakeValue(rest, "");
      if (v.open) return out + TokenLine(rest);
      out += std::string(1, q) + v.val[0] + RedactionToken(v.val.substr(1)) + q;
      rest = rest.substr(v.len);
      continue;
    }
    out += q;
    rest = rest.substr(1);
    TakenValue v = TakeValue(rest, kBlankStop);
    if (v.len > 0) out += "\"" + RedactionToken(v.val) + "\"";
    rest = rest.substr(v.len);
  }
  return out.append(rest);
}

std::string LineRedactor::Dotenv(std::string_view line) {
  size_t i = SkipBlanks(line, 0);
  if (i == line.size() || line[i] == '#') return std::string(line);
  std::string_view key;
  if (DotenvHeadLength(line, &key) > 0) return Directive(line, Kind::kDotenv);
  return TokenLine(line);
}

}  // namespace shipshape::secrets::internal
