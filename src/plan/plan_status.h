// The status of a plan: each task's state from its checks and dependencies, progress per group
// and milestone, what can be done next, and what regressed since the previous status.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "plan/accept_checks.h"
#include "plan/plan_file.h"

namespace shipshape {

// kDone: every check passes on every host (a human action: signed off). kBlocked: not done and a
// dependency is not done. kUnknown: no check fails but some could not be evaluated. kPending: the
// rest (a check fails, or a human action awaits its sign-off).
enum class TaskState { kDone, kPending, kBlocked, kUnknown };
std::string TaskStateName(TaskState s);  // "done" | "pending" | "blocked" | "unknown"

struct HostCheck {
  std::string host;
  const AcceptCheck* check = nullptr;
  CheckOutcome outcome;
};

struct TaskStatus {
  const PlanTask* task = nullptr;
  TaskState state = TaskState::kPending;
  std::string reason;                   // the first failing (else unknown) check, or why it is done
  std::vector<std::string> blocked_by;  // dependencies that are not done
  std::vector<HostCheck> checks;        // every check on every host
};

struct Progress {
  int done = 0, total = 0;
  int Percent() const { return total ? done * 100 / total : 100; }  // rounded down: 100 only when all done
};

struct GroupStatus {
  const PlanGroup* group = nullptr;
  Progress progress;
  std::vector<int> tasks;  // indices into PlanStatus::tasks
};

struct MilestoneStatus {
  const PlanMilestone* milestone = nullptr;
  Progress progress;
  std::vector<GroupStatus> groups;
};

struct PlanStatus {
  const PlanFile* plan = nullptr;
  std::string checked_at;         // RFC 3339
  std::vector<TaskStatus> tasks;  // plan order
  std::vector<MilestoneStatus> milestones;
  Progress total;
  std::vector<int> next;       // not done, every dependency done (indices into tasks)
  std::vector<int> regressed;  // done at the previous status, not now
  std::string previous_at;     // when the previous status was taken; "" when none
  bool AllDone() const { return total.done == total.total; }
};

using CheckFn = std::function<CheckOutcome(const AcceptCheck&, const std::string& host)>;

// Runs every check of every task on each of its hosts. The plan must outlive the result.
PlanStatus EvaluatePlan(const PlanFile& plan, const CheckFn& check);
// Fills `regressed` from the task states of the previous status (task id → state name).
void MarkRegressions(const std::map<std::string, std::string>& previous, PlanStatus* status);

// "[▓▓▓▓▓▓▓▓░░] 80%": ten cells, rounded down (a cell per full tenth done).
std::string ProgressBar(const Progress& p);

}  // namespace shipshape
