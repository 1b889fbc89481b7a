// Tests of nginx in stack folders: roots, image include mapping, implicit conf.d roots, foreign
// *.conf files, the real h5bp, Debian and awesome-compose files, and nginx_servers.public.
#include <gtest/gtest.h>

#include "base/strings.h"
#include "fact_query.h"
#include "stack/stack_folder.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

Snapshot Stack(const std::string& name = "app") { return testing::MakeStackSnapshot(name); }

// A corpus folder read by the stack reader, as `shipshape audit DIR` reads it.
Snapshot ReadStack(const std::string& dir) {
  auto snap = ReadStackFolder(dir, AuditClock::FromEpoch(1781431200));
  EXPECT_TRUE(snap.ok()) << dir;
  return snap.ok() ? std::move(*snap) : Snapshot();
}

using testing::Messages;

const char* kRootConf =
    "user nginx;\nevents { worker_connections 1024; }\n"
    "http {\n"
    "    include       /etc/nginx/mime.types;\n"
    "    add_header X-Frame-Options SAMEORIGIN always;\n"
    "    include /etc/nginx/conf.d/*.conf;\n"
    "}\n";

TEST(NginxStack, ImageIncludesMapToTheRootFolderAndThePublishedPortDecidesPublic) {
  Snapshot s = Stack();
  s.PutFile("/nginx/nginx.conf", kRootConf);
  s.PutFile("/nginx/conf.d/api.conf",
            "server {\n    listen 80;\n    server_name api.example.org;\n"
            "    location /api/ { proxy_pass http://api:4000; }\n}\n"
            "server {\n    listen 8443;\n    server_name admin.example.org;\n}\n"
            "server {\n    listen 127.0.0.1:80;\n    server_name status;\n}\n");
  s.PutFile("/docker-compose.yml",
            "services:\n"
            "  docs:\n    image: lscr.io/linuxserver/nginx:latest\n    ports:\n      - \"8443:8443\"\n"
            "  nginx:\n    image: nginx:alpine\n    ports:\n      - \"80:80\"\n      - \"127.0.0.1:8443:8443\"\n"
            "    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n"
            "      - ./nginx/conf.d:/etc/nginx/conf.d:ro\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags), std::vector<std::string>{});  // mime.types comes from the image: no note
  EXPECT_EQ(Query(*db,
                  "SELECT server_names, config, file, line, address, loopback, public FROM nginx_servers "
                  "ORDER BY server"),
            (Rows{{"api.example.org", "/nginx/nginx.conf", "/nginx/conf.d/api.conf", "2", "", "0", "1"},
                  // The nginx service publishes 8443 on 127.0.0.1 only; `docs` (also nginx) is not this one.
                  {"admin.example.org", "/nginx/nginx.conf", "/nginx/conf.d/api.conf", "7", "", "0", "0"},
                  {"status", "/nginx/nginx.conf", "/nginx/conf.d/api.conf", "11", "127.0.0.1", "1", "0"}}));
  EXPECT_EQ(Query(*db,
                  "SELECT COALESCE(location, 'NULL'), name, level, file FROM nginx_headers WHERE server = 0 "
                  "ORDER BY location"),
            (Rows{{"NULL", "x-frame-options", "http", "/nginx/nginx.conf"},
                  {"/api/", "x-frame-options", "http", "/nginx/nginx.conf"}}));
  EXPECT_EQ(Query(*db, "SELECT context FROM nginx_directives WHERE name = 'proxy_pass'"),
            (Rows{{"http > server > location /api/"}}));
}

TEST(NginxStack, ConfDFilesNoRootIncludesAreReadInsideAnImplicitHttp) {
  Snapshot s = Stack();
  s.PutFile("/conf.d/10-upstreams.conf", "upstream api {\n  server api:4000;\n}\n");
  s.PutFile("/conf.d/site.conf",
            "add_header Referrer-Policy no-referrer;\nlimit_req_zone $binary_remote_addr zone=z:10m rate=5r/s;\n"
            "server {\n  listen 80;\n  limit_req zone=z;\n  location / { proxy_pass http://api; }\n}\n");
  // Other programs' *.conf files in the folder: no nginx errors for them.
  s.PutFile("/supervisor/supervisord.conf", "[supervisord]\nnodaemon=true\n[program:app]\ncommand=/app/run {x}\n");
  s.PutFile("/redis/redis.conf", "bind 127.0.0.1\nport 6379\nsave \"\n");
  s.PutFile("/fail2ban/jail.conf", "[sshd]\nenabled = true\n}\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags), std::vector<std::string>{});
  EXPECT_EQ(Query(*db, "SELECT config, port, COALESCE(public, 'NULL') FROM nginx_servers"),
            (Rows{{"/conf.d/*.conf", "80", "NULL"}}));  // no compose file: how nginx runs is unknown
  EXPECT_EQ(Query(*db, "SELECT path, limit_req, upstream, upstream_port FROM nginx_locations"),
            (Rows{{"/", "1", "api", "4000"}}));
  EXPECT_EQ(Query(*db, "SELECT COALESCE(location, 'NULL'), name, level FROM nginx_headers ORDER BY location"),
            (Rows{{"NULL", "referrer-policy", "http"}, {"/", "referrer-policy", "http"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'web'"), (Rows{{"ok"}}));
}

TEST(NginxStack, MalformedNginxFilesAreReportedWithFileAndLineAndTheRestIsRead) {
  Snapshot s = Stack();
  s.PutFile("/nginx/conf.d/a.conf", "server {\n  server_name a;\n  listen 80\n}\n");
  s.PutFile("/nginx/conf.d/b.conf", "server {\n  listen 81;\n  add_header X-Test \"open;\n}\n");
  s.PutFile("/nginx/conf.d/c.conf", "server {\n  listen 82;\n  location / {\n    root /srv;\n");
  s.PutFile("/nginx/conf.d/d.conf", "server { listen 83; }\n}\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags), (std::vector<std::string>{
                                 "app: /nginx/conf.d/a.conf:3: directive \"listen\" is not terminated by \";\"",
                                 "app: /nginx/conf.d/b.conf:3: unterminated quoted string",
                                 "app: /nginx/conf.d/b.conf:3: directive \"add_header\" is not terminated by \";\"",
                                 "app: /nginx/conf.d/c.conf:5: unexpected end of file, expecting \"}\"",
                                 "app: /nginx/conf.d/d.conf:2: unexpected \"}\""}));
  EXPECT_EQ(Query(*db, "SELECT port FROM nginx_servers ORDER BY port"), (Rows{{"80"}, {"81"}, {"82"}, {"83"}}));
  // One error row per error: the category is Unknown.
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM coverage WHERE category = 'web' AND state = 'error'"), (Rows{{"5"}}));
}

TEST(NginxStack, H5bpFolderParsesWithoutErrorAndItsSecurityHeadersReachTheServers) {
  Snapshot s = ReadStack(testing::CorpusDir() + "/h5bp-nginx");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags), std::vector<std::string>{});
  // The root includes conf.d/*.conf (no-ssl.default.conf; .default.conf is hidden); the templates and
  // test vhosts no root includes are read as conf.d files of an implicit root.
  EXPECT_EQ(Query(*db, "SELECT config, count(DISTINCT server) FROM nginx_servers GROUP BY config ORDER BY config"),
            (Rows{{"/conf.d/templates/*.conf", "4"}, {"/nginx.conf", "1"}, {"/test/vhosts/*.conf", "7"}}));
  // secure.server.localhost includes h5bp/basic.conf (→ security/*.conf) and strict-transport-security.conf.
  EXPECT_EQ(Query(*db,
                  "SELECT h.name, h.value, h.always, h.level, h.file FROM nginx_headers h "
                  "JOIN nginx_servers s ON s.server = h.server WHERE s.server_names = 'secure.server.localhost' "
                  "AND s.listen = '443' AND h.location IS NULL ORDER BY h.name"),
            (Rows{{"access-control-allow-origin", "$cors", "0", "server", "/h5bp/cross-origin/requests.conf"},
                  {"referrer-policy", "$referrer_policy", "1", "server", "/h5bp/security/referrer-policy.conf"},
                  {"strict-transport-security", "max-age=16070400; includeSubDomains", "1", "server",
                   "/h5bp/security/strict-transport-security.conf"},
                  {"x-content-type-options", "nosniff", "1", "server", "/h5bp/security/x-content-type-options.conf"},
                  {"x-frame-options", "$x_frame_options", "1", "server", "/h5bp/security/x-frame-options.conf"}}));
  // basic.conf's file-access locations deny everything; none of h5bp's locations has limit_req.
  EXPECT_EQ(Query(*db,
                  "SELECT DISTINCT access_restricted FROM nginx_locations WHERE file = "
                  "'/h5bp/location/security_file_access.conf'"),
            (Rows{{"1"}}));
  EXPECT_EQ(Query(*db, "SELECT count(*) > 0, max(limit_req) FROM nginx_locations"), (Rows{{"1", "0"}}));
  EXPECT_EQ(Query(*db, "SELECT DISTINCT args FROM nginx_directives WHERE name = 'server_tokens'"), (Rows{{"off"}}));
}

TEST(NginxStack, DebianNginxFolderAsAStackParsesWithoutError) {
  Snapshot s = ReadStack(testing::CorpusDir() + "/debian12/etc/nginx");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_EQ(Messages(diags), std::vector<std::string>{});
  EXPECT_EQ(Query(*db, "SELECT context, args, file FROM nginx_directives WHERE name = 'ssl_protocols'"),
            (Rows{{"http", "TLSv1 TLSv1.1 TLSv1.2 TLSv1.3", "/nginx.conf"}}));
  // snippets/*.conf are fragments with no blocks: neither roots nor errors.
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM nginx_directives WHERE file LIKE '/snippets/%'"), (Rows{{"0"}}));
}

// Every awesome-compose sample that ships nginx files: no nginx diagnostic, and the compose service
// that mounts (or builds) the config decides `public`.
TEST(NginxStack, AwesomeComposeNginxSamplesParseAndArePublishedOnPort80) {
  const std::string root = testing::CorpusDir() + "/awesome-compose/";
  for (const char* sample :
       {"nginx-flask-mongo", "nginx-nodejs-redis", "nginx-wsgi-flask", "react-nginx", "nginx-golang-mysql",
        "nginx-golang-postgres", "nginx-golang", "nginx-flask-mysql", "nginx-aspnet-mysql"}) {
    Snapshot s = ReadStack(root + sample);
    Diagnostics diags;
    auto db = testing::LoadFactsOrDie({s}, &diags);
    for (const auto& d : diags.all()) {
      EXPECT_FALSE(EndsWith(d.file, ".conf")) << sample << ": " << d.ToString();
    }
    auto rows = Query(*db, "SELECT port, COALESCE(public, 'NULL') FROM nginx_servers ORDER BY server");
    ASSERT_FALSE(rows.empty()) << sample;
    EXPECT_EQ(rows[0], (std::vector<std::string>{"80", "1"})) << sample;
  }
}

}  // namespace
}  // namespace shipshape
