// The scorecard: a grade per host and category, and a 1–5 score per host.
//
// Grades: a category is Unknown when its facts could not be read (no 'ok' coverage row, or any
// 'error' row: damaged input is never scored Good); N/A when every source says the thing is absent;
// else the worst finding decides: P1 Critical, P2 Poor, P3 or P4 Fair (as the seed plans grade a
// lifecycle item), none Good. A stack host (a deployment folder read in place) has no OS, sshd,
// firewall…: its categories that no source covered are N/A, not Unknown.
// Score: 1 with any P1; 2 with three or more P2; 3 with any P2; 4 with any P3; else 5.
#include <set>

#include "plan/categories.h"
#include "plan/report.h"

namespace shipshape {

std::string GradeName(Grade g) {
  switch (g) {
    case Grade::kCritical: return "Critical";
    case Grade::kPoor: return "Poor";
    case Grade::kFair: return "Fair";
    case Grade::kGood: return "Good";
    case Grade::kNotApplicable: return "N/A";
    default: return "Unknown";
  }
}

namespace {

struct CoverageSummary {
  bool any = false;  // some source wrote a coverage row (any state)
  bool ok = false;
  bool error = false;
  bool absent = false;
  std::string error_detail;
};

Grade GradeFor(Severity worst) {
  switch (worst) {
    case Severity::kP1: return Grade::kCritical;
    case Severity::kP2: return Grade::kPoor;
    default: return Grade::kFair;
  }
}

}  // namespace

Result<std::vector<HostReport>> BuildScorecard(FactDb& db, const std::vector<Finding>& findings) {
  std::vector<HostReport> hosts;
  {
    auto stmt = db.db().Prepare(
        "SELECT h.host, h.collected_at, h.privileged, (SELECT pretty_name FROM os o WHERE o.host = h.host LIMIT 1), "
        "h.method FROM hosts h ORDER BY h.host");
    if (!stmt.ok()) return stmt.status();
    Status st;
    while ((*stmt)->Step(&st)) {
      HostReport h;
      h.host = (*stmt)->ColumnText(0);
      h.collected_at = (*stmt)->ColumnText(1);
      h.privileged = (*stmt)->ColumnInt(2) != 0;
      h.os = (*stmt)->ColumnText(3);
      h.method = (*stmt)->ColumnText(4);
      hosts.push_back(std::move(h));
    }
    if (!st.ok()) return st;
  }
  std::map<std::pair<std::string, std::string>, CoverageSummary> coverage;
  {
    auto stmt = db.db().Prepare("SELECT host, category, state, source, detail FROM coverage");
    if (!stmt.ok()) return stmt.status();
    Status st;
    while ((*stmt)->Step(&st)) {
      CoverageSummary& c = coverage[{(*stmt)->ColumnText(0), (*stmt)->ColumnText(1)}];
      std::string state = (*stmt)->ColumnText(2);
      c.any = true;
      if (state == "ok") c.ok = true;
      if (state == "absent") c.absent = true;
      if (state == "error") {
        c.error = true;
        if (c.error_detail.empty()) c.error_detail = (*stmt)->ColumnText(3) + ": " + (*stmt)->ColumnText(4);
      }
    }
    if (!st.ok()) return st;
  }
  for (HostReport& h : hosts) {
    std::map<std::string, Severity> worst;
    std::map<std::string, std::string> first_title;
    int p1 = 0, p2 = 0, p3 = 0;
    for (const Finding& f : findings) {
      if (f.host != h.host) continue;
      if (f.severity == Severity::kP1) ++p1;
      if (f.severity == Severity::kP2) ++p2;
      if (f.severity == Severity::kP3) ++p3;
      auto it = worst.find(f.category);
      if (it == worst.end() || f.severity < it->second) {
        worst[f.category] = f.severity;
        first_title[f.category] = f.title;
      }
    }
    for (const Category& cat : AllCategories()) {
      const CoverageSummary c = coverage[{h.host, cat.id}];
      Grade g;
      std::string note;
      if (c.error) {
        g = Grade::kUnknown;
        note = "could not read " + c.error_detail;
      } else if (worst.count(cat.id)) {
        g = GradeFor(worst[cat.id]);
        note = first_title[cat.id];
      } else if (c.ok) {
        g = Grade::kGood;
      } else if (c.absent) {
        g = Grade::kNotApplicable;
      } else if (h.method == "stack" && !c.any) {
        g = Grade::kNotApplicable;  // a deployment folder does not show this (os, ssh, firewall, …)
        note = "not shown by a stack folder";
      } else {
        g = Grade::kUnknown;
        note = "no facts collected";
      }
      h.categories[cat.id] = g;
      if (!note.empty()) h.category_notes[cat.id] = note;
    }
    h.score = p1 ? 1 : p2 >= 3 ? 2 : p2 ? 3 : p3 ? 4 : 5;
    for (Severity s : {Severity::kP1, Severity::kP2, Severity::kP3}) {
      std::vector<std::string> titles;
      for (const Finding& f : findings) {
        if (f.host == h.host && f.severity == s && titles.size() < 3) {
          bool dup = false;
          for (const auto& t : titles) dup = dup || t == f.title;
          if (!dup) titles.push_back(f.title);
        }
      }
      if (!titles.empty()) {
        for (size_t i = 0; i < titles.size(); ++i) h.primary_concern += (i ? "; " : "") + titles[i];
        break;
      }
    }
  }
  return hosts;
}

}  // namespace shipshape
