// Tests of the pm2 jlist parser.
#include <gtest/gtest.h>

#include "fact_query.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

std::string Fixture(const std::string& name) {
  return testing::ReadTestFile(testing::FixturesDir() + "/docker/" + name);
}

TEST(Pm2Parser, ReadsNodeChatAndAStoppedWorker) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("pm2-jlist", Fixture("pm2-jlist-nodechat.json"), 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db,
                  "SELECT name, pm_id, status, pid, script, cwd, node_version, app_version, started_at, restarts, "
                  "file, exec_mode, unstable_restarts, memory_bytes FROM pm2_apps ORDER BY pm_id"),
            (Rows{{"NodeChat", "0", "online", "1544", "/temp/p24-v-3.2/server.js", "/temp/p24-v-3.2", "10.19.0",
                   "1.0.0", "1655200000", "2", "cmd/pm2-jlist.out", "fork_mode", "0", "144621568"},
                  {"chat-worker", "1", "stopped", "0", "/temp/p24-v-3.2/worker.js", "/temp/p24-v-3.2", "10.19.0",
                   "1.0.0", "NULL", "15", "cmd/pm2-jlist.out", "fork_mode", "10", "0"}}));
}

TEST(Pm2Parser, NeverStoresEnvironmentValues) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("pm2-jlist", Fixture("pm2-jlist-nodechat.json"), 0);
  auto db = testing::LoadFactsOrDie({s});
  auto rows = Query(*db, "SELECT * FROM pm2_apps");
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& row : rows) {
    for (const std::string& v : row) {
      EXPECT_EQ(v.find("redis://"), std::string::npos);
      EXPECT_EQ(v.find("REDACTED"), std::string::npos);
      EXPECT_NE(v, "production");
    }
  }
}

TEST(Pm2Parser, SkipsPm2BannerBeforeTheJson) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("pm2-jlist", Fixture("pm2-jlist-banner.txt"), 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT name, status FROM pm2_apps"), (Rows{{"NodeChat", "online"}}));
}

TEST(Pm2Parser, MalformedJsonAfterBannerCountsTheBannerLines) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("pm2-jlist",
               "[PM2] Spawning PM2 daemon with pm2_home=/root/.pm2\n[PM2] PM2 Successfully daemonized\n"
               "[{\"pid\":1544,\"name\":\"NodeChat\",\"pm2_env\":{\"status\":\"online\",}}]\n",
               0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(),
            "h: cmd/pm2-jlist.out:3: invalid JSON: parse error: syntax error while parsing object key - unexpected "
            "'}'; expected string literal");
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'resources'"), Rows{{"error"}});
}

TEST(Pm2Parser, NoAppsIsAnEmptyArray) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("pm2-jlist", "[]\n", 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM pm2_apps"), Rows{{"0"}});
}

TEST(Pm2Parser, FailedCommandIsAnError) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("pm2-jlist", "", 1);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT state, detail FROM coverage WHERE category = 'resources'"),
            (Rows{{"error", "pm2 jlist exited 1"}}));
}

}  // namespace
}  // namespace shipshape
