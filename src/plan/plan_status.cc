// Evaluating a plan: task states, progress, the next tasks and regressions.
#include "plan/plan_status.h"

#include <set>

#include "base/strings.h"

namespace shipshape {
namespace {

// Runs the task's checks; the state from the checks alone (done, pending or unknown) and its reason.
TaskStatus CheckTask(const PlanTask& t, const CheckFn& check) {
  TaskStatus s;
  s.task = &t;
  std::string fail, unknown;
  for (const std::string& host : t.hosts) {
    const std::string prefix = t.hosts.size() > 1 ? host + ": " : "";
    for (const AcceptCheck& c : t.accept) {
      HostCheck hc{host, &c, check(c, host)};
      if (hc.outcome.state == CheckState::kFail && fail.empty()) fail = prefix + hc.outcome.reason;
      if (hc.outcome.state == CheckState::kUnknown && unknown.empty()) unknown = prefix + hc.outcome.reason;
      s.checks.push_back(std::move(hc));
    }
  }
  if (!fail.empty()) {
    s.state = TaskState::kPending;
    s.reason = fail;
  } else if (!unknown.empty()) {
    s.state = TaskState::kUnknown;
    s.reason = unknown;
  } else if (t.human_action && !t.signoff) {
    s.state = TaskState::kPending;
    s.reason = "human action: awaiting sign-off";
  } else {
    s.state = TaskState::kDone;
    if (t.signoff) s.reason = "signed off by " + t.signoff->by + " on " + t.signoff->date;
  }
  return s;
}

void Count(const TaskStatus& t, Progress* p) {
  ++p->total;
  if (t.state == TaskState::kDone) ++p->done;
}

}  // namespace

std::string TaskStateName(TaskState s) {
  switch (s) {
    case TaskState::kDone:
      return "done";
    case TaskState::kBlocked:
      return "blocked";
    case TaskState::kUnknown:
      return "unknown";
    default:
      return "pending";
  }
}

PlanStatus EvaluatePlan(const PlanFile& plan, const CheckFn& check) {
  PlanStatus out;
  out.plan = &plan;
  std::set<std::string> done;
  for (const PlanTask* t : plan.Tasks()) {
    out.tasks.push_back(CheckTask(*t, check));
    if (out.tasks.back().state == TaskState::kDone) done.insert(t->id);
  }
  for (size_t i = 0; i < out.tasks.size(); ++i) {
    TaskStatus& s = out.tasks[i];
    if (s.state == TaskState::kDone) continue;
    for (const std::string& d : s.task->depends_on) {
      if (!done.count(d)) s.blocked_by.push_back(d);
    }
    if (s.blocked_by.empty())
      out.next.push_back(static_cast<int>(i));
    else if (s.state == TaskState::kPending)
      s.state = TaskState::kBlocked;
  }
  int index = 0;
  for (const PlanMilestone& m : plan.milestones) {
    MilestoneStatus ms{&m, {}, {}};
    for (const PlanGroup& g : m.groups) {
      GroupStatus gs{&g, {}, {}};
      for (size_t k = 0; k < g.tasks.size(); ++k, ++index) {
        gs.tasks.push_back(index);
        Count(out.tasks[index], &gs.progress);
        Count(out.tasks[index], &ms.progress);
        Count(out.tasks[index], &out.total);
      }
      ms.groups.push_back(std::move(gs));
    }
    out.milestones.push_back(std::move(ms));
  }
  return out;
}

void MarkRegressions(const std::map<std::string, std::string>& previous, PlanStatus* status) {
  status->regressed.clear();
  for (size_t i = 0; i < status->tasks.size(); ++i) {
    const TaskStatus& t = status->tasks[i];
    auto it = previous.find(t.task->id);
    if (it != previous.end() && it->second == "done" && t.state != TaskState::kDone) {
      status->regressed.push_back(static_cast<int>(i));
    }
  }
}

std::string ProgressBar(const Progress& p) {
  const int cells = p.total ? p.done * 10 / p.total : 10;
  std::string bar = "[";
  for (int i = 0; i < 10; ++i) bar += i < cells ? "\u2593" : "\u2591";
  return bar + "] " + std::to_string(p.Percent()) + "%";
}

}  // namespace shipshape
