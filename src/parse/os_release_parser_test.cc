// Tests of the os-release parser.
#include <gtest/gtest.h>

#include "fact_query.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;

TEST(OsReleaseParser, ReadsDebianDefaultFile) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/os-release", testing::ReadTestFile(testing::CorpusDir() + "/debian12/etc/os-release"));
  auto db = testing::LoadFactsOrDie({s});
  auto rows = Query(*db, "SELECT id, version_id, version_codename, pretty_name FROM os");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)"}));
}

TEST(OsReleaseParser, MalformedLineIsReportedWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/os-release", "ID=ubuntu\nthis is not a key value line\nVERSION_ID=\"22.04\"\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: /etc/os-release:2: expected KEY=value");
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'os'"), testing::Rows{{"error"}});
}

}  // namespace
}  // namespace shipshape
