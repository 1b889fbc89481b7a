// Task instances: one per (task, host), (task, finding) or task, and their prerequisite edges.
#include "plan/task_instances.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "plan/task_template.h"

namespace shipshape {
namespace {

using InstanceKey = std::tuple<std::string, std::string, int>;  // task id, host ("" for fleet), finding or -1

InstanceKey KeyFor(const CatalogTask& t, const std::string& host, int finding) {
  if (t.per == TaskScope::kFleet) return {t.id, "", -1};
  return {t.id, host, t.per == TaskScope::kFinding ? finding : -1};
}

struct Builder {
  const TaskCatalog& catalog;
  Plan& plan;
  std::map<InstanceKey, int> index;

  int Instance(const CatalogTask& t, const std::string& host, int finding) {
    auto [it, fresh] = index.emplace(KeyFor(t, host, finding), static_cast<int>(plan.tasks.size()));
    if (fresh) {
      PlannedTask p;
      p.task = &t;
      plan.tasks.push_back(std::move(p));
    }
    PlannedTask& p = plan.tasks[it->second];
    if (std::find(p.hosts.begin(), p.hosts.end(), host) == p.hosts.end()) p.hosts.push_back(host);
    return it->second;
  }

  void AddFindings() {
    const std::vector<Finding>& findings = plan.report.findings;
    for (size_t i = 0; i < findings.size(); ++i) {
      bool planned = false;
      for (const CatalogTask& t : catalog.tasks) {
        if (std::find(t.resolves.begin(), t.resolves.end(), findings[i].rule) == t.resolves.end()) continue;
        int at = Instance(t, findings[i].host, static_cast<int>(i));
        plan.tasks[at].findings.push_back(static_cast<int>(i));
        planned = true;
      }
      if (!planned) plan.unplanned.push_back(static_cast<int>(i));
    }
  }

  // The instances of `dep` that instance `at` waits for; a task resolving no rule is created.
  std::vector<int> Prerequisites(int at, const CatalogTask& dep) {
    std::vector<int> out;
    std::vector<std::string> hosts = plan.tasks[at].hosts;
    for (const std::string& host : hosts) {
      bool found = false;
      InstanceKey from = dep.per == TaskScope::kFleet ? InstanceKey{dep.id, "", -1} : InstanceKey{dep.id, host, -1};
      for (auto it = index.lower_bound(from); it != index.end(); ++it) {
        if (std::get<0>(it->first) != dep.id || std::get<1>(it->first) != std::get<1>(from)) break;
        if (std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
        found = true;
      }
      if (!found && dep.resolves.empty()) out.push_back(Instance(dep, host, -1));
    }
    return out;
  }

  Status Link() {
    for (size_t at = 0; at < plan.tasks.size(); ++at) {  // grows while support tasks are added
      const CatalogTask& t = *plan.tasks[at].task;
      for (const std::string& id : t.depends_on) {
        const CatalogTask* dep = catalog.Find(id);
        if (!dep) {
          return Status::Invalid("task '" + t.id + "' depends on unknown task '" + id + "'", t.source, t.line);
        }
        std::vector<int> pre = Prerequisites(static_cast<int>(at), *dep);
        std::vector<int>& deps = plan.tasks[at].deps;
        for (int p : pre) {
          if (p != static_cast<int>(at)) deps.push_back(p);
        }
      }
    }
    return Status::Ok();
  }

  void Describe() {
    for (PlannedTask& p : plan.tasks) {
      std::sort(p.hosts.begin(), p.hosts.end());
      std::vector<const Finding*> findings;
      for (int i : p.findings) {
        findings.push_back(&plan.report.findings[i]);
        p.priority = std::min(p.priority, plan.report.findings[i].severity);
      }
      p.title = ExpandTitle(p.task->title, p.hosts, findings);
      p.steps = ExpandSteps(p.task->steps, p.hosts, findings);
    }
  }
};

}  // namespace

Status InstantiateTasks(const TaskCatalog& catalog, Plan* plan) {
  Builder b{catalog, *plan, {}};
  b.AddFindings();
  if (Status st = b.Link(); !st.ok()) return st;
  b.Describe();
  return Status::Ok();
}

}  // namespace shipshape
