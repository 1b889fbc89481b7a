// The plan as Markdown, in the shape of the seed fleet plan (../shared/seeds/000_…).
#pragma once

#include <string>

#include "plan/plan_model.h"

namespace shipshape {

// Executive summary, scorecard, register, one section per phase (tasks, rollback summary,
// completion criteria), server-by-server checklist, risk register, effort summary with the
// critical path.
std::string RenderPlanMarkdown(const Plan& plan, const std::string& title);

// Pieces (plan_markdown_tables.cc), each a whole section with its heading.
std::string PlanRegisterSection(const Plan& plan, int number);
std::string PlanChecklistSection(const Plan& plan, int number);
std::string PlanRiskSection(const Plan& plan, int number);
std::string PlanEffortSection(const Plan& plan);

// "Task 1.2" for the group holding plan.tasks[task].
std::string TaskRef(const Plan& plan, int task);
// "bms-1, bms-3" of every instance of the group.
std::string GroupHosts(const Plan& plan, const PhaseGroup& g);

}  // namespace shipshape
