// Priority section headings (the wording of the seed plans).
#include "render/severity_text.h"

namespace shipshape {

std::string SeverityHeading(Severity s) {
  switch (s) {
    case Severity::kP1: return "P1 — Critical: risk of data loss or unrecoverable service failure";
    case Severity::kP2: return "P2 — High: risk of unplanned downtime or significant security exposure";
    case Severity::kP3: return "P3 — Medium: security hardening not yet implemented";
    default: return "P4 — Low: modernization and lifecycle management";
  }
}

}  // namespace shipshape
