// Tests of the stat-paths parser (table `path_stats`).
#include <gtest/gtest.h>

#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

constexpr const char* kStat =
    "/etc/ssh/sshd_config|root|root|644|regular file\n"
    "/etc/shadow|root|shadow|640|regular file\n"
    "/root/.ssh/authorized_keys|root|root|600|regular file\n"
    "/srv/app/.env|deploy|deploy|666|regular file\n"
    "/var/run/docker.sock|root|docker|660|socket\n"
    "/var/lib/postgresql/15/main|postgres|postgres|700|directory\n"
    "/srv/backup|root|backup|2750|directory\n"
    "/etc/ssl/private/site.key|-|-|-|missing\n";

TEST(PathStatsParser, ReadsOwnerGroupModeAndType) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("stat-paths", kStat, 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db,
                  "SELECT path, owner, group_name, mode, type, present, mode_bits, line FROM path_stats "
                  "WHERE path IN ('/srv/backup', '/var/run/docker.sock') ORDER BY line"),
            (Rows{{"/var/run/docker.sock", "root", "docker", "660", "socket", "1", "432", "5"},
                  {"/srv/backup", "root", "backup", "2750", "directory", "1", "1512", "7"}}));
}

TEST(PathStatsParser, ModeBitsFindWorldWritableFiles) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("stat-paths", kStat, 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT path FROM path_stats WHERE (mode_bits & 2) != 0"), Rows{{"/srv/app/.env"}});
}

TEST(PathStatsParser, MissingPathHasARowWithoutOwner) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("stat-paths", kStat, 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT path, owner, group_name, mode, type, mode_bits FROM path_stats WHERE present = 0"),
            (Rows{{"/etc/ssl/private/site.key", "NULL", "NULL", "NULL", "missing", "NULL"}}));
}

// The collector without root cannot tell whether a path under an unsearchable folder exists:
// present is NULL (unknown), so neither present = 0 nor present = 1 selects it.
TEST(PathStatsParser, UnreachablePathIsNeitherPresentNorMissing) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("stat-paths",
               "/etc/ssh/sshd_config|root|root|644|regular file\n/root/.ssh/authorized_keys|-|-|-|unreachable\n"
               "/var/lib/mongodb|-|-|-|missing\n",
               0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT path, owner, mode, type, present, mode_bits, line FROM path_stats WHERE present IS NULL"),
            (Rows{{"/root/.ssh/authorized_keys", "NULL", "NULL", "unreachable", "NULL", "NULL", "2"}}));
  EXPECT_EQ(Query(*db, "SELECT path FROM path_stats WHERE present = 0"), Rows{{"/var/lib/mongodb"}});
}

TEST(PathStatsParser, PathWithABarIsKeptWhole) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("stat-paths", "/srv/odd|name|root|root|600|regular file\n", 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT path, owner, mode FROM path_stats"), (Rows{{"/srv/odd|name", "root", "600"}}));
}

TEST(PathStatsParser, MalformedLineIsReportedWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("stat-paths",
               "/etc/shadow|root|shadow|640|regular file\n"
               "stat: cannot statx '/x': Permission denied\n"
               "/etc/gshadow|root|shadow|rw-r-----|regular file\n",
               1);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 2u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: cmd/stat-paths.out:2: expected PATH|OWNER|GROUP|MODE|TYPE");
  EXPECT_EQ(diags.all()[1].ToString(), "h: cmd/stat-paths.out:3: mode is not octal");
  EXPECT_EQ(Query(*db, "SELECT path FROM path_stats"), Rows{{"/etc/shadow"}});
  EXPECT_EQ(Query(*db, "SELECT DISTINCT state FROM coverage WHERE category = 'secrets'"), Rows{{"error"}});
}

}  // namespace
}  // namespace shipshape
