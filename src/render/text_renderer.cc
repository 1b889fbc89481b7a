// Terminal rendering: scorecard (a column per host, or a row per host for big fleets) and register.
#include <algorithm>

#include "plan/categories.h"
#include "render/render.h"
#include "render/severity_text.h"

namespace shipshape {
namespace {

constexpr size_t kMaxHostColumns = 6;

std::string Pad(std::string s, size_t width) {
  // Width in code points, so that "—" and friends do not break the columns.
  size_t cps = 0;
  for (unsigned char c : s) cps += (c & 0xC0) != 0x80;
  if (cps < width) s.append(width - cps, ' ');
  return s;
}

std::string Location(const Finding& f) {
  if (f.file.empty()) return "";
  return f.line > 0 ? f.file + ":" + std::to_string(f.line) : f.file;
}

void ScorecardByColumns(const Report& r, std::string& out) {
  out += Pad("Category", 22);
  for (const HostReport& h : r.hosts) out += Pad(h.host, 15) + " ";
  out += "\n";
  for (const Category& c : AllCategories()) {
    out += Pad(c.title, 22);
    for (const HostReport& h : r.hosts) out += Pad(GradeName(h.categories.at(c.id)), 16);
    out += "\n";
  }
  out += Pad("Score (1-5)", 22);
  for (const HostReport& h : r.hosts) out += Pad(std::to_string(h.score) + "/5", 16);
  out += "\n";
}

char GradeLetter(Grade g) {
  switch (g) {
    case Grade::kCritical: return 'C';
    case Grade::kPoor: return 'P';
    case Grade::kFair: return 'F';
    case Grade::kGood: return 'G';
    case Grade::kNotApplicable: return '-';
    default: return '?';
  }
}

void ScorecardByRows(const Report& r, std::string& out) {
  out += "Grades: C Critical, P Poor, F Fair, G Good, ? Unknown, - N/A. Columns:";
  for (const Category& c : AllCategories()) out += " " + c.id;
  out += "\n";
  for (const HostReport& h : r.hosts) {
    std::string grades;
    for (const Category& c : AllCategories()) grades += GradeLetter(h.categories.at(c.id));
    out += Pad(h.host, 24) + std::to_string(h.score) + "/5  " + grades + "  " + h.primary_concern + "\n";
  }
}

}  // namespace

std::string RenderText(const Report& r) {
  std::string out;
  int counts[5] = {0, 0, 0, 0, 0};
  for (const Finding& f : r.findings) ++counts[static_cast<int>(f.severity)];
  out += "shipshape audit — " + r.generated_at + " — " + std::to_string(r.hosts.size()) +
         (r.hosts.size() == 1 ? " host, " : " hosts, ") + std::to_string(r.findings.size()) + " findings (P1 " +
         std::to_string(counts[1]) + ", P2 " + std::to_string(counts[2]) + ", P3 " + std::to_string(counts[3]) +
         ", P4 " + std::to_string(counts[4]) + ")\n\n";
  out += "Scorecard\n\n";
  if (r.hosts.size() <= kMaxHostColumns) {
    ScorecardByColumns(r, out);
  } else {
    ScorecardByRows(r, out);
  }
  for (const HostReport& h : r.hosts) {
    if (!h.primary_concern.empty() && r.hosts.size() <= kMaxHostColumns) {
      out += "  " + h.host + ": " + h.primary_concern + "\n";
    }
  }
  out += "\nPriority issues register\n";
  Severity current = Severity::kP4;
  bool first = true;
  for (const Finding& f : r.findings) {
    if (first || f.severity != current) {
      out += "\n" + SeverityHeading(f.severity) + "\n\n";
      current = f.severity;
      first = false;
    }
    out += "  " + Pad(f.id, 7) + Pad(f.host, 13) + " " + f.title + ": " + f.subject + "\n";
    out += "         evidence: " + f.evidence + "\n";
    std::string loc = Location(f);
    if (!loc.empty()) out += "         at: " + loc + "\n";
    out += "         impact: " + f.impact + "\n";
  }
  if (r.findings.empty()) out += "\n  No findings.\n";
  if (!r.errors.empty()) {
    out += "\nInput notes (a category whose source could not be read is scored Unknown)\n\n";
    for (const Diagnostic& d : r.errors) out += "  " + d.ToString() + "\n";
  }
  return out;
}

}  // namespace shipshape
