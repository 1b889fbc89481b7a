// The routing matrix of nginx deployments (`shipshape map`): for every server name and listen, the
// upstream services it proxies to, the security headers and limits applied, and whether it is public.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/sqlite_db.h"
#include "base/status.h"

namespace shipshape {

struct RouteUpstream {
  std::string service;  // compose service when the proxy_pass host names one (or its container), else as written
  int64_t port = 0;     // 0 when unknown (no port in proxy_pass and no upstream block port)
};

// One row per nginx_servers row: a server block's listen.
struct RouteRow {
  std::string host;                      // the stack folder's name or the host
  std::string server_names;              // server_name arguments, space-joined ('' when the block has none)
  std::string listen;                    // the listen as written: "80", "127.0.0.1:8881"
  std::vector<RouteUpstream> upstreams;  // distinct, `location /` first, then in file order
  std::string serves;                    // when nothing is proxied: "return 301 https://…", "static /srv/www", ""
  std::string frame_options;             // effective X-Frame-Options value, '' when none
  std::string csp;                       // effective Content-Security-Policy value, '' when none
  bool hsts = false;                     // Strict-Transport-Security added
  std::vector<std::string> stripped;     // "X-Frame-Options", "Content-Security-Policy": proxy_hide_header'd
  std::vector<std::string> limits;       // "limit_req api on /api/", "allow/deny", "auth on /admin/"
  std::optional<bool> is_public;         // nginx_servers.public; nullopt when unknown
  std::string file;
  int line = 0;
};

// Reads nginx_servers, nginx_locations, nginx_headers and nginx_directives (and, when present,
// nginx_upstreams and compose_services to name services) of every host in `db`.
Result<std::vector<RouteRow>> BuildRouteMatrix(Database& db);

// Cells as the text and Markdown tables print them.
std::string UpstreamCell(const RouteRow& r);  // "api:4000, media-api:4100", or what it serves
std::string HeadersCell(const RouteRow& r);   // "XFO SAMEORIGIN, CSP frame-ancestors, HSTS, stripped XFO+CSP"
std::string LimitsCell(const RouteRow& r);    // "limit_req api on /api/, allow/deny", or "none"
std::string PublicCell(const RouteRow& r);    // yes | no | unknown

std::string RenderRouteMatrixText(const std::vector<RouteRow>& rows);
std::string RenderRouteMatrixMarkdown(const std::vector<RouteRow>& rows);
std::string RenderRouteMatrixJson(const std::vector<RouteRow>& rows);  // format shipshape-routes/1

}  // namespace shipshape
