// Tests of the docker images parser (listing enriched by docker image inspect).
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

TEST(DockerImagesParser, ListingEnrichedByInspect) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-images", Fixture("docker-images-24.jsonl"), 0);
  s.PutCommand("docker-image-inspect", Fixture("docker-image-inspect-24.json"), 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  // created and size come from inspect (exact), not from the rounded listing.
  EXPECT_EQ(Query(*db,
                  "SELECT repository, tag, created, size_bytes, dangling, digest, line FROM images "
                  "WHERE id = 'sha256:360202024b98b20b36102194cb9f1f85d20fe64c3d07de9b50ca14e8950d5741'"),
            (Rows{{"jwilder/nginx-proxy", "0.9.0", "2021-03-01T10:00:03Z", "154127360", "0",
                   "sha256:890ae03cab66a18473bdde83bee72319e16d8071e58134abcc72f42bd1cc3099", "1"}}));
  EXPECT_EQ(
      Query(*db, "SELECT id, repository, tag, dangling, digest FROM images WHERE dangling = 1 ORDER BY id"),
      (Rows{{"sha256:cd258c7a8cb87e2d90dcf9047bd89b46074e9decd7d68737458ef1322629e785", "<none>", "<none>", "1", ""},
            {"sha256:d65bcdf718900951aafa9046881f70fc3f59120530d0b8ef6954725c62d8871d", "<none>", "<none>", "1", ""}}));
  EXPECT_EQ(Query(*db, "SELECT tag FROM images WHERE repository LIKE '%/pinbox24/v42' ORDER BY tag"),
            (Rows{{"4.2.17"}, {"latest"}}));
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'images'"), Rows{{"ok"}});
}

TEST(DockerImagesParser, ListingAloneConvertsZonesAndSizes) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-images", Fixture("docker-images-24.jsonl"), 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db,
                  "SELECT repository, created, size_bytes, file FROM images WHERE tag IN ('0.9.0', 'latest') "
                  "AND repository NOT LIKE '%v42' ORDER BY repository"),
            (Rows{{"alpine", "2023-06-28T08:42:50Z", "7660000", "cmd/docker-images.out"},
                  {"jwilder/nginx-proxy", "2021-03-01T10:00:00Z", "154000000", "cmd/docker-images.out"}}));
  EXPECT_EQ(Query(*db, "SELECT size_bytes FROM images WHERE tag = '4.2.17'"), Rows{{"1200000000"}});
}

TEST(DockerImagesParser, InspectAloneGivesOneRowPerTag) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-image-inspect", Fixture("docker-image-inspect-24.json"), 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT count(*), sum(dangling) FROM images"), (Rows{{"7", "2"}}));
  EXPECT_EQ(Query(*db, "SELECT tag, file, line FROM images WHERE repository = 'portainer/portainer'"),
            (Rows{{"1.24.1", "cmd/docker-image-inspect.out", "0"}}));
}

TEST(DockerImagesParser, SeedFleetSizesAndDates) {
  Snapshot s = testing::MakeSnapshot("bms-1");
  const std::string dir = testing::FixturesDir() + "/seed-fleet/bms-1/cmd/";
  s.PutCommand("docker-images", testing::ReadTestFile(dir + "docker-images.out"), 0);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT created, size_bytes FROM images WHERE repository = 'portainer/portainer'"),
            (Rows{{"2020-07-01T10:00:00Z", "80000000"}}));
}

TEST(DockerImagesParser, MalformedLineIsReportedAndTheOthersKept) {
  Snapshot s = testing::MakeSnapshot();
  std::string lines = Fixture("docker-images-24.jsonl");
  size_t second = lines.find('\n') + 1;
  lines.insert(second, "{\"Containers\":\"N/A\",\"ID\":\n");
  s.PutCommand("docker-images", lines, 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(),
            "h: cmd/docker-images.out:2: invalid JSON: parse error: syntax error while parsing value - unexpected end "
            "of input; expected '[', '{', or a literal");
  EXPECT_EQ(Query(*db, "SELECT count(*) FROM images"), Rows{{"7"}});
  EXPECT_EQ(Query(*db, "SELECT state FROM coverage WHERE category = 'images'"), Rows{{"error"}});
}

TEST(DockerImagesParser, LineWithoutIdIsAnError) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-images", "{\"Repository\":\"nginx\",\"Tag\":\"latest\"}\n", 0);
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].ToString(), "h: cmd/docker-images.out:1: expected an image object with an ID");
}

TEST(DockerImagesParser, FailedListingIsAnError) {
  Snapshot s = testing::MakeSnapshot();
  s.PutCommand("docker-images", "", 1);
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT state, detail FROM coverage WHERE category = 'images'"),
            (Rows{{"error", "docker images exited 1"}}));
}

}  // namespace
}  // namespace shipshape
