// Reading an Ansible INI inventory: [group], [group:children], [group:vars], host lines.
#include <map>
#include <string_view>

#include "base/strings.h"
#include "fleet/host_pattern.h"
#include "fleet/inventory_model.h"
#include "fleet/shell_words.h"

namespace shipshape {
namespace {

enum class Section { kHosts, kChildren, kVars };

// A group used before it is declared ([g:vars], or g listed in [p:children]); Ansible accepts it if
// [g] or [g:children] comes later in the file.
struct Pending {
  Section kind;
  int line;
  std::vector<std::string> parents;
};

class IniReader {
 public:
  IniReader(const std::string& file, InventoryModel& m) : file_(file), m_(m) {}
  void Read(const std::string& text);

 private:
  void Header(std::string_view line);
  void HostLine(std::string_view line);
  void VarsLine(std::string_view line);
  void ChildLine(std::string_view line);
  void Declare(const std::string& name);
  void Finish();
  void Error(const std::string& message) { m_.Error(file_, line_, message); }

  const std::string& file_;
  InventoryModel& m_;
  int line_ = 0;
  Section section_ = Section::kHosts;
  std::string group_ = "ungrouped";
  std::map<std::string, bool> declared_{{"all", true}, {"ungrouped", true}};
  std::map<std::string, Pending> pending_;
};

bool ValidGroupName(std::string_view s) {
  return !s.empty() && s.find_first_of(":] \t[") == std::string_view::npos;
}

void IniReader::Read(const std::string& text) {
  for (std::string_view raw : SplitLines(text)) {
    ++line_;
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    size_t close = line[0] == '[' ? line.find(']') : std::string_view::npos;
    if (close != std::string_view::npos) {
      // "[web]  # comment" is a section; "[::1]:22" and "[a:c].example.com" are host lines.
      std::string_view rest = Trim(line.substr(close + 1));
      if (rest.empty() || rest[0] == '#') {
        Header(line.substr(1, close - 1));
        continue;
      }
    }
    if (section_ == Section::kHosts) HostLine(line);
    if (section_ == Section::kVars) VarsLine(line);
    if (section_ == Section::kChildren) ChildLine(line);
  }
  Finish();
}

void IniReader::Header(std::string_view inner) {
  size_t colon = inner.find(':');
  std::string name(inner.substr(0, colon));
  std::string_view kind = colon == std::string_view::npos ? "" : inner.substr(colon + 1);
  if (!ValidGroupName(name) || kind.find_first_of(": \t") != std::string_view::npos) {
    section_ = Section::kHosts;
    group_ = "ungrouped";
    return Error("invalid section header (expected [group], [group:vars] or [group:children])");
  }
  if (kind == "vars") {
    section_ = Section::kVars;
    if (!declared_.count(name) && !pending_.count(name)) pending_[name] = {Section::kVars, line_, {}};
  } else if (kind.empty() || kind == "hosts" || kind == "children") {
    section_ = kind == "children" ? Section::kChildren : Section::kHosts;
    Declare(name);
  } else {
    section_ = Section::kVars;  // keep reading; its lines are not hosts
    Error("section [" + name + ":" + std::string(kind) + "] has an unknown type (vars or children)");
  }
  group_ = name;
  m_.AddGroup(name);
}

// [g] or [g:children] declares g; children listed earlier under a parent now join it.
void IniReader::Declare(const std::string& name) {
  declared_[name] = true;
  auto it = pending_.find(name);
  if (it == pending_.end()) return;
  for (const std::string& parent : it->second.parents) {
    Status s = m_.AddChild(parent, name);
    if (!s.ok()) m_.Error(file_, it->second.line, s.message());
  }
  pending_.erase(it);
}

void IniReader::HostLine(std::string_view line) {
  Result<std::vector<std::string>> words = SplitShellWords(line, /*comments=*/true);
  if (!words.ok()) return Error("host line: " + words.status().message());
  if (words->empty()) return;
  Result<HostPattern> hp = ExpandHostPattern((*words)[0]);
  if (!hp.ok()) return Error(hp.status().message());
  VarMap vars;
  if (hp->port != 0) vars["ansible_port"] = {std::to_string(hp->port), file_, line_};
  for (size_t i = 1; i < words->size(); ++i) {
    const std::string& w = (*words)[i];
    size_t eq = w.find('=');
    if (eq == std::string::npos || eq == 0) return Error("expected key=value host variable assignment");
    vars[w.substr(0, eq)] = {UnquoteIniValue(w.substr(eq + 1)), file_, line_};
  }
  if (!m_.RoomFor(hp->names.size(), file_, line_)) return;
  for (const std::string& name : hp->names) {
    InventoryHost& h = m_.AddHost(name, group_);
    for (const auto& [k, v] : vars) h.vars[k] = v;
  }
}

void IniReader::VarsLine(std::string_view line) {
  size_t eq = line.find('=');
  std::string_view key = eq == std::string_view::npos ? "" : Trim(line.substr(0, eq));
  if (key.empty()) return Error("expected key=value in [" + group_ + ":vars]");
  std::string value(Trim(line.substr(eq + 1)));
  m_.AddGroup(group_).vars[std::string(key)] = {UnquoteIniValue(value), file_, line_};
}

void IniReader::ChildLine(std::string_view line) {
  std::vector<std::string_view> words = SplitWhitespace(line);
  std::string child(words[0]);
  if (!ValidGroupName(child) || (words.size() > 1 && words[1][0] != '#')) {
    return Error("expected a group name in [" + group_ + ":children]");
  }
  if (declared_.count(child)) {
    Status s = m_.AddChild(group_, child);
    if (!s.ok()) Error(s.message());
    return;
  }
  Pending& p = pending_.try_emplace(child, Pending{Section::kChildren, line_, {}}).first->second;
  p.kind = Section::kChildren;
  p.parents.push_back(group_);
}

void IniReader::Finish() {
  for (const auto& [name, p] : pending_) {
    if (p.kind == Section::kVars) {
      m_.Error(file_, p.line, "section [" + name + ":vars] is not valid for undefined group '" + name + "'");
    } else {
      m_.Error(file_, p.line,
               "section [" + p.parents.back() + ":children] includes undefined group '" + name + "'");
    }
  }
}

}  // namespace

void ReadIniInventory(const std::string& text, const std::string& file, InventoryModel& model) {
  IniReader(file, model).Read(text);
}

}  // namespace shipshape
