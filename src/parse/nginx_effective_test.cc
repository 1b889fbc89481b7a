// Tests of nginx inheritance as the parser writes it: nginx_headers, limit_req, access, upstreams.
#include "parse/nginx_effective.h"

#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

// A host whose /etc/nginx/nginx.conf is `http_body` inside http {}; fails the test on any diagnostic.
std::unique_ptr<FactDb> LoadHttp(const std::string& http_body) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/nginx/nginx.conf", "events {}\nhttp {\n" + http_body + "}\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  for (const auto& d : diags.all()) ADD_FAILURE() << d.ToString();
  return db;
}

const char* kHeaderSql =
    "SELECT server, COALESCE(location, 'NULL'), name, value, always, level, line FROM nginx_headers "
    "ORDER BY server, location, name";

TEST(NginxHeaders, ServerHeadersAreInheritedByALocationWithoutAddHeader) {
  auto db = LoadHttp(
      "server {\n"                                         // 3
      "  listen 80;\n"                                     // 4
      "  add_header X-Frame-Options SAMEORIGIN always;\n"  // 5
      "  location / { proxy_pass http://app:3000; }\n"     // 6
      "}\n");
  EXPECT_EQ(Query(*db, kHeaderSql), (Rows{{"0", "NULL", "x-frame-options", "SAMEORIGIN", "1", "server", "5"},
                                          {"0", "/", "x-frame-options", "SAMEORIGIN", "1", "server", "5"}}));
}

TEST(NginxHeaders, ALocationWithItsOwnAddHeaderKeepsOnlyItsOwn) {
  auto db = LoadHttp(
      "add_header Strict-Transport-Security max-age=63072000 always;\n"       // 3
      "server {\n"                                                            // 4
      "  add_header X-Frame-Options DENY;\n"                                  // 5
      "  location /embed {\n"                                                 // 6
      "    add_header Content-Security-Policy \"frame-ancestors 'self'\";\n"  // 7
      "  }\n"
      "}\n"
      "server {\n"         // 10
      "  location / {}\n"  // 11
      "}\n");
  EXPECT_EQ(Query(*db, kHeaderSql),
            (Rows{{"0", "NULL", "x-frame-options", "DENY", "0", "server", "5"},
                  {"0", "/embed", "content-security-policy", "frame-ancestors 'self'", "0", "location", "7"},
                  // The second server has none of its own: http's header reaches it and its location.
                  {"1", "NULL", "strict-transport-security", "max-age=63072000", "1", "http", "3"},
                  {"1", "/", "strict-transport-security", "max-age=63072000", "1", "http", "3"}}));
}

TEST(NginxHeaders, AddHeaderInsideIfDoesNotDropInheritedOnesAndNestedLocationsInherit) {
  auto db = LoadHttp(
      "server {\n"                                                                  // 3
      "  add_header X-Content-Type-Options nosniff always;\n"                       // 4
      "  location /api {\n"                                                         // 5
      "    if ($request_method = OPTIONS) { add_header Allow GET; return 204; }\n"  // 6
      "    location ~ ^/api/(v1|v2)/ { proxy_pass http://api; }\n"                  // 7
      "  }\n"
      "}\n");
  EXPECT_EQ(
      Query(*db, "SELECT location, name, level FROM nginx_headers WHERE location IS NOT NULL ORDER BY location"),
      (Rows{{"/api", "x-content-type-options", "server"}, {"~ ^/api/(v1|v2)/", "x-content-type-options", "server"}}));
}

TEST(NginxLocations, LimitReqIsInheritedFromServerAndHttp) {
  auto db = LoadHttp(
      "limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;\n"
      "server {\n"
      "  server_name a;\n"
      "  location /api/ { limit_req zone=api burst=20 nodelay; }\n"
      "  location /login { }\n"
      "}\n"
      "server {\n"
      "  server_name b;\n"
      "  limit_req zone=api;\n"
      "  location / { location /deep { } }\n"
      "}\n");
  EXPECT_EQ(Query(*db, "SELECT server, path, limit_req FROM nginx_locations ORDER BY server, line"),
            (Rows{{"0", "/api/", "1"}, {"0", "/login", "0"}, {"1", "/", "1"}, {"1", "/deep", "1"}}));
  EXPECT_EQ(Query(*db, "SELECT args FROM nginx_directives WHERE name = 'limit_req_zone'"),
            (Rows{{"$binary_remote_addr zone=api:10m rate=10r/s"}}));
}

