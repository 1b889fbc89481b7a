// Parser for logrotate (/etc/logrotate.conf and the files it includes): table `logrotate_rules`.
#include <optional>
#include <set>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

constexpr std::string_view kCategory = "logging";
constexpr std::string_view kMain = "/etc/logrotate.conf";
constexpr std::string_view kDropIns = "/etc/logrotate.d";

const TableDef& kRules = RegisterTable(
    {"logrotate_rules",
     "logrotate blocks (`paths { … }`) with the directives in effect for them: their own, else the global ones "
     "written before the block (or before the include that brought its file in). Read from /etc/logrotate.conf "
     "and the files it includes; without logrotate.conf, from /etc/logrotate.d/* with logrotate's built-in "
     "defaults. One row per block.",
     {Text("paths", "the block's log paths and globs, space-separated, quotes removed: '/var/log/nginx/*.log'"),
      Text("frequency",
           "daily | weekly | monthly | yearly | hourly, or '' when none applies (rotated whenever "
           "logrotate runs and the size condition holds)"),
      Int("rotate", "rotations kept (rotate N); 0 when none is set (old logs are removed, not kept)"),
      Int("compress", "1 when rotated logs are compressed (compress), 0 otherwise"),
      Text("maxsize", "maxsize as written ('100M'); NULL when not set"),
      Text("size", "size as written ('100k'); NULL when not set"),
      Int("missingok", "1 when a missing log is not an error (missingok)"), FileCol(),
      Int("line", "1-based line of the block's opening in that file")}});

struct Settings {
  std::string frequency;
  int64_t rotate = 0;
  bool compress = false;
  std::optional<std::string> maxsize, size;
  bool missingok = false;
};

bool IsScriptStart(std::string_view d) {
  return IsOneOf(d, {"postrotate", "prerotate", "firstaction", "lastaction", "preremove"});
}

// Directives logrotate 3.21 knows that do not change the columns of this table.
bool IsOtherDirective(std::string_view d) {
  return IsOneOf(d, {"compresscmd",     "compressext",
                     "compressoptions", "copy",
                     "copytruncate",    "create",
                     "createolddir",    "dateext",
                     "dateformat",      "dateyesterday",
                     "delaycompress",   "extension",
                     "ifempty",         "mail",
                     "mailfirst",       "maillast",
                     "maxage",          "minage",
                     "minsize",         "nocopy",
                     "nocopytruncate",  "nocreate",
                     "nocreateolddir",  "nodateext",
                     "nodelaycompress", "nomail",
                     "noolddir",        "nosharedscripts",
                     "noshred",         "notifempty",
                     "olddir",          "renamecopy",
                     "norenamecopy",    "sharedscripts",
                     "shred",           "shredcycles",
                     "start",           "su",
                     "tabooext",        "taboopat",
                     "uncompresscmd",   "allowhardlink",
                     "noallowhardlink", "ignoreduplicates",
                     "addextension"});
}

// Files logrotate skips in an included directory (its default tabooext list).
bool IsTaboo(std::string_view name) {
  if (name.empty() || name[0] == '.' || name.find('/') != std::string_view::npos) return true;
  for (std::string_view ext :
       {",v", ".cfsaved", ".disabled", ".dpkg-bak", ".dpkg-del", ".dpkg-dist", ".dpkg-new", ".dpkg-old", ".rpmnew",
        ".rpmorig", ".rpmsave", ".swp", ".ucf-dist", ".ucf-new", ".ucf-old", "~"}) {
    if (EndsWith(name, ext)) return true;
  }
  return false;
}

// Log paths before a '{': whitespace-separated, "double" or 'single' quoted.
std::vector<std::string> SplitPaths(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size()) break;
    size_t end;
    if (text[i] == '"' || text[i] == '\'') {
      end = text.find(text[i], i + 1);
      end = end == std::string_view::npos ? text.size() : end + 1;
      out.push_back(Unquote(text.substr(i, end - i)));
    } else {
      end = text.find_first_of(" \t", i);
      if (end == std::string_view::npos) end = text.size();
      out.emplace_back(text.substr(i, end - i));
    }
    i = end;
  }
  return out;
}

class LogrotateReader {
 public:
  LogrotateReader(const Snapshot& snap, FactSink& out) : snap_(snap), out_(out) {}
  // Reads one file (and those it includes), reporting malformed lines.
  void ReadFile(const std::string& path);
  bool ok() const { return ok_; }  // no malformed line so far

 private:
  struct Block {
    std::vector<std::string> paths;
    Settings settings;
    int line = 0;
  };
  struct Pending {
    std::vector<std::string> paths;  // log paths waiting for their '{'
    int line = 0;
  };
  std::string ReadLine(std::string_view t, int n, const std::string& path, Pending& pending);
  std::string Directive(std::string_view line, Settings& s, bool in_block);
  std::string Include(std::string_view target);
  std::string OpenBlock(std::string_view line, std::vector<std::string> paths, int n);
  void CloseBlock(const std::string& file);

  const Snapshot& snap_;
  FactSink& out_;
  Settings globals_;
  std::optional<Block> block_;
  std::set<std::string> reading_;  // files being read: an include cycle stops here
  bool ok_ = true;
  bool in_script_ = false;
};

