// Tests of the nginx configuration reader and parser.
#include <gtest/gtest.h>

#include "base/file_io.h"
#include "fact_query.h"
#include "parse/nginx_config.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

// Puts every file of a corpus folder into the snapshot under `prefix`.
void AddTree(Snapshot& s, const std::string& dir, const std::string& prefix) {
  auto files = ListFilesRecursive(dir);
  ASSERT_TRUE(files.ok()) << dir;
  for (const std::string& rel : *files) s.PutFile(prefix + "/" + rel, testing::ReadTestFile(dir + "/" + rel));
}

TEST(NginxParser, ReadsDebianDefaultWithSitesEnabledInclude) {
  Snapshot s = testing::MakeSnapshot();
  std::string etc = testing::CorpusDir() + "/debian12/etc/nginx";
  AddTree(s, etc, "/etc/nginx");
  s.PutFile("/etc/nginx/sites-enabled/default", testing::ReadTestFile(etc + "/sites-available/default"));
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  for (const auto& d : diags.all()) ADD_FAILURE() << d.ToString();
  EXPECT_EQ(Query(*db, "SELECT server, listen, port, ssl, default_server, server_names, file, line FROM nginx_servers"),
            (Rows{{"0", "80", "80", "0", "1", "_", "/etc/nginx/sites-enabled/default", "22"},
                  {"0", "[::]:80", "80", "0", "1", "_", "/etc/nginx/sites-enabled/default", "23"}}));
  EXPECT_EQ(Query(*db, "SELECT args, context FROM nginx_directives WHERE name = 'ssl_protocols'"),
            (Rows{{"TLSv1 TLSv1.1 TLSv1.2 TLSv1.3", "http"}}));
  EXPECT_EQ(Query(*db, "SELECT path FROM nginx_locations"), (Rows{{"/"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'web'"), (Rows{{"ok"}}));
}

TEST(NginxParser, ReadsH5bpLayoutWithDeepIncludes) {
  Snapshot s = testing::MakeSnapshot();
  std::string h5bp = testing::CorpusDir() + "/h5bp-nginx";
  AddTree(s, h5bp, "/etc/nginx");
  // Enable the template site as h5bp's README says: copy it into conf.d/.
  s.PutFile("/etc/nginx/conf.d/example.com.conf", testing::ReadTestFile(h5bp + "/conf.d/templates/example.com.conf"));
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  for (const auto& d : diags.all()) {
    EXPECT_EQ(d.message.find("expecting"), std::string::npos) << d.ToString();
    EXPECT_EQ(d.message.find("unexpected"), std::string::npos) << d.ToString();
  }
  // h5bp's security headers arrive in the server block through basic.conf's nested includes.
  auto rows = Query(*db, "SELECT DISTINCT context, file FROM nginx_directives WHERE name = 'add_header' "
                         "AND args LIKE 'X-Frame-Options%'");
  EXPECT_EQ(rows, (Rows{{"http > server", "/etc/nginx/h5bp/security/x-frame-options.conf"}}));
  EXPECT_EQ(Query(*db, "SELECT count(DISTINCT server) FROM nginx_servers WHERE ssl = 1"), (Rows{{"2"}}));
  auto tokens = Query(*db, "SELECT args FROM nginx_directives WHERE name = 'server_tokens'");
  ASSERT_FALSE(tokens.empty());
  EXPECT_EQ(tokens[0][0], "off");
}

TEST(NginxParser, UnterminatedBlockIsReportedWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/nginx/nginx.conf", "events {}\nhttp {\n  server {\n    listen 80;\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);  // each unclosed block meets the same end of file: one error
  EXPECT_EQ(diags.all()[0].ToString(), "h: /etc/nginx/nginx.conf:5: unexpected end of file, expecting \"}\"");
  EXPECT_EQ(Query(*db, "SELECT listen FROM nginx_servers"), (Rows{{"80"}}));
}

TEST(NginxParser, MissingSemicolonNamesTheDirective) {
  std::vector<NginxSyntaxError> errors;
  ParseNginxText("http {\n  server_tokens on\n}\n", "x.conf", &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, 2);
  EXPECT_EQ(errors[0].message, "directive \"server_tokens\" is not terminated by \";\"");
}

TEST(NginxParser, QuotedArgumentsAndVariablesInBraces) {
  std::vector<NginxSyntaxError> errors;
  auto list = ParseNginxText("add_header X-Frame-Options \"SAMEORIGIN\" always;\nset $a \"${b}c\";\n", "x", &errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].args, (std::vector<std::string>{"X-Frame-Options", "SAMEORIGIN", "always"}));
  EXPECT_EQ(list[1].args[1], "${b}c");
}

TEST(NginxGlob, StarDoesNotCrossSlashes) {
  EXPECT_TRUE(GlobMatch("/etc/nginx/conf.d/*.conf", "/etc/nginx/conf.d/a.conf"));
  EXPECT_FALSE(GlobMatch("/etc/nginx/conf.d/*.conf", "/etc/nginx/conf.d/x/a.conf"));
  EXPECT_TRUE(GlobMatch("/etc/nginx/sites-enabled/*", "/etc/nginx/sites-enabled/default"));
  EXPECT_FALSE(GlobMatch("/etc/nginx/*.conf", "/etc/nginx/mime.types"));
  EXPECT_FALSE(GlobMatch("/etc/nginx/conf.d/*.conf", "/etc/nginx/conf.d/.default.conf"));
  EXPECT_TRUE(GlobMatch("/etc/nginx/conf.d/.*.conf", "/etc/nginx/conf.d/.default.conf"));
}

}  // namespace
}  // namespace shipshape
