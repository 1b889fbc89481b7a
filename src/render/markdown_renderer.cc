// Markdown rendering: scorecard and register in the shape of the seed plans.
#include "plan/categories.h"
#include "render/markdown_sections.h"
#include "render/render.h"
#include "render/severity_text.h"

namespace shipshape {

std::string MarkdownCell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string MarkdownScorecard(const Report& r) {
  std::string out = "| Category |";
  for (const HostReport& h : r.hosts) out += " " + MarkdownCell(h.host) + " |";
  out += "\n|---|";
  for (size_t i = 0; i < r.hosts.size(); ++i) out += "---|";
  out += "\n";
  for (const Category& c : AllCategories()) {
    out += "| " + c.title + " |";
    for (const HostReport& h : r.hosts) {
      std::string cell = GradeName(h.categories.at(c.id));
      auto note = h.category_notes.find(c.id);
      if (note != h.category_notes.end()) cell += " (" + note->second + ")";
      out += " " + MarkdownCell(cell) + " |";
    }
    out += "\n";
  }
  out += "\n### Summary score (1 = critical, 5 = good)\n\n| Server | Score | Primary concern |\n|---|---|---|\n";
  for (const HostReport& h : r.hosts) {
    out += "| " + MarkdownCell(h.host) + " | " + std::to_string(h.score) + "/5 | " + MarkdownCell(h.primary_concern) +
           " |\n";
  }
  return out;
}

std::string RenderMarkdown(const Report& r) {
  std::string out = "# shipshape audit\n\nGenerated " + r.generated_at + ".\n\n## Security scorecard\n\n";
  out += MarkdownScorecard(r);
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
    out += "| " + f.id + " | " + MarkdownCell(f.host) + " | " + MarkdownCell(f.title + ": " + f.subject) + " | " +
           MarkdownCell(f.impact) + " | " + MarkdownCell(f.evidence) + " | " + MarkdownCell(where) + " |\n";
  }
  if (!r.errors.empty()) {
    out += "\n## Input notes\n\nA category whose source could not be read is scored Unknown.\n\n";
    for (const Diagnostic& d : r.errors) out += "- " + MarkdownCell(d.ToString()) + "\n";
  }
  return out;
}

}  // namespace shipshape
