// Tests of nginx_servers.public on hosts (from the exposure table) and in stacks (from compose ports).
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

TEST(NginxPublic, HostListenPortsFollowTheExposureTable) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/nginx/nginx.conf",
            "events {}\nhttp {\n  server { listen 80; listen 443 ssl; }\n  server { listen 127.0.0.1:8080; }\n"
            "  server { listen 9000; }\n}\n");
  s.PutCommand("ss-listen",
               "tcp   LISTEN 0      511          0.0.0.0:80        0.0.0.0:*    users:((\"nginx\",pid=9,fd=6))\n"
               "tcp   LISTEN 0      511          0.0.0.0:443       0.0.0.0:*    users:((\"nginx\",pid=9,fd=7))\n"
               "tcp   LISTEN 0      511        127.0.0.1:8080      0.0.0.0:*    users:((\"nginx\",pid=9,fd=8))\n",
               0);
  s.PutCommand(
      "ufw-status",
      "Status: active\nLogging: on (low)\nDefault: deny (incoming), allow (outgoing), disabled (routed)\n"
      "New profiles: skip\n\nTo                         Action      From\n--                         ------      ----\n"
      "80/tcp                     ALLOW IN    Anywhere\n",
      0);
  auto db = testing::LoadFactsOrDie({s});
  // 443 is denied by ufw; 8080 is loopback; nothing says whether 9000 listens at all: unknown.
  EXPECT_EQ(Query(*db, "SELECT port, COALESCE(public, 'NULL') FROM nginx_servers ORDER BY port"),
            (Rows{{"80", "1"}, {"443", "0"}, {"8080", "0"}, {"9000", "NULL"}}));
}

TEST(NginxPublic, StackPortRangesHostNetworkAndNoNginxService) {
  Snapshot s = testing::MakeStackSnapshot("stack");
  s.PutFile("/proxy/conf.d/site.conf",
            "server { listen 8883; }\nserver { listen 8890; }\nserver { listen 443 ssl; }\n");
  s.PutFile("/edge/nginx.conf", "events {}\nhttp { server { listen 8081; } }\n");
  s.PutFile(
      "/docker-compose.yml",
      "services:\n"
      "  proxy:\n    image: nginx:1.27\n    ports:\n      - \"8881-8886:8881-8886\"\n      - \"127.0.0.1:443:443\"\n"
      "    volumes:\n      - ./proxy/conf.d:/etc/nginx/conf.d:ro\n"
      "  edge:\n    image: openresty/openresty\n    network_mode: host\n"
      "    volumes:\n      - type: bind\n        source: ./edge/nginx.conf\n"
      "        target: /usr/local/openresty/nginx/conf/nginx.conf\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  for (const auto& d : diags.all()) ADD_FAILURE() << d.ToString();
  EXPECT_EQ(Query(*db, "SELECT config, port, COALESCE(public, 'NULL') FROM nginx_servers ORDER BY port"),
            (Rows{{"/proxy/conf.d/*.conf", "443", "0"},   // published on 127.0.0.1 only
                  {"/edge/nginx.conf", "8081", "1"},      // host network: the listen is the host's
                  {"/proxy/conf.d/*.conf", "8883", "1"},  // inside the published range
                  {"/proxy/conf.d/*.conf", "8890", "0"}}));
}

}  // namespace
}  // namespace shipshape
