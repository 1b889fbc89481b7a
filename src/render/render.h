// Renderers: the same Report as terminal text, JSON (shipshape-report/1), Markdown, SARIF 2.1.0.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "plan/report.h"

namespace shipshape {

std::string RenderText(const Report& report);
std::string RenderJson(const Report& report);
std::string RenderMarkdown(const Report& report);

struct SarifOptions {
  std::vector<Rule> rules;            // described in tool.driver.rules (the audit's rule set)
  std::set<std::string> stack_hosts;  // hosts read from a stack folder: their files become relative URIs
};
// SARIF 2.1.0, one run: a result per finding (ruleIndex into the rules described), input errors as
// toolExecutionNotifications.
std::string RenderSarif(const Report& report, const SarifOptions& options);

}  // namespace shipshape