TEST(NginxLocations, ProxyTargetsResolveThroughUpstreamBlocks) {
  auto db = LoadHttp(
      "upstream backend {\n"              // 3
      "  server api:4000 max_fails=3;\n"  // 4
      "  server 10.0.0.7;\n"              // 5
      "  server unix:/run/app.sock;\n"    // 6
      "}\n"
      "server {\n"
      "  location / { proxy_pass http://backend; }\n"
      "  location /grafana/ { proxy_pass http://grafana:3000/; }\n"
      "  location /secure { proxy_pass https://[::1]; }\n"
      "  location /var { proxy_pass http://$target; }\n"
      "  location ~ \\.php$ { fastcgi_pass php:9000; }\n"
      "  location /static { }\n"
      "}\n");
  EXPECT_EQ(Query(*db,
                  "SELECT path, proxy_pass, upstream, COALESCE(upstream_port, 'NULL') FROM nginx_locations "
                  "ORDER BY line"),
            (Rows{{"/", "http://backend", "backend", "4000"},
                  {"/grafana/", "http://grafana:3000/", "grafana", "3000"},
                  {"/secure", "https://[::1]", "::1", "443"},
                  {"/var", "http://$target", "$target", "NULL"},
                  {"~ \\.php$", "", "php", "9000"},
                  {"/static", "", "", "NULL"}}));
  EXPECT_EQ(Query(*db,
                  "SELECT name, server_addr, service, COALESCE(port, 'NULL'), line FROM nginx_upstreams "
                  "ORDER BY line"),
            (Rows{{"backend", "api:4000", "api", "4000", "4"},
                  {"backend", "10.0.0.7", "10.0.0.7", "80", "5"},
                  {"backend", "unix:/run/app.sock", "unix:/run/app.sock", "NULL", "6"}}));
}

TEST(NginxLocations, AccessReturnAliasRootAndHiddenHeaders) {
  auto db = LoadHttp(
      "root /srv/www;\n"
      "proxy_hide_header X-Powered-By;\n"
      "server {\n"
      "  allow 10.0.0.0/8;\n"
      "  deny all;\n"
      "  location /admin { auth_basic off; }\n"
      "  location /open { allow all; }\n"
      "  location /files { alias /data/files/; }\n"
      "  location /old { return 301 https://example.org$request_uri; }\n"
      "  location /gone { return https://example.org/; }\n"
      "  location /proxy { proxy_hide_header X-Frame-Options; proxy_hide_header Content-Security-Policy; }\n"
      "  location /int { internal; allow all; }\n"
      "}\n"
      "server { listen 127.0.0.1:8080; auth_basic \"admin\"; location / { } }\n");
  EXPECT_EQ(Query(*db,
                  "SELECT path, access_restricted, alias, root, COALESCE(return_code, 'NULL'), return_target, "
                  "hides_headers FROM nginx_locations ORDER BY server, line"),
            (Rows{{"/admin", "1", "", "/srv/www", "NULL", "", "x-powered-by"},
                  {"/open", "0", "", "/srv/www", "NULL", "", "x-powered-by"},
                  {"/files", "1", "/data/files/", "/srv/www", "NULL", "", "x-powered-by"},
                  {"/old", "1", "", "/srv/www", "301", "https://example.org$request_uri", "x-powered-by"},
                  {"/gone", "1", "", "/srv/www", "302", "https://example.org/", "x-powered-by"},
                  {"/proxy", "1", "", "/srv/www", "NULL", "", "x-frame-options content-security-policy"},
                  {"/int", "1", "", "/srv/www", "NULL", "", "x-powered-by"},
                  {"/", "1", "", "/srv/www", "NULL", "", "x-powered-by"}}));
  EXPECT_EQ(
      Query(*db, "SELECT server, listen, address, loopback, access_restricted FROM nginx_servers ORDER BY server"),
      (Rows{{"0", "", "", "0", "1"}, {"1", "127.0.0.1:8080", "127.0.0.1", "1", "1"}}));
}

