// Renderers: the same Report as terminal text, JSON (shipshape-report/1), Markdown.
#pragma once

#include <string>

#include "plan/report.h"

namespace shipshape {

std::string RenderText(const Report& report);
std::string RenderJson(const Report& report);
std::string RenderMarkdown(const Report& report);

}  // namespace shipshape
