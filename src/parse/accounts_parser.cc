// Parser for local accounts and sudo grants: /etc/passwd, /etc/group, /etc/sudoers (+ includes).
#include <map>
#include <set>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"
#include "parse/sudoers_grammar.h"

namespace shipshape {
namespace {

// Account files decide who can get in and who can become root: their errors make `ssh` Unknown.
constexpr const char* kCategory = "ssh";
constexpr int kMaxIncludeDepth = 8;

const TableDef& kUsers = RegisterTable(
    {"users",
     "Local accounts from /etc/passwd (one row per line).",
     {Text("name", "user name"), Int("uid", "user id (0 = root privileges)"), Int("gid", "primary group id"),
      Text("home", "home directory"), Text("shell", "login shell; empty means /bin/sh"),
      Int("can_login", "0 when the shell refuses logins (nologin, false, sync, shutdown, halt, true), else 1"),
      FileCol(), LineCol(),
      Int("empty_password",
          "1 when the password field of /etc/passwd is empty: no password at all, shadow not consulted")}});

const TableDef& kGroupMembers = RegisterTable(
    {"group_members",
     "Supplementary group members listed in /etc/group, one row per member (primary groups are users.gid).",
     {Text("group_name", "group name: sudo, docker, adm, …"), Int("gid", "group id"), Text("user", "member"), FileCol(),
      LineCol()}});

const TableDef& kSudoers = RegisterTable(
    {"sudoers",
     "sudo grants from /etc/sudoers and the files it includes (read as sudo does: @includedir skips names "
     "with a '.' or ending in '~'). One row per principal and Runas/NOPASSWD group of commands. Aliases and "
     "include directives are rows too (kind), with nopasswd = all_commands = 0.",
     {Text("principal",
           "who: user, %group, #uid, %#gid, a User_Alias name, or ALL; alias rows: the alias name; "
           "NULL for includes"),
      Text("hosts", "host list as written: ALL, web1; NULL for alias and include rows"),
      Text("runas", "Runas as written inside ( ): ALL:ALL, ALL, root; NULL when not given (sudo runs as root)"),
      Text("commands",
           "commands as written, joined by ', ': ALL, /usr/bin/docker, a Cmnd_Alias name; alias rows: "
           "the definition; include rows: the included path"),
      Int("nopasswd", "1 when the commands run without asking for a password (NOPASSWD:)"),
      Int("all_commands", "1 when the commands include ALL (directly or through a Cmnd_Alias): full root"), FileCol(),
      LineCol(), Text("kind", "rule | include | includedir | User_Alias | Runas_Alias | Host_Alias | Cmnd_Alias")}});

bool CanLogin(std::string_view shell) {
  size_t slash = shell.rfind('/');
  std::string_view base = slash == std::string_view::npos ? shell : shell.substr(slash + 1);
  for (const char* no : {"nologin", "false", "sync", "shutdown", "halt", "true"}) {
    if (base == no) return false;
  }
  return true;
}

bool NisCompat(std::string_view line) { return line[0] == '+' || line[0] == '-'; }

void ParsePasswd(const Snapshot& snap, FactSink& out) {
  const std::string file = "/etc/passwd";
  const std::string* text = snap.File(file);
  if (!text) return;
  int n = 0;
  for (std::string_view raw : SplitLines(*text)) {
    ++n;
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#' || NisCompat(line)) continue;
    auto f = Split(line, ':');
    if (f.size() != 7 || f[0].empty()) {
      out.Error(kCategory, file, n, "expected 7 colon-separated fields (name:password:uid:gid:gecos:home:shell)");
      continue;
    }
    auto uid = ParseInt(f[2]), gid = ParseInt(f[3]);
    if (!uid || !gid || *uid < 0 || *gid < 0) {
      out.Error(kCategory, file, n, "uid or gid is not a number");
      continue;
    }
    out.Add(kUsers, {V(f[0]), V(*uid), V(*gid), V(f[5]), V(f[6]), VBool(CanLogin(f[6])), V(file),
                     V(static_cast<int64_t>(n)), VBool(f[1].empty())});
  }
}

void ParseGroup(const Snapshot& snap, FactSink& out) {
  const std::string file = "/etc/group";
  const std::string* text = snap.File(file);
  if (!text) return;
  int n = 0;
  for (std::string_view raw : SplitLines(*text)) {
    ++n;
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#' || NisCompat(line)) continue;
    auto f = Split(line, ':');
    if (f.size() != 4 || f[0].empty()) {
      out.Error(kCategory, file, n, "expected 4 colon-separated fields (name:password:gid:members)");
      continue;
    }
    auto gid = ParseInt(f[2]);
    if (!gid || *gid < 0) {
      out.Error(kCategory, file, n, "gid is not a number");
      continue;
    }
    for (std::string_view member : Split(f[3], ',')) {
      member = Trim(member);
      if (member.empty()) continue;
      out.Add(kGroupMembers, {V(f[0]), V(*gid), V(member), V(file), V(static_cast<int64_t>(n))});
    }
  }
}

struct SudoersRow {
  std::string file;
  int line;
  SudoersEntry entry;
};

// Follows /etc/sudoers and its includes in the order sudo reads them.
class SudoersReader {
 public:
  SudoersReader(const Snapshot& snap, FactSink& out) : snap_(snap), out_(out) {}
  std::vector<SudoersRow>& rows() { return rows_; }

