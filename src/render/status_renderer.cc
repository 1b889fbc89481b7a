// Text and JSON renderings of a plan's status.
#include "render/status_renderer.h"

#include "base/json.h"
#include "base/strings.h"

namespace shipshape {
namespace {

std::string KindName(AcceptCheck::Kind k) {
  switch (k) {
    case AcceptCheck::Kind::kRule:
      return "rule";
    case AcceptCheck::Kind::kSql:
      return "sql";
    case AcceptCheck::Kind::kPath:
      return "path";
    case AcceptCheck::Kind::kPort:
      return "port";
    default:
      return "service";
  }
}

std::string TaskLine(const TaskStatus& t) {
  std::string state = TaskStateName(t.state);
  std::string line = "    " + state + std::string(9 - state.size(), ' ') + t.task->id + "  " + t.task->title;
  if (t.state == TaskState::kBlocked) {
    line += " (blocked by " + Join(t.blocked_by, ", ") + ")";
  }
  if (!t.reason.empty()) line += "\n             " + t.reason;
  return line + "\n";
}

std::string Heading(const std::string& kind, const std::string& id, const std::string& title, const Progress& p) {
  return kind + id + (title.empty() ? "" : ": " + title) + "  " + ProgressBar(p) + " (" + std::to_string(p.done) +
         " of " + std::to_string(p.total) + ")\n";
}

std::string TaskRef(const TaskStatus& t) {
  std::string est = t.task->estimate.empty() ? "" : " (" + t.task->estimate + ")";
  return "  " + t.task->id + "  " + t.task->title + est;
}

std::string NextAndRegressions(const PlanStatus& s) {
  std::string out = "\nNext:\n";
  for (int i : s.next) {
    const TaskStatus& t = s.tasks[i];
    out += TaskRef(t) + (t.state == TaskState::kUnknown ? " [unknown: " + t.reason + "]" : "") + "\n";
  }
  if (s.next.empty()) out += s.AllDone() ? "  nothing: every task is done\n" : "  nothing is ready\n";
  out += "\nRegressed since last status";
  out += s.previous_at.empty() ? " (none recorded):\n" : " (" + s.previous_at + "):\n";
  for (int i : s.regressed) out += TaskRef(s.tasks[i]) + ": " + s.tasks[i].reason + "\n";
  if (s.regressed.empty()) out += "  none\n";
  return out;
}

std::string ProgressJson(const Progress& p) {
  return "\"done\":" + std::to_string(p.done) + ",\"total\":" + std::to_string(p.total) +
         ",\"percent\":" + std::to_string(p.Percent());
}

std::string Strings(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + JsonQuote(items[i]);
  return out + "]";
}

std::string TaskJson(const TaskStatus& t) {
  const PlanTask& p = *t.task;
  std::string out = "{\"id\":" + JsonQuote(p.id) + ",\"title\":" + JsonQuote(p.title) +
                    ",\"state\":" + JsonQuote(TaskStateName(t.state)) + ",\"reason\":" + JsonQuote(t.reason) +
                    ",\"estimate\":" + JsonQuote(p.estimate) +
                    ",\"estimate_minutes\":" + std::to_string(p.estimate_minutes) + ",\"hosts\":" + Strings(p.hosts) +
                    ",\"depends_on\":" + Strings(p.depends_on) + ",\"blocked_by\":" + Strings(t.blocked_by) +
                    ",\"human_action\":" + (p.human_action ? "true" : "false") + ",\"checks\":[";
  for (size_t i = 0; i < t.checks.size(); ++i) {
    const HostCheck& c = t.checks[i];
    out += std::string(i ? "," : "") + "{\"host\":" + JsonQuote(c.host) +
           ",\"kind\":" + JsonQuote(KindName(c.check->kind)) + ",\"line\":" + std::to_string(c.check->line) +
           ",\"state\":" + JsonQuote(CheckStateName(c.outcome.state)) + ",\"reason\":" + JsonQuote(c.outcome.reason) +
           "}";
  }
  return out + "]}";
}

std::string IdList(const PlanStatus& s, const std::vector<int>& indices) {
  std::vector<std::string> ids;
  for (int i : indices) ids.push_back(s.tasks[i].task->id);
  return Strings(ids);
}

}  // namespace

std::string RenderStatusText(const PlanStatus& s) {
  std::string out = (s.plan->title.empty() ? "Plan" : s.plan->title) + " (" + s.plan->file + ")\n";
  out += "Overall  " + ProgressBar(s.total) + " (" + std::to_string(s.total.done) + " of " +
         std::to_string(s.total.total) + " tasks done)\n";
  for (const MilestoneStatus& m : s.milestones) {
    out += "\n" + Heading("Milestone ", m.milestone->id, m.milestone->title, m.progress);
    for (const GroupStatus& g : m.groups) {
      out += "  " + Heading("", g.group->id, g.group->title, g.progress);
      for (int i : g.tasks) out += TaskLine(s.tasks[i]);
    }
  }
  return out + NextAndRegressions(s);
}

std::string RenderStatusJson(const PlanStatus& s) {
  std::string out = "{\"format\":\"shipshape-status/1\",\"plan\":" + JsonQuote(s.plan->file) +
                    ",\"title\":" + JsonQuote(s.plan->title) + ",\"checked_at\":" + JsonQuote(s.checked_at) +
                    ",\"previous_at\":" + JsonQuote(s.previous_at) + ",\"progress\":{" + ProgressJson(s.total) +
                    "},\"milestones\":[";
  for (size_t m = 0; m < s.milestones.size(); ++m) {
    const MilestoneStatus& ms = s.milestones[m];
    out += std::string(m ? "," : "") + "{\"id\":" + JsonQuote(ms.milestone->id) +
           ",\"title\":" + JsonQuote(ms.milestone->title) + "," + ProgressJson(ms.progress) + ",\"groups\":[";
    for (size_t g = 0; g < ms.groups.size(); ++g) {
      const GroupStatus& gs = ms.groups[g];
      out += std::string(g ? "," : "") + "{\"id\":" + JsonQuote(gs.group->id) +
             ",\"title\":" + JsonQuote(gs.group->title) + "," + ProgressJson(gs.progress) + ",\"tasks\":[";
      for (size_t t = 0; t < gs.tasks.size(); ++t) out += (t ? "," : "") + TaskJson(s.tasks[gs.tasks[t]]);
      out += "]}";
    }
    out += "]}";
  }
  return out + "],\"next\":" + IdList(s, s.next) + ",\"regressed\":" + IdList(s, s.regressed) + "}\n";
}

}  // namespace shipshape
