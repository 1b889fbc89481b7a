// JSON rendering: the shipshape-report/1 format of DESIGN.md (fields are added, never renamed).
#include "base/json.h"
#include "plan/categories.h"
#include "render/render.h"

namespace shipshape {

std::string RenderJson(const Report& r) {
  std::string out = "{\"format\":\"shipshape-report/1\",\"generated_at\":" + JsonQuote(r.generated_at) + ",\n\"hosts\":[";
  for (size_t i = 0; i < r.hosts.size(); ++i) {
    const HostReport& h = r.hosts[i];
    out += i ? ",\n " : "\n ";
    out += "{\"host\":" + JsonQuote(h.host) + ",\"os\":" + JsonQuote(h.os) +
           ",\"collected_at\":" + JsonQuote(h.collected_at) + ",\"privileged\":" + (h.privileged ? "true" : "false") +
           ",\"score\":" + std::to_string(h.score) + ",\"primary_concern\":" + JsonQuote(h.primary_concern) +
           ",\"categories\":{";
    bool first = true;
    for (const Category& c : AllCategories()) {
      out += (first ? "" : ",") + JsonQuote(c.id) + ":" + JsonQuote(GradeName(h.categories.at(c.id)));
      first = false;
    }
    out += "},\"category_notes\":{";
    first = true;
    for (const auto& [id, note] : h.category_notes) {
      out += (first ? "" : ",") + JsonQuote(id) + ":" + JsonQuote(note);
      first = false;
    }
    out += "}}";
  }
  out += "],\n\"findings\":[";
  for (size_t i = 0; i < r.findings.size(); ++i) {
    const Finding& f = r.findings[i];
    out += i ? ",\n " : "\n ";
    out += "{\"id\":" + JsonQuote(f.id) + ",\"rule\":" + JsonQuote(f.rule) + ",\"severity\":" +
           JsonQuote(SeverityName(f.severity)) + ",\"category\":" + JsonQuote(f.category) +
           ",\"host\":" + JsonQuote(f.host) + ",\"title\":" + JsonQuote(f.title) +
           ",\"subject\":" + JsonQuote(f.subject) + ",\"evidence\":" + JsonQuote(f.evidence) +
           ",\"impact\":" + JsonQuote(f.impact) + ",\"file\":" + (f.file.empty() ? "null" : JsonQuote(f.file)) +
           ",\"line\":" + (f.line > 0 ? std::to_string(f.line) : "null") + "}";
  }
  out += "],\n\"errors\":[";
  for (size_t i = 0; i < r.errors.size(); ++i) {
    const Diagnostic& d = r.errors[i];
    out += i ? ",\n " : "\n ";
    out += "{\"host\":" + JsonQuote(d.host) + ",\"file\":" + JsonQuote(d.file) + ",\"line\":" + std::to_string(d.line) +
           ",\"message\":" + JsonQuote(d.message) + "}";
  }
  out += "]}\n";
  return out;
}

}  // namespace shipshape
