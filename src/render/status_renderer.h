// Rendering `shipshape status`: a terminal/Markdown-friendly text with progress bars, and JSON.
#pragma once

#include <string>

#include "plan/plan_status.h"

namespace shipshape {

// Milestones and groups with progress bars, each task's state and reason, "Next:" and
// "Regressed since last status:".
std::string RenderStatusText(const PlanStatus& status);
// {"format":"shipshape-status/1", …}: see docs/status.md.
std::string RenderStatusJson(const PlanStatus& status);

}  // namespace shipshape
