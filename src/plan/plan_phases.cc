// Phase assignment, grouping and ordering of a plan's task instances.
#include "plan/plan_phases.h"

#include <algorithm>
#include <map>

#include "plan/task_dag.h"
#include "plan/task_template.h"

namespace shipshape {
namespace {

struct PhaseText {
  const char* title;
  const char* goal;
};

const PhaseText kPhaseText[4] = {
    {"Critical security", "Eliminate every P1 issue on every server before any other work proceeds."},
    {"Stability and high risk", "Eliminate every P2 issue: no unplanned downtime, no significant exposure."},
    {"Hardening", "Apply security best practice on every server; no P3 issue left open."},
    {"Modernization", "Every server on supported releases and current software; no legacy debt blocking new work."},
};

DepGraph GraphOf(const std::vector<PlannedTask>& tasks) {
  DepGraph deps;
  for (const PlannedTask& t : tasks) deps.push_back(t.deps);
  return deps;
}

std::string Label(const PlannedTask& t) { return t.task->id + (t.hosts.size() == 1 ? "@" + t.hosts[0] : ""); }

// Dependants before their prerequisites, so a prerequisite sees every phase that needs it.
void PullForward(Plan& plan, const std::vector<int>& order) {
  for (PlannedTask& t : plan.tasks) t.phase = t.findings.empty() ? 5 : static_cast<int>(t.priority);
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const PlannedTask& t = plan.tasks[*it];
    for (int d : t.deps) {
      PlannedTask& pre = plan.tasks[d];
      if (t.phase < pre.phase) {
        pre.phase = t.phase;
        pre.pulled = true;
      }
    }
  }
  for (PlannedTask& t : plan.tasks) {
    if (t.findings.empty()) t.priority = static_cast<Severity>(t.phase);
  }
}

std::string GroupTitle(const Plan& plan, const PhaseGroup& g) {
  std::vector<std::string> hosts;
  std::vector<const Finding*> findings;
  for (int i : g.tasks) {
    for (const std::string& h : plan.tasks[i].hosts) {
      if (std::find(hosts.begin(), hosts.end(), h) == hosts.end()) hosts.push_back(h);
    }
    for (int f : plan.tasks[i].findings) findings.push_back(&plan.report.findings[f]);
  }
  return ExpandTitle(g.task->title, hosts, findings);
}

// The groups of one phase, in a topological order of their catalog tasks.
std::vector<PhaseGroup> GroupsOf(const Plan& plan, int phase) {
  std::map<std::string, int> by_task;
  std::vector<PhaseGroup> groups;
  for (size_t i = 0; i < plan.tasks.size(); ++i) {
    const PlannedTask& t = plan.tasks[i];
    if (t.phase != phase) continue;
    auto [it, fresh] = by_task.emplace(t.task->id, static_cast<int>(groups.size()));
    if (fresh) groups.push_back(PhaseGroup{"", "", t.task, {}});
    groups[it->second].tasks.push_back(static_cast<int>(i));
  }
  auto first_host = [&](const PhaseGroup& g) { return plan.tasks[g.tasks.front()].hosts.front(); };
  auto priority = [&](const PhaseGroup& g) {
    Severity best = Severity::kP4;
    for (int i : g.tasks) best = std::min(best, plan.tasks[i].priority);
    return best;
  };
  for (PhaseGroup& g : groups) {
    std::sort(g.tasks.begin(), g.tasks.end(),
              [&](int a, int b) { return std::tie(plan.tasks[a].hosts, a) < std::tie(plan.tasks[b].hosts, b); });
  }
  DepGraph deps(groups.size());
  for (size_t g = 0; g < groups.size(); ++g) {
    for (int i : groups[g].tasks) {
      for (int d : plan.tasks[i].deps) {
        const PlannedTask& pre = plan.tasks[d];
        if (pre.phase == phase) deps[g].push_back(by_task.at(pre.task->id));
      }
    }
  }
  std::vector<int> order = TopologicalOrder(deps, [&](int a, int b) {
    return std::make_tuple(priority(groups[a]), first_host(groups[a]), groups[a].task->id) <
           std::make_tuple(priority(groups[b]), first_host(groups[b]), groups[b].task->id);
  });
  std::vector<PhaseGroup> sorted;
  for (int g : order) {
    groups[g].title = GroupTitle(plan, groups[g]);
    sorted.push_back(std::move(groups[g]));
  }
  return sorted;
}

// Puts plan.tasks in phase/group/host order and renumbers every index that points into it.
void Reorder(Plan& plan) {
  std::vector<int> order, new_index(plan.tasks.size());
  for (PlanPhase& phase : plan.phases) {
    for (PhaseGroup& g : phase.groups) {
      for (int& i : g.tasks) {
        new_index[i] = static_cast<int>(order.size());
        order.push_back(i);
        i = new_index[i];
      }
    }
  }
  std::vector<PlannedTask> tasks;
  for (int i : order) tasks.push_back(std::move(plan.tasks[i]));
  for (PlannedTask& t : tasks) {
    for (int& d : t.deps) d = new_index[d];
    std::sort(t.deps.begin(), t.deps.end());
    t.deps.erase(std::unique(t.deps.begin(), t.deps.end()), t.deps.end());
  }
  plan.tasks = std::move(tasks);
}

void Measure(Plan& plan) {
  std::vector<int> minutes;
  for (const PlannedTask& t : plan.tasks) minutes.push_back(t.task->effort_minutes);
  plan.critical_path = LongestChain(GraphOf(plan.tasks), minutes);
  plan.total_minutes = 0;
  for (PlanPhase& phase : plan.phases) {
    DepGraph inside(plan.tasks.size());
    std::vector<int> phase_minutes(plan.tasks.size(), 0);
    for (size_t i = 0; i < plan.tasks.size(); ++i) {
      if (plan.tasks[i].phase != phase.number) continue;
      phase_minutes[i] = minutes[i];
      phase.effort_minutes += minutes[i];
      for (int d : plan.tasks[i].deps) {
        if (plan.tasks[d].phase == phase.number) inside[i].push_back(d);
      }
    }
    phase.critical_path = LongestChain(inside, phase_minutes);
    plan.total_minutes += phase.effort_minutes;
  }
}

}  // namespace

Status AssignPhases(Plan* plan) {
  DepGraph deps = GraphOf(plan->tasks);
  if (std::vector<int> cycle = FindCycle(deps); !cycle.empty()) {
    std::string names;
    for (int i : cycle) names += (names.empty() ? "" : " -> ") + Label(plan->tasks[i]);
    const CatalogTask& first = *plan->tasks[cycle.front()].task;
    return Status::Invalid("dependency cycle: " + names, first.source, first.line);
  }
  PullForward(*plan, TopologicalOrder(deps, [](int a, int b) { return a < b; }));
  for (int number = 1; number <= 4; ++number) {
    PlanPhase phase{number, kPhaseText[number - 1].title, kPhaseText[number - 1].goal, GroupsOf(*plan, number), 0, {}};
    if (phase.groups.empty()) continue;
    for (size_t g = 0; g < phase.groups.size(); ++g) {
      phase.groups[g].number = std::to_string(number) + "." + std::to_string(g + 1);
      for (size_t j = 0; j < phase.groups[g].tasks.size(); ++j) {
        plan->tasks[phase.groups[g].tasks[j]].number = phase.groups[g].number + "." + std::to_string(j + 1);
      }
    }
    plan->phases.push_back(std::move(phase));
  }
  Reorder(*plan);
  Measure(*plan);
  return Status::Ok();
}

}  // namespace shipshape
