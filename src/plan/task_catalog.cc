// Reading catalog files (embedded catalog/*.yaml and user folders) and merging their layers.
#include "plan/task_catalog.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "base/embedded.h"
#include "base/file_io.h"
#include "base/strings.h"
#include "base/yaml.h"
#include "plan/catalog_check.h"
#include "plan/effort.h"

namespace shipshape {
namespace {

const std::set<std::string>& KnownKeys() {
  static const std::set<std::string> kKeys = {"id",         "title",      "resolves",     "effort",
                                              "risk",       "risk_note",  "rollback",     "steps",
                                              "acceptance", "depends_on", "human_action", "per"};
  return kKeys;
}

bool ValidId(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// A list of scalars; a single scalar is not accepted (a forgotten dash would pass unnoticed).
bool ScalarList(const YamlNode& node, std::vector<std::string>* out) {
  if (!node.IsDefined() || node.IsNull()) return true;
  if (!node.IsSeq()) return false;
  for (const YamlNode& e : node.Elements()) {
    if (!e.IsScalar() || e.Scalar().empty()) return false;
    out->push_back(e.Scalar());
  }
  return true;
}

struct TaskReader {
  const YamlNode& y;
  CatalogTask& t;
  std::vector<Status>& errors;
  bool ok = true;

  void Fail(const std::string& message, int line) {
    errors.push_back(Status::Invalid("task '" + t.id + "': " + message, t.source, line ? line : t.line));
    ok = false;
  }
  int Line(const char* key) const { return y[key].Line(); }
  void List(const char* key, std::vector<std::string>* out) {
    if (!ScalarList(y[key], out)) Fail(std::string(key) + " must be a list of names", Line(key));
  }
  void Keys() {
    for (const auto& [key, value] : y.Entries()) {
      t.key_lines[key] = value.Line();
      if (!KnownKeys().count(key)) Fail("unknown key '" + key + "'", value.Line());
    }
  }
  void Required() {
    if (!ValidId(t.id)) Fail("id must be lower-case letters, digits and '-'", Line("id"));
    for (const char* key : {"title", "rollback"}) {
      if (Trim(y[key].Scalar()).empty()) Fail(std::string("has no '") + key + "'", Line(key));
    }
    if (auto minutes = ParseEffort(t.effort))
      t.effort_minutes = *minutes;
    else
      Fail("effort must be like 30m, 2h, 1d or 1w (got '" + t.effort + "')", Line("effort"));
    if (t.steps.empty()) Fail("has no steps", Line("steps"));
  }
  void Enums() {
    std::string risk = y["risk"].Scalar("low");
    if (risk == "low")
      t.risk = TaskRisk::kLow;
    else if (risk == "medium")
      t.risk = TaskRisk::kMedium;
    else if (risk == "high")
      t.risk = TaskRisk::kHigh;
    else
      Fail("risk must be low, medium or high (got '" + risk + "')", Line("risk"));
    std::string per = y["per"].Scalar("host");
    if (per == "host")
      t.per = TaskScope::kHost;
    else if (per == "finding")
      t.per = TaskScope::kFinding;
    else if (per == "fleet")
      t.per = TaskScope::kFleet;
    else
      Fail("per must be host, finding or fleet (got '" + per + "')", Line("per"));
    std::string human = y["human_action"].Scalar("false");
    if (human != "true" && human != "false") Fail("human_action must be true or false", Line("human_action"));
    t.human_action = human == "true";
  }
  void Acceptance() {
    YamlNode a = y["acceptance"];
    if (a.IsDefined() && !a.IsNull() && !a.IsMap()) return Fail("acceptance must be a mapping", a.Line());
    bool has_rules = a["rules"].IsDefined();
    if (!ScalarList(a["rules"], &t.accept_rules))
      Fail("acceptance.rules must be a list of rule ids", a["rules"].Line());
    if (!ScalarList(a["notes"], &t.accept_notes)) Fail("acceptance.notes must be a list", a["notes"].Line());
    t.accept_sql = std::string(Trim(a["sql"].Scalar()));
    for (const auto& [key, value] : a.Entries()) {
      if (key != "rules" && key != "sql" && key != "notes") Fail("unknown acceptance key '" + key + "'", value.Line());
    }
    if (!has_rules) t.accept_rules = t.resolves;
  }
  void Read() {
    t.id = y["id"].Scalar();
    t.title = y["title"].Scalar();
    t.effort = y["effort"].Scalar();
    t.risk_note = y["risk_note"].Scalar();
    t.rollback = y["rollback"].Scalar();
    Keys();
    List("resolves", &t.resolves);
    List("steps", &t.steps);
    List("depends_on", &t.depends_on);
    Required();
    Enums();
    Acceptance();
  }
};

}  // namespace

std::string TaskRiskName(TaskRisk r) {
  return r == TaskRisk::kHigh ? "high" : r == TaskRisk::kMedium ? "medium" : "low";
}

const CatalogTask* TaskCatalog::Find(const std::string& id) const {
  auto it = std::lower_bound(tasks.begin(), tasks.end(), id,
                             [](const CatalogTask& t, const std::string& key) { return t.id < key; });
  return it != tasks.end() && it->id == id ? &*it : nullptr;
}

std::vector<CatalogTask> ParseCatalogFile(std::string_view yaml_text, const std::string& source,
                                          std::vector<Status>* errors) {
  std::vector<CatalogTask> out;
  auto parsed = ParseYaml(yaml_text, source);
  if (!parsed.ok()) {
    errors->push_back(parsed.status());
    return out;
  }
  YamlNode list = (*parsed)["tasks"];
  if (!parsed->IsMap() || !list.IsSeq()) {
    errors->push_back(Status::Invalid("a catalog file holds 'tasks:', a list of tasks", source, 1));
    return out;
  }
  for (const YamlNode& y : list.Elements()) {
    CatalogTask t;
    t.source = source;
    t.line = y.Line();
    if (!y.IsMap()) {
      errors->push_back(Status::Invalid("a task must be a mapping", source, y.Line()));
      continue;
    }
    TaskReader reader{y, t, *errors};
    reader.Read();
    if (reader.ok) out.push_back(std::move(t));
  }
  return out;
}

std::vector<std::string> UserCatalogDirs(const std::string& cli_dir) {
  std::vector<std::string> dirs;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
    std::string dir = std::string(xdg) + "/shipshape/catalog";
    if (IsDirectory(dir)) dirs.push_back(dir);
  }
  if (!cli_dir.empty()) dirs.push_back(cli_dir);
  return dirs;
}

namespace {

// Adds one layer's tasks: duplicates inside the layer are errors, earlier layers are replaced.
void MergeLayer(std::vector<CatalogTask> layer, std::map<std::string, CatalogTask>& by_id,
                std::vector<Status>& errors) {
  std::map<std::string, const CatalogTask*> seen;
  for (const CatalogTask& t : layer) {
    auto [it, fresh] = seen.emplace(t.id, &t);
    if (!fresh) {
      errors.push_back(Status::Invalid("duplicate task id '" + t.id + "' (first defined at " + it->second->source +
                                           ":" + std::to_string(it->second->line) + ")",
                                       t.source, t.line));
    }
  }
  for (CatalogTask& t : layer) by_id[t.id] = std::move(t);
}

std::vector<CatalogTask> ReadDir(const std::string& dir, std::vector<Status>& errors) {
  std::vector<CatalogTask> layer;
  auto files = ListFilesRecursive(dir);
  if (!files.ok()) {
    errors.push_back(files.status());
    return layer;
  }
  for (const std::string& rel : *files) {
    if (!EndsWith(rel, ".yaml") && !EndsWith(rel, ".yml")) continue;
    auto text = ReadWholeFile(dir + "/" + rel);
    if (!text.ok()) {
      errors.push_back(text.status());
      continue;
    }
    for (CatalogTask& t : ParseCatalogFile(*text, dir + "/" + rel, &errors)) layer.push_back(std::move(t));
  }
  return layer;
}

}  // namespace

CatalogLoad LoadTaskCatalog(const CatalogSources& sources, const std::vector<std::string>& rule_ids) {
  CatalogLoad load;
  std::map<std::string, CatalogTask> by_id;
  if (sources.embedded) {
    std::vector<CatalogTask> layer;
    for (const EmbeddedFile& f : EmbeddedFiles()) {
      if (!StartsWith(f.path, "catalog/") || !EndsWith(f.path, ".yaml")) continue;
      for (CatalogTask& t : ParseCatalogFile(f.content, std::string(f.path), &load.errors))
        layer.push_back(std::move(t));
    }
    MergeLayer(std::move(layer), by_id, load.errors);
  }
  for (const std::string& dir : sources.dirs) MergeLayer(ReadDir(dir, load.errors), by_id, load.errors);
  std::vector<CatalogTask> texts;
  for (const auto& [name, text] : sources.texts) {
    for (CatalogTask& t : ParseCatalogFile(text, name, &load.errors)) texts.push_back(std::move(t));
  }
  if (!sources.texts.empty()) MergeLayer(std::move(texts), by_id, load.errors);
  for (auto& [id, t] : by_id) load.catalog.tasks.push_back(std::move(t));
  std::set<std::string> rules(rule_ids.begin(), rule_ids.end());
  for (Status& s : CheckCatalog(load.catalog.tasks, rules)) load.errors.push_back(std::move(s));
  return load;
}

}  // namespace shipshape
