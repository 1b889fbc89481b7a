// Writing a generated plan as a plan file (format shipshape-plan/1, read back by plan_file.h).
#pragma once

#include <string>

#include "plan/plan_model.h"

namespace shipshape {

// Milestones are the phases, a group per catalog task of a phase, a task per host instance with
// `accept:` the task's acceptance rules (and its SQL when the catalog has one).
std::string WritePlanYaml(const Plan& plan, const std::string& title);

// A YAML double-quoted scalar: "…" with \, " and control characters escaped.
std::string YamlQuote(const std::string& text);

}  // namespace shipshape
