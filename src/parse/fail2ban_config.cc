// fail2ban's configuration files as fail2ban reads them: Python ConfigParser INI with [DEFAULT],
// [INCLUDES] before/after, later files overriding earlier ones, and %(name)s interpolation.
#include "parse/fail2ban_config.h"

#include <algorithm>
#include <set>

#include "base/strings.h"

namespace shipshape {
namespace {

constexpr int kMaxInterpolationDepth = 10;  // ConfigParser's MAX_INTERPOLATION_DEPTH
// References resolved per value: nesting 10 deep with several references each would otherwise
// take exponential time on hostile input. Real values use a handful.
constexpr int kMaxReferences = 1000;

size_t Indent(std::string_view raw) {
  size_t i = 0;
  while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
  return i;
}

// fail2ban sets inline_comment_prefixes=";": a ';' after whitespace starts a comment.
std::string_view StripInlineComment(std::string_view s) {
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] == ';' && (s[i - 1] == ' ' || s[i - 1] == '\t')) return Trim(s.substr(0, i));
  }
  return s;
}

// One file, before merging: ConfigParser._read with strict=True.
struct FileReader {
  const std::string& path;
  const IniError& error;
  std::map<std::string, IniSection> sections;
  std::vector<std::string> order;
  IniSection* current = nullptr;
  std::string key;
  size_t key_indent = 0;

  void Line(std::string_view raw, int n) {
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') return;
    line = StripInlineComment(line);
    const size_t indent = Indent(raw);
    if (current && !key.empty() && indent > key_indent) {
      IniValue& v = current->values[key];
      v.value += (v.value.empty() ? "" : "\n") + std::string(line);
      return;
    }
    key.clear();
    if (line[0] == '[') return Header(line, n);
    if (!current) return error(path, n, "line before any [section]");
    size_t delim = line.find_first_of("=:");
    std::string k = delim == std::string_view::npos ? "" : ToLower(Trim(line.substr(0, delim)));
    if (k.empty()) return error(path, n, "expected 'key = value'");
    if (current->values.count(k)) return error(path, n, "duplicate key " + k + " in its section");
    current->values[k] = {std::string(Trim(line.substr(delim + 1))), path, n};
    key = k;
    key_indent = indent;
  }

  void Header(std::string_view line, int n) {
    size_t close = line.rfind(']');
    std::string name = close == std::string_view::npos ? "" : std::string(Trim(line.substr(1, close - 1)));
    if (name.empty()) {
      current = nullptr;
      return error(path, n, "malformed [section] header");
    }
    if (sections.count(name)) {
      current = nullptr;
      return error(path, n, "section repeated in the same file");
    }
    order.push_back(name);
    current = &sections[name];
    current->file = path;
    current->line = n;
  }
};

std::vector<std::string> IncludeList(const std::map<std::string, IniSection>& sections, const char* key) {
  std::vector<std::string> out;
  auto s = sections.find("INCLUDES");
  if (s == sections.end()) return out;
  auto v = s->second.values.find(key);
  if (v == s->second.values.end()) return out;
  for (std::string_view line : SplitLines(v->second.value)) {
    if (!Trim(line).empty()) out.emplace_back(Trim(line));
  }
  return out;
}

}  // namespace

bool Fail2banConfig::Read(const Snapshot& snap, const std::string& path, const IniError& error) {
  if (!snap.File(path)) return false;
  std::vector<std::string> seen;
  ReadFile(snap, path, error, &seen);
  return true;
}

void Fail2banConfig::ReadFile(const Snapshot& snap, const std::string& path, const IniError& error,
                              std::vector<std::string>* seen) {
  const std::string* text = snap.File(path);
  if (!text || std::find(seen->begin(), seen->end(), path) != seen->end()) return;
  seen->push_back(path);
  FileReader reader{path, error, {}, {}, nullptr, {}, 0};
  int n = 0;
  for (std::string_view raw : SplitLines(*text)) reader.Line(raw, ++n);
  const std::string dir = path.substr(0, path.rfind('/') + 1);
  auto resolve = [&](const std::string& p) { return p.front() == '/' ? p : dir + p; };
  for (const std::string& before : IncludeList(reader.sections, "before")) ReadFile(snap, resolve(before), error, seen);
  Merge(reader.sections, reader.order);
  for (const std::string& after : IncludeList(reader.sections, "after")) ReadFile(snap, resolve(after), error, seen);
}