TEST(NginxServers, ListenAddressesAndLoopback) {
  auto db = LoadHttp(
      "server { listen 80; listen [::]:443 ssl; listen *:8080; listen 0.0.0.0:81; listen [::1]:82; "
      "listen localhost:83; listen unix:/run/nginx.sock; listen 192.168.1.5; }\n");
  // public: no exposure facts for this host → unknown, except loopback listens, never reachable.
  EXPECT_EQ(Query(*db,
                  "SELECT listen, port, address, loopback, COALESCE(public, 'NULL') FROM nginx_servers "
                  "ORDER BY rowid"),
            (Rows{{"80", "80", "", "0", "NULL"},
                  {"[::]:443", "443", "", "0", "NULL"},
                  {"*:8080", "8080", "", "0", "NULL"},
                  {"0.0.0.0:81", "81", "", "0", "NULL"},
                  {"[::1]:82", "82", "::1", "1", "0"},
                  {"localhost:83", "83", "localhost", "1", "0"},
                  {"unix:/run/nginx.sock", "0", "unix:/run/nginx.sock", "1", "0"},
                  {"192.168.1.5", "80", "192.168.1.5", "0", "NULL"}}));
  EXPECT_EQ(Query(*db, "SELECT DISTINCT config FROM nginx_servers"), (Rows{{"/etc/nginx/nginx.conf"}}));
}

TEST(NginxSyntax, MapGeoIfTypesAndSplitClientsAreNotErrorsNorDirectives) {
  auto db = LoadHttp(
      "map $http_upgrade $connection_upgrade { default upgrade; '' close; ~*^(a|b)\\s+c$ x; }\n"
      "geo $remote_addr $trusted { default 0; 10.0.0.0/8 1; }\n"
      "types { text/html html htm; application/json json; }\n"
      "split_clients \"${remote_addr}AAA\" $variant { 50% one; * two; }\n"
      "server {\n"
      "  if ($http_user_agent ~* \"(bot|crawl) spider\") { return 403; }\n"
      "  location / {\n"
      "    if ( $request_method !~ ^(GET|HEAD|POST)$ ) { return 405; }\n"
      "    if (-f $request_filename) { break; }\n"
      "  }\n"
      "}\n");
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM nginx_directives WHERE name IN ('default', 'text/html', '50%', '')"),
            (Rows{{"0"}}));
  EXPECT_EQ(Query(*db, "SELECT context, args FROM nginx_directives WHERE name = 'if' ORDER BY line"),
            (Rows{{"http > server", "($http_user_agent ~* (bot|crawl) spider )"},
                  {"http > server > location /", "( $request_method !~ ^(GET|HEAD|POST)$ )"},
                  {"http > server > location /", "(-f $request_filename)"}}));
  EXPECT_EQ(Query(*db, "SELECT context, args FROM nginx_directives WHERE name = 'return' ORDER BY line"),
            (Rows{{"http > server > if", "403"}, {"http > server > location / > if", "405"}}));
}

TEST(NginxSyntax, LuaBlocksAreCodeNotDirectives) {
  std::vector<NginxSyntaxError> errors;
  auto list = ParseNginxText(
      "location /t {\n  content_by_lua_block {\n    local t = {a = \"}\"} -- }\n    ngx.say(t.a)\n  }\n"
      "  add_header X-A 1;\n}\n",
      "x.conf", &errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(list.size(), 1u);
  ASSERT_EQ(list[0].children.size(), 2u);
  EXPECT_EQ(list[0].children[1].name, "add_header");
  EXPECT_EQ(list[0].children[1].line, 6);
  ParseNginxText("server {\n  access_by_lua_block {\n    if x then\n", "y.conf", &errors);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].line, 4);
  EXPECT_EQ(errors[0].message, "unexpected end of file, expecting \"}\"");
}

TEST(NginxTarget, HostAndPortOfPassTargets) {
  EXPECT_EQ(ParseNginxTarget("http://api:4000/x").host, "api");
  EXPECT_EQ(ParseNginxTarget("http://api:4000/x").port, 4000);
  EXPECT_EQ(ParseNginxTarget("https://example.org").port, 443);
  EXPECT_EQ(ParseNginxTarget("127.0.0.1:9000").port, 9000);
  EXPECT_FALSE(ParseNginxTarget("php-fpm").port.has_value());
  EXPECT_FALSE(ParseNginxTarget("http://api:$port").port.has_value());
  EXPECT_EQ(ParseNginxTarget("unix:/run/php/php-fpm.sock").host, "unix:/run/php/php-fpm.sock");
}

}  // namespace
}  // namespace shipshape