  void ReadFile(const std::string& path, int depth) {
    const std::string* text = snap_.File(path);
    if (!text || depth > kMaxIncludeDepth || !seen_.insert(path).second) return;
    for (const SudoersLine& l : SudoersLogicalLines(*text)) {
      SudoersEntry e = ParseSudoersLine(l.text);
      if (e.kind == SudoersKind::kInvalid) out_.Error(kCategory, path, l.line, e.error);
      if (e.kind == SudoersKind::kNothing || e.kind == SudoersKind::kInvalid) continue;
      std::string target = e.path;
      if (!target.empty() && target[0] != '/') target = path.substr(0, path.rfind('/') + 1) + target;
      SudoersKind kind = e.kind;
      rows_.push_back({path, l.line, std::move(e)});
      if (kind == SudoersKind::kInclude) ReadFile(target, depth + 1);
      if (kind == SudoersKind::kIncludeDir) ReadDir(target, depth + 1);
    }
  }

  void ReadDir(std::string dir, int depth) {
    if (!dir.empty() && dir.back() != '/') dir += '/';
    for (const std::string& path : snap_.FilesUnder(dir)) {
      std::string name = path.substr(dir.size());
      if (name.find('/') != std::string::npos) continue;  // sudo does not descend
      if (!SudoersIncludeDirReads(name)) {
        out_.Warn(path, 0, "ignored by sudo: the name contains '.' or ends in '~'");
        continue;
      }
      ReadFile(path, depth);
    }
  }

 private:
  const Snapshot& snap_;
  FactSink& out_;
  std::vector<SudoersRow> rows_;
  std::set<std::string> seen_;
};

// Cmnd_Alias names whose definition includes ALL, directly or through another such alias.
std::set<std::string> AllCommandAliases(const std::vector<SudoersRow>& rows) {
  std::map<std::string, std::vector<std::string>> defs;
  for (const SudoersRow& r : rows) {
    if (r.entry.kind != SudoersKind::kAlias ||
        (r.entry.alias_type != "Cmnd_Alias" && r.entry.alias_type != "Cmd_Alias")) {
      continue;
    }
    for (const auto& [name, def] : r.entry.aliases) {
      for (std::string_view c : Split(def, ',')) defs[name].emplace_back(Trim(c));
    }
  }
  std::set<std::string> all;
  for (size_t round = 0; round <= defs.size(); ++round) {  // a fixed point in at most |defs| rounds
    size_t before = all.size();
    for (const auto& [name, cmds] : defs) {
      for (const std::string& c : cmds) {
        if (c == "ALL" || all.count(c)) all.insert(name);
      }
    }
    if (all.size() == before) break;
  }
  return all;
}

void AddSudoersRow(const SudoersRow& r, const std::set<std::string>& all_aliases, FactSink& out) {
  const SudoersEntry& e = r.entry;
  Value file = V(r.file), line = V(static_cast<int64_t>(r.line)), no = VBool(false);
  if (e.kind == SudoersKind::kInclude || e.kind == SudoersKind::kIncludeDir) {
    out.Add(kSudoers, {VNull(), VNull(), VNull(), V(e.path), no, no, file, line,
                       V(e.kind == SudoersKind::kInclude ? "include" : "includedir")});
    return;
  }
  if (e.kind == SudoersKind::kAlias) {
    for (const auto& [name, def] : e.aliases) {
      out.Add(kSudoers, {V(name), VNull(), VNull(), V(def), no, no, file, line, V(e.alias_type)});
    }
    return;
  }
  for (const SudoersCommands& g : e.groups) {
    bool all = false;
    for (const std::string& c : g.commands) all = all || c == "ALL" || all_aliases.count(c) > 0;
    Value runas = g.runas ? V(*g.runas) : VNull();
    for (const std::string& who : e.principals) {
      out.Add(kSudoers, {V(who), V(e.hosts), runas, V(Join(g.commands, ", ")), VBool(g.nopasswd), VBool(all), file,
                         line, V("rule")});
    }
  }
}

void ParseSudoers(const Snapshot& snap, FactSink& out) {
  SudoersReader reader(snap, out);
  if (snap.File("/etc/sudoers")) {
    reader.ReadFile("/etc/sudoers", 0);
  } else {
    reader.ReadDir("/etc/sudoers.d", 1);  // sudoers unreadable: assume the distribution's @includedir
  }
  std::set<std::string> all_aliases = AllCommandAliases(reader.rows());
  for (const SudoersRow& r : reader.rows()) AddSudoersRow(r, all_aliases, out);
}

void ParseAccounts(const Snapshot& snap, FactSink& out) {
  ParsePasswd(snap, out);
  ParseGroup(snap, out);
  ParseSudoers(snap, out);
}

const bool kRegistered = RegisterParser({"accounts",
                                         "local users, group members and sudo grants",
                                         ParseAccounts,
                                         kCategory,
                                         {"/etc/passwd", "/etc/group", "/etc/sudoers"}});

}  // namespace
}  // namespace shipshape