// fail2ban's multi-file read: a later file's keys replace earlier ones; the replaced value stays
// reachable as %(known/KEY)s.
void Fail2banConfig::Merge(std::map<std::string, IniSection>& file_sections,
                           const std::vector<std::string>& file_order) {
  for (const std::string& name : file_order) {
    IniSection& from = file_sections[name];
    auto [it, added] = sections_.try_emplace(name);
    IniSection& to = it->second;
    if (added) {
      to.file = from.file;
      to.line = from.line;
      if (name != "DEFAULT" && name != "INCLUDES") order_.push_back(name);
    }
    for (auto& [key, value] : from.values) {
      auto old = to.values.find(key);
      if (old != to.values.end() && name != "DEFAULT" && !StartsWith(key, "known/")) {
        to.values["known/" + key] = old->second;
      }
      to.values[key] = value;
    }
  }
}

const IniSection* Fail2banConfig::section(const std::string& name) const {
  auto it = sections_.find(name);
  return it == sections_.end() ? nullptr : &it->second;
}

const IniValue* Fail2banConfig::Lookup(const std::string& section, const std::string& key) const {
  for (const std::string& name : {section, std::string("DEFAULT")}) {
    const IniSection* s = this->section(name);
    if (!s) continue;
    auto it = s->values.find(key);
    if (it != s->values.end()) return &it->second;
  }
  return nullptr;
}

// fail2ban's %(section/option)s: "default/x" is [DEFAULT]'s x, "known/x" the value x had in this
// section before a later file replaced it (else [DEFAULT]'s), "other/x" section other's x.
const IniValue* Fail2banConfig::LookupReference(const std::string& section, const std::string& name) const {
  size_t slash = name.find('/');
  if (slash == std::string::npos) return Lookup(section, name);
  const std::string prefix = name.substr(0, slash), option = name.substr(slash + 1);
  const IniSection* from = prefix == "default" ? nullptr : this->section(prefix == "known" ? section : prefix);
  if (from) {
    auto it = from->values.find(prefix == "known" ? name : option);
    if (it != from->values.end()) return &it->second;
  }
  const IniSection* defaults = this->section("DEFAULT");
  if (!defaults) return nullptr;
  auto it = defaults->values.find(option);
  return it == defaults->values.end() ? nullptr : &it->second;
}

std::optional<std::string> Fail2banConfig::Get(const std::string& section, const std::string& key) const {
  const IniValue* v = Lookup(section, key);
  if (!v) return std::nullopt;
  int budget = kMaxReferences;
  return Interpolate(section, v->value, 0, &budget);
}

std::string Fail2banConfig::Interpolate(const std::string& section, const std::string& text, int depth,
                                        int* budget) const {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%' || i + 1 >= text.size()) {
      out += text[i];
    } else if (text[i + 1] == '%') {
      out += '%';
      ++i;
    } else if (size_t end = text.find(")s", i); text[i + 1] == '(' && end != std::string::npos) {
      std::string name = ToLower(text.substr(i + 2, end - i - 2));
      const IniValue* v = name == "__name__" ? nullptr : LookupReference(section, name);
      if (name == "__name__") {
        out += section;
      } else if (v && depth < kMaxInterpolationDepth && (*budget)-- > 0) {
        out += Interpolate(section, v->value, depth + 1, budget);
      } else {
        out += text.substr(i, end + 2 - i);  // unknown here (e.g. paths-*.conf not collected)
      }
      i = end + 1;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::optional<int64_t> Fail2banSeconds(std::string_view text) {
  static const std::vector<std::pair<std::string_view, int64_t>> kUnits = {
      {"years", 31557600}, {"year", 31557600}, {"months", 2629800}, {"month", 2629800}, {"mo", 2629800},
      {"weeks", 604800},   {"week", 604800},   {"days", 86400},     {"day", 86400},     {"hours", 3600},
      {"hour", 3600},      {"minutes", 60},    {"minute", 60},      {"mins", 60},       {"min", 60},
      {"seconds", 1},      {"second", 1},      {"secs", 1},         {"sec", 1},         {"y", 31557600},
      {"w", 604800},       {"d", 86400},       {"h", 3600},         {"m", 60},          {"s", 1}};
  std::string_view s = Trim(text);
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s = Trim(s.substr(1));
  if (s.empty()) return std::nullopt;
  int64_t total = 0;
  while (!s.empty()) {
    size_t digits = s.find_first_not_of("0123456789");
    auto number = ParseInt(s.substr(0, digits));
    if (!number || *number > 1000000000) return std::nullopt;
    s = Trim(s.substr(digits == std::string_view::npos ? s.size() : digits));
    int64_t unit = 1;
    for (const auto& [name, seconds] : kUnits) {
      if (StartsWith(s, name)) {
        unit = seconds;
        s = Trim(s.substr(name.size()));
        break;
      }
    }
    total += *number * unit;
    if (total > (int64_t{1} << 50)) return std::nullopt;
  }
  return negative ? -total : total;
}

}  // namespace shipshape
