// Markdown pieces shared by the audit report and the plan: table cells, the scorecard.
#pragma once

#include <string>

#include "plan/report.h"

namespace shipshape {

// A table cell: '|' escaped, newlines flattened.
std::string MarkdownCell(const std::string& s);
// The scorecard table (category × host), then "### Summary score" per host; no heading of its own.
std::string MarkdownScorecard(const Report& r);

}  // namespace shipshape