// Returns "" or the message for a malformed directive (names the directive, never its value).
std::string LogrotateReader::Directive(std::string_view line, Settings& s, bool in_block) {
  auto w = SplitWhitespace(line);
  std::string_view d = w[0];
  if (IsOneOf(d, {"daily", "weekly", "monthly", "yearly", "hourly"})) {
    s.frequency = std::string(d);
  } else if (d == "rotate") {
    auto n = w.size() == 2 ? ParseInt(w[1]) : std::nullopt;
    if (!n) return "rotate needs a number";
    s.rotate = *n;
  } else if (d == "compress" || d == "nocompress") {
    s.compress = d == "compress";
  } else if (d == "missingok" || d == "nomissingok") {
    s.missingok = d == "missingok";
  } else if (d == "size" || d == "maxsize") {
    if (w.size() != 2) return std::string(d) + " needs a size";
    (d == "size" ? s.size : s.maxsize) = std::string(w[1]);
  } else if (IsScriptStart(d)) {
    if (!in_block) return std::string(d) + " outside a log block";
    in_script_ = true;
  } else if (d == "include") {
    if (in_block) return "include inside a log block";
    if (w.size() != 2) return "include needs one path";
    return Include(w[1]);
  } else if (d == "endscript") {
    return "endscript without a script";
  } else if (!IsOtherDirective(d)) {
    return "unknown directive";
  }
  return "";
}

std::string LogrotateReader::Include(std::string_view target) {
  std::string path(target);
  if (snap_.File(path)) {
    ReadFile(path);
    return "";
  }  // else a directory: its files in lexical order, as logrotate reads them
  std::string dir = EndsWith(path, "/") ? path : path + "/";
  for (const std::string& file : snap_.FilesUnder(dir)) {
    if (!IsTaboo(std::string_view(file).substr(dir.size()))) ReadFile(file);
  }
  return "";
}

// "paths {" (directives may follow the brace on the same line).
std::string LogrotateReader::OpenBlock(std::string_view rest, std::vector<std::string> paths, int n) {
  if (paths.empty()) return "block without a log path";
  block_ = Block{std::move(paths), globals_, n};
  rest = Trim(rest);
  if (rest.empty()) return "";
  return Directive(rest, block_->settings, true);
}

void LogrotateReader::CloseBlock(const std::string& file) {
  const Settings& s = block_->settings;
  auto opt = [](const std::optional<std::string>& v) { return v ? V(*v) : VNull(); };
  out_.Add(kRules, {V(Join(block_->paths, " ")), V(s.frequency), V(s.rotate), VBool(s.compress), opt(s.maxsize),
                    opt(s.size), VBool(s.missingok), V(file), V(static_cast<int64_t>(block_->line))});
  block_.reset();
}

// One line outside scripts; returns "" or the message for a malformed line. A path line may put
// its '{' on the next line (`pending`).
std::string LogrotateReader::ReadLine(std::string_view t, int n, const std::string& path, Pending& pending) {
  if (block_ && t == "}") {
    CloseBlock(path);
    return "";
  }
  if (block_) {
    return t.find('{') != std::string_view::npos ? "a log block cannot be nested"
                                                 : Directive(t, block_->settings, true);
  }
  if (t[0] == '{' && !pending.paths.empty()) {
    std::vector<std::string> paths = std::move(pending.paths);
    pending.paths.clear();
    return OpenBlock(t.substr(1), std::move(paths), pending.line);
  }
  if (size_t brace = t.find('{'); brace != std::string_view::npos) {
    return OpenBlock(t.substr(brace + 1), SplitPaths(t.substr(0, brace)), n);
  }
  if (t[0] == '/' || t[0] == '"' || t[0] == '\'' || t[0] == '~') {
    pending = {SplitPaths(t), n};
    return "";
  }
  if (t == "}") return "'}' without a log block";
  return Directive(t, globals_, false);
}

// One line at a time; scripts are skipped to their endscript.
void LogrotateReader::ReadFile(const std::string& path) {
  const std::string* text = snap_.File(path);
  if (!text || reading_.count(path)) return;
  reading_.insert(path);
  Pending pending;
  int n = 0, script_line = 0;
  for (std::string_view raw : SplitLines(*text)) {
    ++n;
    std::string_view t = Trim(raw);
    if (in_script_) {
      if (t.substr(0, 9) == "endscript") in_script_ = false;
      continue;
    }
    if (t.empty() || t[0] == '#') continue;
    std::string error = ReadLine(t, n, path, pending);
    if (in_script_) script_line = n;
    if (!error.empty()) {
      out_.Error(kCategory, path, n, error);
      ok_ = false;
    }
  }
  if (in_script_) out_.Error(kCategory, path, script_line, "script without endscript");
  if (block_) out_.Error(kCategory, path, block_->line, "log block is not closed with '}'");
  if (!pending.paths.empty()) out_.Error(kCategory, path, pending.line, "log paths without a '{' block");
  ok_ = ok_ && !in_script_ && !block_ && pending.paths.empty();
  in_script_ = false;
  block_.reset();
  reading_.erase(path);
}

void ParseLogrotate(const Snapshot& snap, FactSink& out) {
  LogrotateReader reader(snap, out);
  std::string source(kMain);
  if (snap.File(source)) {
    reader.ReadFile(source);
  } else {
    source = std::string(kDropIns);
    std::vector<std::string> files = snap.FilesUnder(source + "/");
    if (files.empty()) return;
    for (const std::string& file : files) {
      if (!IsTaboo(std::string_view(file).substr(source.size() + 1))) reader.ReadFile(file);
    }
  }
  if (reader.ok()) out.Coverage(kCategory, source, CoverageState::kOk);
}

const bool kRegistered = RegisterParser({"logrotate",
                                         "log rotation rules",
                                         ParseLogrotate,
                                         std::string(kCategory),
                                         {std::string(kMain), "/etc/logrotate.d/nginx"}});

}  // namespace
}  // namespace shipshape
