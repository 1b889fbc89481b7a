// The table sections of the plan Markdown: register, checklist, risk register, effort summary.
#include <algorithm>
#include <set>

#include "base/strings.h"
#include "plan/effort.h"
#include "render/markdown_sections.h"
#include "render/plan_markdown.h"
#include "render/severity_text.h"

namespace shipshape {

std::string TaskRef(const Plan& plan, int task) {
  const std::string& n = plan.tasks[task].number;
  return "Task " + n.substr(0, n.rfind('.'));
}

std::string GroupHosts(const Plan& plan, const PhaseGroup& g) {
  std::vector<std::string> hosts;
  for (int i : g.tasks) {
    for (const std::string& h : plan.tasks[i].hosts) {
      if (std::find(hosts.begin(), hosts.end(), h) == hosts.end()) hosts.push_back(h);
    }
  }
  return Join(hosts, ", ");
}

std::string PlanRegisterSection(const Plan& plan, int number) {
  std::string out = "## " + std::to_string(number) +
                    ". Priority issues register\n\nAll issues across all servers "
                    "sorted by priority.\n";
  bool first = true;
  Severity current = Severity::kP4;
  for (const Finding& f : plan.report.findings) {
    if (first || f.severity != current) {
      out += "\n### " + SeverityHeading(f.severity) + "\n\n| ID | Server | Issue | Impact |\n|---|---|---|---|\n";
      current = f.severity;
      first = false;
    }
    out += "| " + f.id + " | " + MarkdownCell(f.host) + " | " + MarkdownCell(f.title + ": " + f.subject) + " | " +
           MarkdownCell(f.impact) + " |\n";
  }
  if (first) out += "\nNo findings.\n";
  return out;
}

std::string PlanChecklistSection(const Plan& plan, int number) {
  std::string out = "## " + std::to_string(number) + ". Server-by-server checklist\n";
  for (const HostReport& h : plan.report.hosts) {
    out += "\n### " + h.host + (h.os.empty() ? "" : " (" + h.os + ")") + "\n\n";
    bool any = false;
    for (size_t i = 0; i < plan.tasks.size(); ++i) {
      const PlannedTask& t = plan.tasks[i];
      if (std::find(t.hosts.begin(), t.hosts.end(), h.host) == t.hosts.end()) continue;
      if (!any) out += "| Phase | Task | Status |\n|---|---|---|\n";
      any = true;
      out += "| P" + std::to_string(t.phase) + " | " +
             MarkdownCell(TaskRef(plan, static_cast<int>(i)) + ": " + t.title) +
             (t.task->human_action ? " (HUMAN ACTION REQUIRED)" : "") + " | [ ] Pending |\n";
    }
    if (!any) out += "Nothing to do.\n";
  }
  return out;
}

std::string PlanRiskSection(const Plan& plan, int number) {
  std::string out = "## " + std::to_string(number) + ". Risk register\n\n";
  std::vector<const PhaseGroup*> risky;
  for (const PlanPhase& p : plan.phases) {
    for (const PhaseGroup& g : p.groups) {
      if (g.task->risk != TaskRisk::kLow) risky.push_back(&g);
    }
  }
  std::stable_sort(risky.begin(), risky.end(),
                   [](const PhaseGroup* a, const PhaseGroup* b) { return a->task->risk > b->task->risk; });
  if (risky.empty()) return out + "No task of this plan carries more than a low risk.\n";
  out += "| Risk | Level | Where | Mitigation |\n|---|---|---|---|\n";
  for (const PhaseGroup* g : risky) {
    std::string risk =
        "Task " + g->number + " " + g->title + (g->task->risk_note.empty() ? "" : ": " + g->task->risk_note);
    std::string level = TaskRiskName(g->task->risk);
    level[0] = static_cast<char>(level[0] - 'a' + 'A');
    out += "| " + MarkdownCell(risk) + " | " + level + " | " + MarkdownCell(GroupHosts(plan, *g)) + " | " +
           MarkdownCell(g->task->rollback) + " |\n";
  }
  return out;
}

namespace {

std::string ChainText(const Plan& plan, const CriticalPath& path) {
  std::string out;
  for (int i : path.nodes) {
    const PlannedTask& t = plan.tasks[i];
    out += (out.empty() ? "" : " → ") + TaskRef(plan, i) + " " + t.task->id + " (" + Join(t.hosts, ", ") + ", " +
           FormatEffort(t.task->effort_minutes) + ")";
  }
  return out;
}

}  // namespace

std::string PlanEffortSection(const Plan& plan) {
  std::string out =
      "## Appendix: Effort summary\n\n| Phase | Tasks | Estimated effort | Longest chain | Key "
      "dependencies | Human action required |\n|---|---|---|---|---|---|\n";
  int previous = 0;
  for (const PlanPhase& p : plan.phases) {
    std::set<std::string> human;
    size_t count = 0;
    for (const PhaseGroup& g : p.groups) {
      count += g.tasks.size();
      if (g.task->human_action) human.insert(g.title);
    }
    out += "| Phase " + std::to_string(p.number) + " | " + std::to_string(count) + " | " +
           FormatEffort(p.effort_minutes) + " | " + FormatEffort(p.critical_path.minutes) + " | " +
           (previous ? "Phase " + std::to_string(previous) + " complete" : "None") + " | " +
           MarkdownCell(human.empty() ? "None" : Join({human.begin(), human.end()}, "; ")) + " |\n";
    previous = p.number;
  }
  out += "| **Total** | " + std::to_string(plan.tasks.size()) + " | " + FormatEffort(plan.total_minutes) + " | " +
         FormatEffort(plan.critical_path.minutes) + " | | |\n";
  out +=
      "\nEfforts are per host and summed (1d = 8h). The longest chain is the critical path: the chain of "
      "prerequisites with the largest total effort, which no amount of parallel work shortens.\n";
  if (!plan.critical_path.nodes.empty()) {
    out += "\nCritical path (" + FormatEffort(plan.critical_path.minutes) +
           "): " + ChainText(plan, plan.critical_path) + "\n";
  }
  for (const PlanPhase& p : plan.phases) {
    if (p.critical_path.nodes.size() < 2) continue;
    out += "\nPhase " + std::to_string(p.number) + " longest chain (" + FormatEffort(p.critical_path.minutes) +
           "): " + ChainText(plan, p.critical_path) + "\n";
  }
  return out;
}

}  // namespace shipshape
