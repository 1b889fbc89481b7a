// Files of stack hosts in reports: relative to the stack folder.
#include "plan/stack_paths.h"

#include <algorithm>
#include <map>
#include <set>

namespace shipshape {
namespace {

void DropSlash(std::string& file) {
  if (!file.empty() && file[0] == '/') file.erase(0, 1);
}

// Rules name stack paths in subjects and evidence too ("env file /.env sets …", "nginx
// /nginx/conf.d/*.conf"): each such path, at the start or after a blank or '(', loses its slash. Only
// paths of the stack's own files are touched: a container path ("root /var/www") keeps its slash.
void DropSlashOfPaths(std::string& text, const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    if (path.size() < 2 || path[0] != '/') continue;
    for (size_t at = text.find(path); at != std::string::npos; at = text.find(path, at + 1)) {
      if (at == 0 || text[at - 1] == ' ' || text[at - 1] == '(') text.erase(at, 1);
    }
  }
}

// The stack's file paths the facts name (files read, nginx configs), longest first.
Result<std::vector<std::string>> StackPaths(FactDb& db, const std::string& host) {
  auto stmt = db.db().Prepare(
      "SELECT source FROM coverage WHERE host = ?1 AND source LIKE '/%' "
      "UNION SELECT config FROM nginx_servers WHERE host = ?1 AND config LIKE '/%' "
      "UNION SELECT file FROM diagnostics WHERE host = ?1 AND file LIKE '/%'");
  if (!stmt.ok()) return stmt.status();
  (*stmt)->BindText(1, host);
  std::vector<std::string> out;
  Status status;
  while ((*stmt)->Step(&status)) out.push_back((*stmt)->ColumnText(0));
  if (!status.ok()) return status;
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  return out;
}

}  // namespace

Result<std::vector<std::string>> StackHosts(FactDb& db) {
  auto rows = SelectText(db.db(), "SELECT host FROM hosts WHERE method = 'stack' ORDER BY host");
  if (!rows.ok()) return rows.status();
  std::vector<std::string> out;
  for (const auto& row : *rows) out.push_back(row.at(0));
  return out;
}

Status MakeStackFindingsRelative(FactDb& db, std::vector<Finding>* findings, std::vector<Diagnostic>* errors) {
  auto hosts = StackHosts(db);
  if (!hosts.ok()) return hosts.status();
  std::set<std::string> stacks(hosts->begin(), hosts->end());
  if (stacks.empty()) return Status::Ok();
  std::map<std::string, std::vector<std::string>> paths;
  for (const std::string& host : stacks) {
    auto p = StackPaths(db, host);
    if (!p.ok()) return p.status();
    paths[host] = std::move(p).value();
  }
  for (Finding& f : *findings) {
    if (!stacks.count(f.host)) continue;
    std::vector<std::string>& known = paths[f.host];
    if (!f.file.empty() && std::find(known.begin(), known.end(), f.file) == known.end()) known.push_back(f.file);
    DropSlashOfPaths(f.subject, known);
    DropSlashOfPaths(f.evidence, known);
    DropSlash(f.file);
    if (auto it = f.columns.find("file"); it != f.columns.end()) DropSlash(it->second);
  }
  if (!errors) return Status::Ok();
  for (Diagnostic& d : *errors) {
    if (stacks.count(d.host)) DropSlash(d.file);
  }
  return Status::Ok();
}

Status MakeStackFilesRelative(FactDb& db, Report* report) {
  return MakeStackFindingsRelative(db, &report->findings, &report->errors);
}

}  // namespace shipshape
