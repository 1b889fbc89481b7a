// Markdown rendering: scorecard and register in the shape of the seed plans.
#include "plan/categories.h"
#include "render/render.h"
#include "render/severity_text.h"

namespace shipshape {
namespace {

std::string Cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace

std::string RenderMarkdown(const Report& r) {
  std::string out = "# shipshape audit\n\nGenerated " + r.generated_at + ".\n\n## Security scorecard\n\n| Category |";
  for (const HostReport& h : r.hosts) out += " " + Cell(h.host) + " |";
  out += "\n|---|";
  for (size_t i = 0; i < r.hosts.size(); ++i) out += "---|";
  out += "\n";
  for (const Category& c : AllCategories()) {
    out += "| " + c.title + " |";
    for (const HostReport& h : r.hosts) {
      std::string cell = GradeName(h.categories.at(c.id));
      auto note = h.category_notes.find(c.id);
      if (note != h.category_notes.end()) cell += " (" + note->second + ")";
      out += " " + Cell(cell) + " |";
    }
    out += "\n";
  }
  out += "\n### Summary score (1 = critical, 5 = good)\n\n| Server | Score | Primary concern |\n|---|---|---|\n";
  for (const HostReport& h : r.hosts) {
    out += "| " + Cell(h.host) + " | " + std::to_string(h.score) + "/5 | " + Cell(h.primary_concern) + " |\n";
  }
  out += "\n## Priority issues register\n";
  bool first = true;
  Severity current = Severity::kP4;
  for (const Finding& f : r.findings) {
    if (first || f.severity != current) {
      out += "\n### " + SeverityHeading(f.severity) + "\n\n| ID | Server | Issue | Impact | Evidence | Where |\n|---|---|---|---|---|---|\n";
      current = f.severity;
      first = false;
    }
    std::string where = f.file.empty() ? "" : f.file + (f.line > 0 ? ":" + std::to_string(f.line) : "");
    out += "| " + f.id + " | " + Cell(f.host) + " | " + Cell(f.title + ": " + f.subject) + " | " + Cell(f.impact) +
           " | " + Cell(f.evidence) + " | " + Cell(where) + " |\n";
  }
  if (!r.errors.empty()) {
    out += "\n## Input notes\n\nA category whose source could not be read is scored Unknown.\n\n";
    for (const Diagnostic& d : r.errors) out += "- " + Cell(d.ToString()) + "\n";
  }
  return out;
}

}  // namespace shipshape
