// Plan-wide checks of a plan file: unique ids, known and acyclic dependencies, hosts in the plan.
#include <map>
#include <set>

#include "base/strings.h"
#include "plan/plan_file_parts.h"
#include "plan/task_dag.h"

namespace shipshape::plan_reader {
namespace {

Status UniqueIds(const Source& src, const PlanFile& plan) {
  std::map<std::string, int> milestones, groups, tasks;
  auto seen = [&src](std::map<std::string, int>& ids, const std::string& what, const std::string& id, int line) {
    auto [it, fresh] = ids.emplace(id, line);
    if (fresh) return Status::Ok();
    return src.Error("duplicate " + what + " id " + id + " (first at line " + std::to_string(it->second) + ")", line);
  };
  for (const PlanMilestone& m : plan.milestones) {
    if (Status st = seen(milestones, "milestone", m.id, m.line); !st.ok()) return st;
    for (const PlanGroup& g : m.groups) {
      if (Status st = seen(groups, "group", g.id, g.line); !st.ok()) return st;
      for (const PlanTask& t : g.tasks) {
        if (Status st = seen(tasks, "task", t.id, t.line); !st.ok()) return st;
      }
    }
  }
  return Status::Ok();
}

Status HostsInPlan(const Source& src, const PlanFile& plan) {
  if (plan.hosts.empty()) return Status::Ok();
  std::set<std::string> allowed(plan.hosts.begin(), plan.hosts.end());
  for (const PlanTask* t : plan.Tasks()) {
    for (const std::string& h : t->hosts) {
      if (!allowed.count(h)) {
        return src.Error(
            "task " + t->id + ": host " + h + " is not among the plan's hosts (" + Join(plan.hosts, ", ") + ")",
            t->hosts_line ? t->hosts_line : t->line);
      }
    }
  }
  return Status::Ok();
}

// Builds the graph; an unknown id is an error at the task's depends_on line.
Status BuildGraph(const Source& src, const std::vector<const PlanTask*>& tasks, DepGraph* deps) {
  std::map<std::string, int> index;
  for (size_t i = 0; i < tasks.size(); ++i) index[tasks[i]->id] = static_cast<int>(i);
  deps->assign(tasks.size(), {});
  for (size_t i = 0; i < tasks.size(); ++i) {
    for (const std::string& d : tasks[i]->depends_on) {
      auto it = index.find(d);
      if (it == index.end()) {
        return src.Error("task " + tasks[i]->id + " depends on " + d + ", which is no task of this plan",
                         tasks[i]->depends_line ? tasks[i]->depends_line : tasks[i]->line);
      }
      (*deps)[i].push_back(it->second);
    }
  }
  return Status::Ok();
}

}  // namespace

Status CheckPlanGraph(const PlanFile& plan) {
  Source src{plan.file};
  if (Status st = UniqueIds(src, plan); !st.ok()) return st;
  if (Status st = HostsInPlan(src, plan); !st.ok()) return st;
  std::vector<const PlanTask*> tasks = plan.Tasks();
  DepGraph deps;
  if (Status st = BuildGraph(src, tasks, &deps); !st.ok()) return st;
  std::vector<int> cycle = FindCycle(deps);
  if (cycle.empty()) return Status::Ok();
  std::vector<std::string> names;
  for (int n : cycle) names.push_back(tasks[n]->id);
  const PlanTask* first = tasks[cycle.front()];
  return src.Error("dependency cycle: " + Join(names, " -> "), first->depends_line ? first->depends_line : first->line);
}

}  // namespace shipshape::plan_reader
