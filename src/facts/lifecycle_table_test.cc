// Tests of the embedded lifecycle data (data/lifecycle.yaml) and the `lifecycle` table built from it.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <string>

#include "base/embedded.h"
#include "base/strings.h"
#include "base/yaml.h"
#include "fact_query.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

constexpr const char* kFile = "data/lifecycle.yaml";

std::unique_ptr<FactDb> EmptyDb() {
  auto db = FactDb::Create(AuditClock::FromEpoch(1795392000));  // 2026-11-23
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(db).value() : nullptr;
}

// True for a real calendar day written YYYY-MM-DD.
bool IsDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  auto y = ParseInt(s.substr(0, 4)), m = ParseInt(s.substr(5, 2)), d = ParseInt(s.substr(8, 2));
  if (!y || !m || !d) return false;
  std::chrono::year_month_day ymd{std::chrono::year(static_cast<int>(*y)),
                                  std::chrono::month(static_cast<unsigned>(*m)),
                                  std::chrono::day(static_cast<unsigned>(*d))};
  return ymd.ok();
}

TEST(LifecycleTable, EmbeddedDataLoadsIntoTheTable) {
  auto db = EmptyDb();
  ASSERT_NE(db, nullptr);
  Rows products = Query(*db, "SELECT product, COUNT(*) FROM lifecycle GROUP BY product ORDER BY product");
  std::set<std::string> names;
  for (const auto& r : products) names.insert(r[0]);
  EXPECT_EQ(names,
            (std::set<std::string>{"almalinux", "alpine", "centos", "debian", "docker-engine", "mongodb", "nginx",
                                   "nodejs", "portainer", "postgresql", "redis", "rhel", "rocky", "ubuntu"}));
  EXPECT_GE(std::stoi(Query(*db, "SELECT COUNT(*) FROM lifecycle")[0][0]), 150);
}

TEST(LifecycleTable, EveryProductNamesAnHttpsSourceAndHasCycles) {
  auto parsed = ParseYaml(EmbeddedFileContent(kFile), kFile);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  auto entries = parsed->Entries();
  ASSERT_EQ(entries.size(), 14u);
  for (const auto& [product, spec] : entries) {
    EXPECT_TRUE(StartsWith(spec["source"].Scalar(), "https://")) << product;
    EXPECT_GT(spec["cycles"].Size(), 0u) << product;
  }
}

TEST(LifecycleTable, CyclesUseOnlyKnownKeysAndAreUniquePerProduct) {
  auto parsed = ParseYaml(EmbeddedFileContent(kFile), kFile);
  ASSERT_TRUE(parsed.ok());
  const std::set<std::string> keys = {"cycle", "codename", "released", "eol", "extended", "latest"};
  for (const auto& [product, spec] : parsed->Entries()) {
    std::set<std::string> seen;
    for (const YamlNode& c : spec["cycles"].Elements()) {
      for (const auto& [k, v] : c.Entries()) {
        EXPECT_TRUE(keys.count(k)) << product << " line " << c.Line() << ": " << k;
      }
      std::string cycle = c["cycle"].Scalar();
      EXPECT_FALSE(cycle.empty()) << product << " line " << c.Line();
      EXPECT_TRUE(seen.insert(cycle).second) << product << " repeats cycle " << cycle;
    }
  }
  // The same through SQL, for the table rules read.
  auto db = EmptyDb();
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(Query(*db, "SELECT product, cycle FROM lifecycle GROUP BY product, cycle HAVING COUNT(*) > 1"), Rows{});
}

TEST(LifecycleTable, EveryDateParsesAndEndsFollowReleases) {
  auto db = EmptyDb();
  ASSERT_NE(db, nullptr);
  Rows rows = Query(*db, "SELECT product, cycle, released, eol, extended_eol FROM lifecycle");
  int eols = 0;
  for (const auto& r : rows) {
    std::string what = r[0] + " " + r[1];
    for (int i = 2; i <= 4; ++i) {
      EXPECT_TRUE(r[i] == "NULL" || IsDate(r[i])) << what << ": '" << r[i] << "'";
    }
    // ISO dates compare as text.
    EXPECT_TRUE(r[2] == "NULL" || r[3] == "NULL" || r[3] >= r[2]) << what << ": eol before release";
    EXPECT_TRUE(r[3] == "NULL" || r[4] == "NULL" || r[4] >= r[3]) << what << ": extended support ends before eol";
    eols += r[3] != "NULL";
  }
  EXPECT_GT(eols, 120);  // most cycles have an announced end
  EXPECT_FALSE(IsDate("2025-02-30"));
  EXPECT_FALSE(IsDate("2025-5-30"));
}

TEST(LifecycleTable, LatestReleaseBelongsToItsCycle) {
  auto db = EmptyDb();
  ASSERT_NE(db, nullptr);
  Rows bad = Query(*db,
                   "SELECT product, cycle, latest FROM lifecycle WHERE latest IS NOT NULL "
                   "AND latest <> cycle AND latest NOT LIKE cycle || '.%'");
  EXPECT_EQ(bad, Rows{});
}

TEST(LifecycleTable, SpotChecks) {
  auto db = EmptyDb();
  ASSERT_NE(db, nullptr);
  auto row = [&](const std::string& product, const std::string& cycle) {
    Rows r = Query(*db, "SELECT codename, released, eol, extended_eol FROM lifecycle WHERE product = '" + product +
                            "' AND cycle = '" + cycle + "'");
    return r.size() == 1 ? r[0] : std::vector<std::string>{};
  };
  // Ubuntu 20.04: standard support ended in 2025, Pro (ESM) runs to 2030.
  auto focal = row("ubuntu", "20.04");
  ASSERT_EQ(focal.size(), 4u);
  EXPECT_EQ(focal[0], "focal");
  EXPECT_TRUE(StartsWith(focal[2], "2025-")) << focal[2];
  EXPECT_TRUE(StartsWith(focal[3], "2030-")) << focal[3];
  // Debian 12: eol is the end of Debian LTS; ELTS is the extended end.
  EXPECT_EQ(row("debian", "12"), (std::vector<std::string>{"bookworm", "2023-06-10", "2028-06-30", "2033-06-30"}));
  EXPECT_EQ(row("debian", "13")[0], "trixie");
  EXPECT_EQ(row("postgresql", "18")[2], "2030-11-14");
  EXPECT_EQ(row("docker-engine", "20.10")[2], "2023-12-10");
  EXPECT_EQ(row("portainer", "1")[2], "2021-06-30");
  // Still supported, no end announced: eol is NULL, not an empty string.
  EXPECT_EQ(row("docker-engine", "29")[2], "NULL");
}

}  // namespace
}  // namespace shipshape
