// The priority issues register: ordering and ids.
#include <algorithm>
#include <cstdio>

#include "plan/report.h"

namespace shipshape {

void BuildRegister(std::vector<Finding>* findings) {
  std::sort(findings->begin(), findings->end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.severity, a.host, a.rule, a.subject, a.file, a.line) <
           std::tie(b.severity, b.host, b.rule, b.subject, b.file, b.line);
  });
  int counter[5] = {0, 0, 0, 0, 0};
  for (Finding& f : *findings) {
    int sev = static_cast<int>(f.severity);
    char buf[16];
    snprintf(buf, sizeof buf, "P%d-%02d", sev, ++counter[sev]);
    f.id = buf;
  }
}

}  // namespace shipshape
