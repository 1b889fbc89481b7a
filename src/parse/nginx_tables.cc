// Declarations of the nginx fact tables: names, columns and their documentation.
#include "parse/nginx_tables.h"

namespace shipshape {

const TableDef& kNginxDirectives = RegisterTable(
    {"nginx_directives",
     "Every nginx directive after include expansion, with the block it sits in (the raw material for web rules). "
     "Entries of map, geo, types and split_clients blocks are value pairs, not directives: not listed.",
     {Text("context",
           "enclosing blocks, outermost first: 'http > server > location /api' (files a stack's "
           "implicit root reads start at 'http')"),
      Int("server", "index of the enclosing server block (0-based, in file order), or NULL outside servers"),
      Text("name", "directive name"), Text("args", "arguments joined by single spaces, quotes removed"), FileCol(),
      LineCol()}});

const TableDef& kNginxServers = RegisterTable(
    {"nginx_servers",
     "One row per `listen` of each http server block (a server without listen listens on 80).",
     {Int("server", "index of the server block (0-based, in file order; unique across a host's configs)"),
      Text("listen", "the listen directive's first argument as written ('443', '[::]:80', '127.0.0.1:8080')"),
      Int("port", "port number"), Int("ssl", "1 when the listen has the ssl parameter (or http2/quic with ssl)"),
      Int("default_server", "1 for default_server"), Text("server_names", "server_name arguments joined by spaces"),
      Text("config",
           "the root config the server was read from: '/etc/nginx/nginx.conf', '/nginx/nginx.conf'; "
           "for stack files no nginx.conf includes (conf.d mounted into the stock image), the glob "
           "the image's nginx.conf includes them by: '/nginx/conf.d/*.conf'"),
      Text("address",
           "listen address, '' for all addresses (no address, '*', 0.0.0.0 or [::]); "
           "'unix:/path' for a socket"),
      Int("loopback", "1 when the listen address is 127.0.0.0/8, ::1, localhost or a unix socket"),
      Int("public",
          "derived: 1 when the port is reachable from outside (a stack: the nginx container publishes "
          "it on all interfaces or runs with network_mode host; a host: the exposure table says "
          "reachable 'yes'), 0 when not (loopback listen, port not published or published on one "
          "address only, no compose service runs this nginx, exposure 'no' or 'private'), NULL when unknown (a stack "
          "folder without compose file, a host port without exposure facts)"),
      Int("access_restricted",
          "1 when the server level restricts access: `deny all` in the allow/deny rules in "
          "effect, or auth_basic / auth_request (not off) in effect"),
      FileCol(), LineCol()}});

const TableDef& kNginxLocations = RegisterTable(
    {"nginx_locations",
     "Location blocks (nested ones too) of http server blocks, with the settings in effect there.",
     {Int("server", "index of the server block"), Text("path", "location modifier and path ('/api', '~ \\.php$')"),
      Text("proxy_pass", "proxy_pass target, or ''"),
      Int("limit_req", "1 when limit_req is in effect: at the location, an enclosing location, the server or http"),
      Int("access_restricted",
          "1 when `deny all` is in the allow/deny rules in effect (the innermost level that "
          "has any), auth_basic or auth_request is in effect and not off, or the location is "
          "`internal`"),
      Text("alias", "alias path of the location, or ''"),
      Text("root", "root in effect (the location's, else inherited from server/http), or ''"),
      Int("return_code", "status code of the location's `return` (302 for `return URL`), NULL when none"),
      Text("return_target", "URL or text of that `return`, or ''"),
      Text("upstream",
           "host part of the location's proxy_pass (else fastcgi/uwsgi/grpc/scgi_pass): container or "
           "service name, upstream block name, IP, 'unix:/path'; '' when none"),
      Int("upstream_port",
          "port of that target (through an upstream block: its first server's port; the scheme's "
          "default when none is written), NULL when unknown (a variable, a unix socket)"),
      Text("hides_headers", "lower-case names of the proxy_hide_header in effect, space-joined, or ''"), FileCol(),
      LineCol()}});

const TableDef& kNginxHeaders = RegisterTable(
    {"nginx_headers",
     "Derived from add_header: the effective response headers at each server (location NULL) and each location, "
     "after nginx's inheritance (a level that has any add_header drops all inherited ones; add_header inside "
     "`if` is conditional and not counted). No row: no add_header in effect there.",
     {Int("server", "index of the server block"),
      Text("location", "location path as in nginx_locations.path, or NULL for the server level"),
      Text("name", "header name, lower case"), Text("value", "header value as written (may be a $variable)"),
      Int("always", "1 with the `always` parameter (also sent on error responses)"),
      Text("level", "where the add_header that applies is written: http | server | location"), FileCol(), LineCol()}});

const TableDef& kNginxUpstreams = RegisterTable(
    {"nginx_upstreams",
     "One row per `server` of each http `upstream` block.",
     {Text("name", "upstream block name"), Text("server_addr", "the server's address as written ('api:4000')"),
      Text("service", "host part: container or service name, IP, or 'unix:/path'"),
      Int("port", "port (80 when none is written), NULL for a unix socket"), FileCol(), LineCol()}});

}  // namespace shipshape
