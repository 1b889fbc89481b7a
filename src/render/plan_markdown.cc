// The plan as Markdown: summary, assessment, then one section per phase (tables: plan_markdown_tables.cc).
#include "render/plan_markdown.h"

#include <algorithm>

#include "base/strings.h"
#include "plan/effort.h"
#include "render/markdown_sections.h"

namespace shipshape {
namespace {

std::string Capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// The P1 findings, then the first phase's tasks that wait for nothing: where the work starts.
std::string ExecutiveSummary(const Plan& plan) {
  std::vector<const Finding*> critical;
  for (const Finding& f : plan.report.findings) {
    if (f.severity == Severity::kP1) critical.push_back(&f);
  }
  std::string out = "## 1. Executive summary\n\n";
  if (critical.empty()) {
    out += "No critical (P1) finding. The plan starts with the highest priority found.\n";
  } else {
    out += std::to_string(critical.size()) + " critical finding" + (critical.size() > 1 ? "s require" : " requires") +
           " immediate action before any new work proceeds:\n\n";
    for (size_t i = 0; i < critical.size(); ++i) {
      const Finding& f = *critical[i];
      out += std::to_string(i + 1) + ". **" + f.host + "**: " + f.title + " — " + f.subject + ". " + f.evidence + ". " +
             f.impact + "\n";
    }
  }
  if (plan.phases.empty()) return out;
  out += "\nImmediate actions (before any other phase work):\n\n";
  for (const PhaseGroup& g : plan.phases.front().groups) {
    bool waits = std::any_of(g.tasks.begin(), g.tasks.end(), [&](int i) { return !plan.tasks[i].deps.empty(); });
    if (!waits) out += "- " + g.title + " (Task " + g.number + ")\n";
  }
  return out;
}

std::string Steps(const PlannedTask& t) {
  std::string out;
  int n = 0;
  for (const std::string& step : t.steps) {
    if (step.find('\n') != std::string::npos) {
      std::string body = step;
      while (!body.empty() && body.back() == '\n') body.pop_back();
      out += "\n```sh\n" + body + "\n```\n\n";
    } else {
      out += std::to_string(++n) + ". " + step + "\n";
    }
  }
  return out;
}

std::string Acceptance(const Plan& plan, const PhaseGroup& g) {
  const CatalogTask& c = *g.task;
  std::string hosts = GroupHosts(plan, g), out = "Acceptance criteria:\n\n";
  for (const std::string& r : c.accept_rules)
    out += "- `shipshape audit` reports no " + r + " finding on " + hosts + "\n";
  if (!c.accept_sql.empty()) out += "- returns a row on each host: `" + c.accept_sql + "`\n";
  for (const std::string& note : c.accept_notes) out += "- " + note + "\n";
  if (c.human_action) out += "- signed off by the person responsible (human action: no check can verify it)\n";
  return out;
}

std::string Dependencies(const Plan& plan, const PhaseGroup& g) {
  std::vector<std::string> needs, needed_by;
  for (int i : g.tasks) {
    for (int d : plan.tasks[i].deps) {
      std::string ref = TaskRef(plan, d) + " (" + Join(plan.tasks[d].hosts, ", ") + ")";
      if (std::find(needs.begin(), needs.end(), ref) == needs.end()) needs.push_back(ref);
    }
  }
  std::string out;
  if (!needs.empty()) out += "Depends on: " + Join(needs, ", ") + "\n";
  if (plan.tasks[g.tasks.front()].pulled) {
    out += "Brought into this phase: a task of this phase depends on it.\n";
  }
  return out;
}

std::string Group(const Plan& plan, const PhaseGroup& g) {
  const CatalogTask& c = *g.task;
  std::vector<std::string> refs;
  for (int i : g.tasks) {
    for (int f : plan.tasks[i].findings) refs.push_back(plan.report.findings[f].id);
  }
  bool names_hosts = c.title.find("{host}") != std::string::npos;  // else the hosts go first
  std::string out = "### Task " + g.number + " — " + (names_hosts ? "" : GroupHosts(plan, g) + ": ") + g.title + "\n\n";
  out += "Priority: " + (refs.empty() ? std::string("prerequisite") : Join(refs, ", ")) + "  \n";
  out += "Effort: " + FormatEffort(c.effort_minutes) +
         (g.tasks.size() > 1
              ? " per host, " + FormatEffort(c.effort_minutes * static_cast<int>(g.tasks.size())) + " in all"
              : std::string()) +
         "  \n";
  out += "Risk: " + Capitalised(TaskRiskName(c.risk)) + (c.risk_note.empty() ? "" : " — " + c.risk_note) + "  \n";
  out += "Rollback: " + c.rollback + "  \n" + Dependencies(plan, g) +
         (c.human_action ? "**HUMAN ACTION REQUIRED**\n" : "") + "\n";
  for (int i : g.tasks) {
    if (g.tasks.size() > 1) out += "#### " + Join(plan.tasks[i].hosts, ", ") + "\n\n";
    out += Steps(plan.tasks[i]) + "\n";
  }
  return out + Acceptance(plan, g) + "\n";
}

std::string Phase(const Plan& plan, const PlanPhase& p, int section) {
  std::string n = std::to_string(p.number);
  std::string out = "## " + std::to_string(section) + ". Phase " + n + ": " + p.title + "\n\nGoal: " + p.goal + "  \n";
  out += "Effort: " + FormatEffort(p.effort_minutes) +
         " (longest chain of prerequisites: " + FormatEffort(p.critical_path.minutes) + ")\n\n";
  for (const PhaseGroup& g : p.groups) out += Group(plan, g);
  out += "### Phase " + n + " rollback summary\n\n| Task | Rollback procedure |\n|---|---|\n";
  for (const PhaseGroup& g : p.groups) {
    out += "| " + g.number + " " + MarkdownCell(g.task->id) + " | " + MarkdownCell(g.task->rollback) + " |\n";
  }
  out += "\n### Phase " + n + " completion criteria\n\n- No P" + n + " finding left open on any server\n";
  for (const PhaseGroup& g : p.groups) {
    std::string check =
        g.task->accept_rules.empty() ? "signed off" : "no " + Join(g.task->accept_rules, ", ") + " finding";
    out += "- " + g.title + ": " + check + " on " + GroupHosts(plan, g) + "\n";
  }
  return out + "\n";
}

}  // namespace

std::string RenderPlanMarkdown(const Plan& plan, const std::string& title) {
  std::vector<std::string> hosts;
  for (const HostReport& h : plan.report.hosts) hosts.push_back(h.host);
  std::string out = "# " + title + "\n\nDate: " + plan.report.generated_at.substr(0, 10) +
                    "  \nScope: " + Join(hosts, ", ") +
                    "  \nStatus: Active planning document — track it with `shipshape plan -o "
                    "plan.yaml` and `shipshape status plan.yaml`\n\n";
  out += ExecutiveSummary(plan) + "\n## 2. Current state assessment\n\n### Security scorecard\n\n" +
         MarkdownScorecard(plan.report) + "\n" + PlanRegisterSection(plan, 3) + "\n";
  int section = 4;
  for (const PlanPhase& p : plan.phases) out += Phase(plan, p, section++);
  out += PlanChecklistSection(plan, section) + "\n";
  out += PlanRiskSection(plan, section + 1) + "\n";
  section += 2;
  if (!plan.unplanned.empty()) {
    out += "## " + std::to_string(section++) +
           ". Findings without a task\n\nNo catalog task resolves these; add one "
           "(catalog/*.yaml or --catalog DIR):\n\n";
    for (int f : plan.unplanned) {
      const Finding& x = plan.report.findings[f];
      out += "- " + x.id + " " + x.host + ": " + x.rule + " " + x.title + "\n";
    }
    out += "\n";
  }
  return out + PlanEffortSection(plan);
}

}  // namespace shipshape
