// Reading a plan file: the document, its milestones, groups and tasks (accept checks elsewhere).
#include "plan/plan_file.h"

#include <algorithm>

#include "base/file_io.h"
#include "base/strings.h"
#include "base/yaml.h"
#include "plan/effort.h"
#include "plan/plan_file_parts.h"

namespace shipshape {

using plan_reader::Source;

namespace plan_reader {

Status CheckKeys(const Source& src, const YamlNode& map, const std::set<std::string>& known, const std::string& what) {
  for (const auto& [key, value] : map.KeyedEntries()) {
    if (!known.count(key.first)) return src.Error("unknown key '" + key.first + "' in " + what, key.second);
  }
  return Status::Ok();
}

Status ScalarList(const Source& src, const YamlNode& node, const std::string& what, std::vector<std::string>* out) {
  if (!node.IsDefined() || node.IsNull()) return Status::Ok();
  if (!node.IsSeq()) return src.Error(what + " must be a list ([a, b])", node.Line());
  for (const YamlNode& e : node.Elements()) {
    std::string value(Trim(e.Scalar()));
    if (!e.IsScalar() || value.empty()) return src.Error(what + " must list non-empty names", e.Line());
    out->push_back(value);
  }
  return Status::Ok();
}

Status Bool(const Source& src, const YamlNode& node, const std::string& what, bool* out) {
  std::string v = ToLower(Trim(node.Scalar()));
  if (v == "true" || v == "yes" || v == "on")
    *out = true;
  else if (v == "false" || v == "no" || v == "off")
    *out = false;
  else
    return src.Error(what + " must be true or false", node.Line());
  return Status::Ok();
}

}  // namespace plan_reader

namespace {

using plan_reader::Bool;
using plan_reader::CheckKeys;
using plan_reader::ScalarList;

// The line of `key` in `map`, else the map's own line.
int KeyLine(const YamlNode& map, const std::string& key) {
  for (const auto& [k, v] : map.KeyedEntries()) {
    if (k.first == key) return k.second;
  }
  return map.Line();
}

// A required non-empty scalar.
Status Required(const Source& src, const YamlNode& map, const std::string& key, const std::string& what,
                std::string* out) {
  *out = std::string(Trim(map[key].Scalar()));
  if (out->empty()) return src.Error(what + " has no '" + key + "'", map.Line());
  return Status::Ok();
}

bool IsDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

Status ReadSignoff(const Source& src, const YamlNode& node, PlanTask& t) {
  const std::string what = "signoff of task " + t.id;
  if (!node.IsMap()) return src.Error(what + " must be a map {by, date, note}", node.Line());
  if (Status st = CheckKeys(src, node, {"by", "date", "note"}, what); !st.ok()) return st;
  Signoff s;
  if (Status st = Required(src, node, "by", what, &s.by); !st.ok()) return st;
  if (Status st = Required(src, node, "date", what, &s.date); !st.ok()) return st;
  if (!IsDate(s.date)) return src.Error(what + ": date must be YYYY-MM-DD", KeyLine(node, "date"));
  s.note = node["note"].Scalar();
  t.signoff = std::move(s);
  return Status::Ok();
}

Status ReadTaskLists(const Source& src, const YamlNode& y, PlanTask& t) {
  const std::string of = " of task " + t.id;
  for (auto [key, out] : {std::pair{"depends_on", &t.depends_on}, std::pair{"hosts", &t.hosts},
                          std::pair{"refs", &t.refs}, std::pair{"rule_refs", &t.rule_refs}}) {
    if (Status st = ScalarList(src, y[key], key + of, out); !st.ok()) return st;
  }
  const YamlNode steps = y["steps"];
  if (steps.IsDefined() && !steps.IsNull()) {
    if (!steps.IsSeq()) return src.Error("steps" + of + " must be a list", steps.Line());
    for (const YamlNode& e : steps.Elements()) t.steps.push_back(e.Scalar());
  }
  t.depends_line = KeyLine(y, "depends_on");
  t.hosts_line = KeyLine(y, "hosts");
  return Status::Ok();
}

// Everything but the accept checks and the plan-wide checks.
Status ReadTaskFields(const Source& src, const YamlNode& y, PlanTask& t) {
  static const std::set<std::string> kKeys = {"id",     "title",        "estimate", "depends_on", "hosts",
                                              "refs",   "rule_refs",    "risk",     "rollback",   "steps",
                                              "accept", "human_action", "signoff"};
  t.line = y.Line();
  if (Status st = Required(src, y, "id", "a task", &t.id); !st.ok()) return st;
  if (Status st = CheckKeys(src, y, kKeys, "task " + t.id); !st.ok()) return st;
  if (Status st = Required(src, y, "title", "task " + t.id, &t.title); !st.ok()) return st;
  t.estimate = std::string(Trim(y["estimate"].Scalar()));
  if (y["estimate"].IsDefined() && !y["estimate"].IsNull()) {
    auto minutes = ParseEffort(t.estimate);
    if (!minutes)
      return src.Error("estimate of task " + t.id + " must be like 15m, 1h, 1d or 1w", KeyLine(y, "estimate"));
    t.estimate_minutes = *minutes;
  }
  if (Status st = ReadTaskLists(src, y, t); !st.ok()) return st;
  t.risk = y["risk"].Scalar();
  t.rollback = y["rollback"].Scalar();
  if (y["human_action"].IsDefined()) {
    if (Status st = Bool(src, y["human_action"], "human_action of task " + t.id, &t.human_action); !st.ok()) return st;
  }
  return Status::Ok();
}

Status ReadTask(const Source& src, const YamlNode& y, const PlanFile& plan, int plan_hosts_line, PlanTask& t) {
  if (!y.IsMap()) return src.Error("a task must be a map (id, title, accept, …)", y.Line());
  if (Status st = ReadTaskFields(src, y, t); !st.ok()) return st;
  if (y["signoff"].IsDefined() && !y["signoff"].IsNull()) {
    if (!t.human_action)
      return src.Error("task " + t.id + " has a signoff but is not a human action", KeyLine(y, "signoff"));
    if (Status st = ReadSignoff(src, y["signoff"], t); !st.ok()) return st;
  }
  if (Status st = plan_reader::ReadAcceptList(src, y["accept"], t.id, &t.accept); !st.ok()) return st;
  if (t.accept.empty() && !t.human_action) {
    return src.Error("task " + t.id + " has no accept checks and is not a human action: no way to verify it", t.line);
  }
  if (t.hosts.empty()) {
    t.hosts = plan.hosts;
    t.hosts_line = plan_hosts_line;
  }
  if (t.hosts.empty() && !t.accept.empty()) {
    return src.Error("task " + t.id + " has accept checks but no hosts (give hosts: here or at the top of the plan)",
                     t.line);
  }
  return Status::Ok();
}

Status ReadGroup(const Source& src, const YamlNode& y, const PlanFile& plan, int hosts_line, PlanGroup& g) {
  if (!y.IsMap()) return src.Error("a group must be a map (id, title, tasks)", y.Line());
  g.line = y.Line();
  if (Status st = Required(src, y, "id", "a group", &g.id); !st.ok()) return st;
  if (Status st = CheckKeys(src, y, {"id", "title", "tasks"}, "group " + g.id); !st.ok()) return st;
  g.title = y["title"].Scalar();
  if (!y["tasks"].IsSeq() || y["tasks"].Size() == 0) return src.Error("group " + g.id + " has no tasks", g.line);
  for (const YamlNode& ty : y["tasks"].Elements()) {
    PlanTask t;
    if (Status st = ReadTask(src, ty, plan, hosts_line, t); !st.ok()) return st;
    g.tasks.push_back(std::move(t));
  }
  return Status::Ok();
}

Status ReadMilestone(const Source& src, const YamlNode& y, const PlanFile& plan, int hosts_line, PlanMilestone& m) {
  if (!y.IsMap()) return src.Error("a milestone must be a map (id, title, groups)", y.Line());
  m.line = y.Line();
  if (Status st = Required(src, y, "id", "a milestone", &m.id); !st.ok()) return st;
  if (Status st = CheckKeys(src, y, {"id", "title", "goal", "groups"}, "milestone " + m.id); !st.ok()) return st;
  m.title = y["title"].Scalar();
  m.goal = y["goal"].Scalar();
  if (!y["groups"].IsSeq() || y["groups"].Size() == 0) return src.Error("milestone " + m.id + " has no groups", m.line);
  for (const YamlNode& gy : y["groups"].Elements()) {
    PlanGroup g;
    if (Status st = ReadGroup(src, gy, plan, hosts_line, g); !st.ok()) return st;
    m.groups.push_back(std::move(g));
  }
  return Status::Ok();
}

Status ReadDocument(const Source& src, const YamlNode& root, PlanFile& plan) {
  if (!root.IsMap()) return src.Error("not a plan file: expected a map with format: " + std::string(kPlanFormat), 1);
  if (Status st = CheckKeys(src, root, {"format", "title", "hosts", "milestones"}, "the plan"); !st.ok()) return st;
  if (root["format"].Scalar() != kPlanFormat) {
    return src.Error("not a plan file: format must be " + std::string(kPlanFormat), KeyLine(root, "format"));
  }
  plan.title = root["title"].Scalar();
  if (Status st = ScalarList(src, root["hosts"], "hosts of the plan", &plan.hosts); !st.ok()) return st;
  const int hosts_line = KeyLine(root, "hosts");
  if (!root["milestones"].IsSeq() || root["milestones"].Size() == 0) {
    return src.Error("the plan has no milestones", KeyLine(root, "milestones"));
  }
  for (const YamlNode& my : root["milestones"].Elements()) {
    PlanMilestone m;
    if (Status st = ReadMilestone(src, my, plan, hosts_line, m); !st.ok()) return st;
    plan.milestones.push_back(std::move(m));
  }
  return Status::Ok();
}

}  // namespace

std::vector<const PlanTask*> PlanFile::Tasks() const {
  std::vector<const PlanTask*> out;
  for (const PlanMilestone& m : milestones) {
    for (const PlanGroup& g : m.groups) {
      for (const PlanTask& t : g.tasks) out.push_back(&t);
    }
  }
  return out;
}

const PlanTask* PlanFile::FindTask(const std::string& id) const {
  for (const PlanTask* t : Tasks()) {
    if (t->id == id) return t;
  }
  return nullptr;
}

std::set<std::string> PlanFile::AllHosts() const {
  std::set<std::string> out;
  for (const PlanTask* t : Tasks()) out.insert(t->hosts.begin(), t->hosts.end());
  return out;
}

Result<PlanFile> ParsePlanFile(std::string_view yaml_text, const std::string& file) {
  auto root = ParseYaml(yaml_text, file);
  if (!root.ok()) return root.status();
  PlanFile plan;
  plan.file = file;
  Source src{file};
  if (Status st = ReadDocument(src, *root, plan); !st.ok()) return st;
  if (Status st = plan_reader::CheckPlanGraph(plan); !st.ok()) return st;
  return plan;
}

Result<PlanFile> ReadPlanFile(const std::string& path) {
  auto text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  return ParsePlanFile(*text, path);
}

Status CheckPlanHosts(const PlanFile& plan, const std::set<std::string>& available) {
  for (const PlanTask* t : plan.Tasks()) {
    if (t->accept.empty()) continue;  // a human action: nothing is checked on its hosts
    for (const std::string& h : t->hosts) {
      if (available.count(h)) continue;
      std::vector<std::string> have(available.begin(), available.end());
      return Status::Invalid("task " + t->id + ": host " + h + " is not among the targets (" +
                                 (have.empty() ? std::string("none") : Join(have, ", ")) + ")",
                             plan.file, t->hosts_line ? t->hosts_line : t->line);
    }
  }
  return Status::Ok();
}

}  // namespace shipshape
