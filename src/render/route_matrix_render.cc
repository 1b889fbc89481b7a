// Rendering the routing matrix: cells, a text table, a Markdown table, JSON (shipshape-routes/1).
#include <algorithm>
#include <set>

#include "base/json.h"
#include "base/strings.h"
#include "render/markdown_sections.h"
#include "render/route_matrix.h"

namespace shipshape {
namespace {

std::string Short(const std::string& header) {
  return header == "X-Frame-Options" ? "XFO" : header == "Content-Security-Policy" ? "CSP" : header;
}

bool SeveralHosts(const std::vector<RouteRow>& rows) {
  std::set<std::string> hosts;
  for (const RouteRow& r : rows) hosts.insert(r.host);
  return hosts.size() > 1;
}

// The table's cells, with a Host column first when the rows come from several hosts.
std::vector<std::vector<std::string>> Cells(const std::vector<RouteRow>& rows) {
  bool hosts = SeveralHosts(rows);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> head = {"Server name", "Listen", "Upstream", "Headers", "Limits", "Public"};
  if (hosts) head.insert(head.begin(), "Host");
  out.push_back(head);
  for (const RouteRow& r : rows) {
    std::vector<std::string> line = {r.server_names.empty() ? "-" : r.server_names,
                                     r.listen,
                                     UpstreamCell(r),
                                     HeadersCell(r),
                                     LimitsCell(r),
                                     PublicCell(r)};
    if (hosts) line.insert(line.begin(), r.host);
    out.push_back(line);
  }
  return out;
}

std::string JsonStrings(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + JsonQuote(items[i]);
  return out + "]";
}

std::string JsonOrNull(const std::string& s) { return s.empty() ? "null" : JsonQuote(s); }

}  // namespace

std::string UpstreamCell(const RouteRow& r) {
  if (r.upstreams.empty()) return r.serves.empty() ? "-" : r.serves;
  std::string out;
  for (const RouteUpstream& u : r.upstreams) {
    if (!out.empty()) out += ", ";
    out += u.service + (u.port > 0 ? ":" + std::to_string(u.port) : "");
  }
  return out;
}

std::string HeadersCell(const RouteRow& r) {
  std::vector<std::string> parts;
  if (!r.frame_options.empty()) parts.push_back("XFO " + r.frame_options);
  if (!r.csp.empty()) {
    parts.push_back(ContainsIgnoreCase(r.csp, "frame-ancestors") ? "CSP frame-ancestors" : "CSP");
  }
  if (r.hsts) parts.push_back("HSTS");
  if (!r.stripped.empty()) {
    std::vector<std::string> names;
    for (const std::string& h : r.stripped) names.push_back(Short(h));
    parts.push_back("stripped " + Join(names, "+"));
  }
  return parts.empty() ? "none" : Join(parts, ", ");
}

std::string LimitsCell(const RouteRow& r) { return r.limits.empty() ? "none" : Join(r.limits, ", "); }

std::string PublicCell(const RouteRow& r) {
  if (!r.is_public) return "unknown";
  return *r.is_public ? "yes" : "no";
}

std::string RenderRouteMatrixText(const std::vector<RouteRow>& rows) {
  if (rows.empty()) return "no nginx server blocks found\n";
  auto cells = Cells(rows);
  std::vector<size_t> width(cells[0].size(), 0);
  for (const auto& line : cells) {
    for (size_t i = 0; i < line.size(); ++i) width[i] = std::max(width[i], line[i].size());
  }
  std::string out;
  for (const auto& line : cells) {
    std::string text;
    for (size_t i = 0; i < line.size(); ++i) {
      text += line[i];
      if (i + 1 < line.size()) text += std::string(width[i] - line[i].size() + 2, ' ');
    }
    out += text + "\n";
  }
  return out;
}

std::string RenderRouteMatrixMarkdown(const std::vector<RouteRow>& rows) {
  auto cells = Cells(rows);
  std::string out;
  for (size_t n = 0; n < cells.size(); ++n) {
    out += "|";
    for (const std::string& c : cells[n]) out += " " + MarkdownCell(c) + " |";
    out += "\n";
    if (n == 0) {
      out += "|";
      for (size_t i = 0; i < cells[0].size(); ++i) out += "---|";
      out += "\n";
    }
  }
  return out;
}

std::string RenderRouteMatrixJson(const std::vector<RouteRow>& rows) {
  std::string out = "{\"format\":\"shipshape-routes/1\",\"routes\":[";
  for (size_t i = 0; i < rows.size(); ++i) {
    const RouteRow& r = rows[i];
    std::string ups = "[";
    for (size_t u = 0; u < r.upstreams.size(); ++u) {
      ups += std::string(u ? "," : "") + "{\"service\":" + JsonQuote(r.upstreams[u].service) +
             ",\"port\":" + (r.upstreams[u].port > 0 ? std::to_string(r.upstreams[u].port) : "null") + "}";
    }
    out += std::string(i ? "," : "") + "\n {\"host\":" + JsonQuote(r.host) + ",\"server_names\":" + JsonStrings([&] {
             std::vector<std::string> names;
             for (std::string_view n : SplitWhitespace(r.server_names)) names.emplace_back(n);
             return names;
           }()) +
           ",\"listen\":" + JsonQuote(r.listen) + ",\"upstreams\":" + ups + "],\"serves\":" + JsonOrNull(r.serves) +
           ",\"headers\":{\"x_frame_options\":" + JsonOrNull(r.frame_options) +
           ",\"content_security_policy\":" + JsonOrNull(r.csp) + ",\"hsts\":" + (r.hsts ? "true" : "false") +
           ",\"stripped\":" + JsonStrings(r.stripped) + "},\"limits\":" + JsonStrings(r.limits) +
           ",\"public\":" + (r.is_public ? (*r.is_public ? "true" : "false") : "null") +
           ",\"file\":" + JsonQuote(r.file) + ",\"line\":" + std::to_string(r.line) + "}";
  }
  return out + "\n]}\n";
}

}  // namespace shipshape
