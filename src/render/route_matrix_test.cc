// Tests of the routing matrix: from hand-built fact rows (the tables of the stack spec), and from a
// stack folder fixture through `shipshape map`.
#include "render/route_matrix.h"

#include <gtest/gtest.h>

#include "base/json.h"
#include "base/process.h"
#include "test_paths.h"

namespace shipshape {
namespace {

// The tables BuildRouteMatrix reads, with the columns of the stack spec, filled with the facts of
// tests/fixtures/route-matrix/demo as the parsers should derive them.
constexpr const char* kFacts = R"SQL(
CREATE TABLE hosts (host TEXT, method TEXT);
CREATE TABLE nginx_servers (host TEXT, server INTEGER, listen TEXT, port INTEGER, ssl INTEGER,
  default_server INTEGER, server_names TEXT, config TEXT, address TEXT, loopback INTEGER, public INTEGER,
  access_restricted INTEGER, file TEXT, line INTEGER);
CREATE TABLE nginx_locations (host TEXT, server INTEGER, path TEXT, proxy_pass TEXT, limit_req INTEGER,
  access_restricted INTEGER, alias TEXT, root TEXT, return_code INTEGER, return_target TEXT, upstream TEXT,
  upstream_port INTEGER, hides_headers TEXT, file TEXT, line INTEGER);
CREATE TABLE nginx_headers (host TEXT, server INTEGER, location TEXT, name TEXT, value TEXT, always INTEGER,
  level TEXT, file TEXT, line INTEGER);
CREATE TABLE nginx_directives (host TEXT, context TEXT, server INTEGER, name TEXT, args TEXT, file TEXT,
  line INTEGER);
CREATE TABLE nginx_upstreams (host TEXT, name TEXT, server_addr TEXT, service TEXT, port INTEGER, file TEXT,
  line INTEGER);
CREATE TABLE compose_services (host TEXT, project TEXT, service TEXT, container_name TEXT, file TEXT,
  line INTEGER);
INSERT INTO hosts VALUES ('demo', 'stack');
INSERT INTO compose_services VALUES ('demo', 'demo', 'nginx', '', '/docker-compose.yml', 4),
  ('demo', 'demo', 'admin', 'demo-admin', '/docker-compose.yml', 12),
  ('demo', 'demo', 'api', 'demo-api', '/docker-compose.yml', 15),
  ('demo', 'demo', 'media-api', '', '/docker-compose.yml', 18),
  ('demo', 'demo', 'nocodb', '', '/docker-compose.yml', 20);
INSERT INTO nginx_upstreams VALUES ('demo', 'media', 'media-api:4100', 'media-api', 4100, '/nginx/nginx.conf', 12);
INSERT INTO nginx_servers VALUES
  ('demo', 0, '80', 80, 0, 0, 'app.example.org', '/nginx/nginx.conf', '', 0, 1, 0, '/nginx/conf.d/sites.conf', 3),
  ('demo', 1, '80', 80, 0, 0, 'api.example.org', '/nginx/nginx.conf', '', 0, 1, 0, '/nginx/conf.d/sites.conf', 13),
  ('demo', 2, '8881', 8881, 0, 0, 'localhost', '/nginx/nginx.conf', '', 0, 1, 0, '/nginx/conf.d/sites.conf', 34),
  ('demo', 3, '127.0.0.1:8080', 8080, 0, 0, '_', '/nginx/nginx.conf', '127.0.0.1', 1, 0, 1,
   '/nginx/conf.d/sites.conf', 46);
INSERT INTO nginx_locations VALUES
  ('demo', 0, '/', 'http://demo-admin:3000', 0, 0, '', '', NULL, '', 'demo-admin', 3000, '', '/nginx/conf.d/sites.conf', 6),
  ('demo', 1, '/api/media/', 'http://media', 0, 0, '', '', NULL, '', 'media', 4100, '', '/nginx/conf.d/sites.conf', 18),
  ('demo', 1, '/api/', 'http://demo-api:4000', 1, 0, '', '', NULL, '', 'demo-api', 4000, '', '/nginx/conf.d/sites.conf', 22),
  ('demo', 1, '/', 'http://demo-api:4000', 0, 0, '', '', NULL, '', 'demo-api', 4000, '', '/nginx/conf.d/sites.conf', 27),
  ('demo', 2, '/', 'http://nocodb:8080', 0, 0, '', '', NULL, '', 'nocodb', 8080,
   'x-frame-options content-security-policy', '/nginx/conf.d/sites.conf', 37),
  ('demo', 3, '/', '', 0, 1, '', '', 204, '', '', NULL, '', '/nginx/conf.d/sites.conf', 52);
INSERT INTO nginx_headers VALUES
  ('demo', 0, NULL, 'strict-transport-security', 'max-age=31536000; includeSubDomains', 1, 'http', '/nginx/nginx.conf', 8),
  ('demo', 0, NULL, 'x-frame-options', 'SAMEORIGIN', 1, 'http', '/nginx/nginx.conf', 9),
  ('demo', 0, '/', 'strict-transport-security', 'max-age=31536000; includeSubDomains', 1, 'http', '/nginx/nginx.conf', 8),
  ('demo', 0, '/', 'x-frame-options', 'SAMEORIGIN', 1, 'http', '/nginx/nginx.conf', 9),
  ('demo', 1, NULL, 'content-security-policy', 'frame-ancestors ''self''', 1, 'server', '/nginx/conf.d/sites.conf', 17),
  ('demo', 1, '/', 'content-security-policy', 'frame-ancestors ''self''', 1, 'server', '/nginx/conf.d/sites.conf', 17),
  ('demo', 1, '/api/', 'content-security-policy', 'frame-ancestors ''self''', 1, 'server', '/nginx/conf.d/sites.conf', 17),
  ('demo', 2, '/', 'strict-transport-security', 'max-age=31536000; includeSubDomains', 1, 'http', '/nginx/nginx.conf', 8),
  ('demo', 2, '/', 'x-frame-options', 'SAMEORIGIN', 1, 'http', '/nginx/nginx.conf', 9),
  ('demo', 3, '/', 'strict-transport-security', 'max-age=31536000; includeSubDomains', 1, 'http', '/nginx/nginx.conf', 8),
  ('demo', 3, '/', 'x-frame-options', 'SAMEORIGIN', 1, 'http', '/nginx/nginx.conf', 9);
INSERT INTO nginx_directives VALUES
  ('demo', 'http', NULL, 'limit_req_zone', '$binary_remote_addr zone=api:10m rate=10r/s', '/nginx/nginx.conf', 6),
  ('demo', 'http > server > location /api/', 1, 'limit_req', 'zone=api burst=20 nodelay', '/nginx/conf.d/sites.conf', 23),
  ('demo', 'http > server', 3, 'allow', '127.0.0.1', '/nginx/conf.d/sites.conf', 49),
  ('demo', 'http > server', 3, 'deny', 'all', '/nginx/conf.d/sites.conf', 50);
)SQL";

// The matrix of tests/fixtures/route-matrix/demo, as `shipshape map` prints it.
constexpr const char* kExpectedText =
    "Server name      Listen          Upstream                  Headers                                 Limits"
    "                  Public\n"
    "app.example.org  80              admin:3000                XFO SAMEORIGIN, HSTS                    none"
    "                    yes\n"
    "api.example.org  80              api:4000, media-api:4100  CSP frame-ancestors                     "
    "limit_req api on /api/  yes\n"
    "localhost        8881            nocodb:8080               XFO SAMEORIGIN, HSTS, stripped XFO+CSP  none"
    "                    yes\n"
    "_                127.0.0.1:8080  return 204                XFO SAMEORIGIN, HSTS                    allow/deny"
    "              no\n";

std::unique_ptr<Database> HandBuiltFacts() {
  auto db = Database::Open(":memory:");
  EXPECT_TRUE(db.ok());
  Status st = (*db)->Exec(kFacts);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return std::move(db).value();
}

TEST(RouteMatrix, HandBuiltFactsGiveTheExpectedMatrix) {
  auto db = HandBuiltFacts();
  auto rows = BuildRouteMatrix(*db);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(RenderRouteMatrixText(*rows), kExpectedText);
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_EQ((*rows)[1].file, "nginx/conf.d/sites.conf");  // a stack's files are relative
  EXPECT_EQ((*rows)[1].line, 13);
}

TEST(RouteMatrix, MarkdownAndJson) {
  auto db = HandBuiltFacts();
  auto rows = BuildRouteMatrix(*db);
  ASSERT_TRUE(rows.ok());
  std::string md = RenderRouteMatrixMarkdown(*rows);
  EXPECT_EQ(md.substr(0, md.find('\n', md.find('\n') + 1) + 1),
            "| Server name | Listen | Upstream | Headers | Limits | Public |\n|---|---|---|---|---|---|\n");
  EXPECT_NE(md.find("| api.example.org | 80 | api:4000, media-api:4100 | CSP frame-ancestors | "
                    "limit_req api on /api/ | yes |\n"),
            std::string::npos)
      << md;
  auto json = ParseJson(RenderRouteMatrixJson(*rows), "routes.json");
  ASSERT_TRUE(json.ok());
  JsonRef api = json->root()["routes"].At(1);
  EXPECT_EQ(json->root()["format"].Str(), "shipshape-routes/1");
  EXPECT_EQ(api["server_names"].At(0).Str(), "api.example.org");
  EXPECT_EQ(api["upstreams"].At(1)["service"].Str(), "media-api");
  EXPECT_EQ(api["upstreams"].At(1)["port"].Int(), 4100);
  EXPECT_EQ(api["headers"]["content_security_policy"].Str(), "frame-ancestors 'self'");
  EXPECT_TRUE(api["headers"]["x_frame_options"].IsNull());
  EXPECT_EQ(json->root()["routes"].At(2)["headers"]["stripped"].At(1).Str(), "Content-Security-Policy");
  EXPECT_FALSE(json->root()["routes"].At(3)["public"].Bool(true));
}

TEST(RouteMatrix, UnknownPublicAndSeveralHostsGetAHostColumn) {
  auto db = HandBuiltFacts();
  ASSERT_TRUE(db->Exec("INSERT INTO nginx_servers VALUES ('web-1', 0, '443', 443, 1, 0, 'www.example.org', "
                       "'/etc/nginx/nginx.conf', '', 0, NULL, 0, '/etc/nginx/sites-enabled/www', 2)")
                  .ok());
  auto rows = BuildRouteMatrix(*db);
  ASSERT_TRUE(rows.ok());
  std::string text = RenderRouteMatrixText(*rows);
  EXPECT_EQ(text.substr(0, 6), "Host  ");
  EXPECT_NE(text.find("web-1  www.example.org  443             -                         none"), std::string::npos)
      << text;
  EXPECT_EQ(PublicCell(rows->back()), "unknown");
  EXPECT_EQ(rows->back().file, "/etc/nginx/sites-enabled/www");  // a host's path stays absolute
}

// The whole chain: the stack folder read in place, compose and nginx parsed, the matrix printed.
TEST(RouteMatrix, StackFolderFixtureThroughTheCommand) {
  auto run = RunProcess({testing::BinaryPath(), "map", testing::FixturesDir() + "/route-matrix/demo"}, "", 60);
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->err, "");
  EXPECT_EQ(run->exit_code, 0);
  EXPECT_EQ(run->out, kExpectedText);
}

}  // namespace
}  // namespace shipshape
