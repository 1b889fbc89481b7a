// The task catalog: parsing, layers, validation errors with file:line, and coverage of every rule.
#include "plan/task_catalog.h"

#include <gtest/gtest.h>

#include <set>

#include "plan/catalog_check.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

const std::vector<std::string> kRules = {"R-ONE", "R-TWO", "R-THREE"};

CatalogLoad LoadTexts(std::vector<std::pair<std::string, std::string>> texts) {
  CatalogSources sources;
  sources.embedded = false;
  sources.texts = std::move(texts);
  return LoadTaskCatalog(sources, kRules);
}

std::vector<std::string> Messages(const CatalogLoad& load) {
  std::vector<std::string> out;
  for (const Status& s : load.errors) out.push_back(s.ToString());
  return out;
}

std::string Task(const std::string& id, const std::string& extra) {
  return "  - id: " + id + "\n    title: \"Do " + id + " on {host}\"\n    effort: 2h\n    rollback: \"undo\"\n" +
         "    steps: [\"step\"]\n" + extra;
}

TEST(TaskCatalog, AcceptanceDefaultsToTheResolvedRulesOnEachHost) {
  CatalogLoad load = LoadTexts({{"a.yaml", "tasks:\n" + Task("one", "    resolves: [R-ONE, R-TWO]\n")}});
  ASSERT_TRUE(load.errors.empty()) << Messages(load)[0];
  const CatalogTask* t = load.catalog.Find("one");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->accept_rules, (std::vector<std::string>{"R-ONE", "R-TWO"}));
  EXPECT_EQ(t->effort_minutes, 120);
  EXPECT_EQ(t->per, TaskScope::kHost);
  EXPECT_EQ(t->risk, TaskRisk::kLow);
  EXPECT_EQ(t->line, 2);
}

TEST(TaskCatalog, UnknownRuleIdIsAnErrorAtItsLine) {
  CatalogLoad load = LoadTexts({{"a.yaml", "tasks:\n" + Task("one", "    resolves: [R-ONE, R-NOPE]\n")}});
  EXPECT_EQ(Messages(load), (std::vector<std::string>{"a.yaml:7: task 'one' resolves unknown rule 'R-NOPE'"}));
}

TEST(TaskCatalog, UnknownAcceptanceRuleIsAnError) {
  CatalogLoad load = LoadTexts(
      {{"a.yaml", "tasks:\n" + Task("one", "    resolves: [R-ONE]\n    acceptance:\n      rules: [R-GONE]\n")}});
  EXPECT_EQ(Messages(load), (std::vector<std::string>{"a.yaml:9: task 'one' accepts on unknown rule 'R-GONE'"}));
}

TEST(TaskCatalog, UnknownDependsOnIsAnErrorAtItsLine) {
  CatalogLoad load =
      LoadTexts({{"a.yaml", "tasks:\n" + Task("one", "    resolves: [R-ONE]\n    depends_on: [backup-ofsite]\n")}});
  EXPECT_EQ(Messages(load), (std::vector<std::string>{"a.yaml:8: task 'one' depends on unknown task 'backup-ofsite'"}));
}

TEST(TaskCatalog, CycleIsNamedAcrossFiles) {
  CatalogLoad load =
      LoadTexts({{"a.yaml", "tasks:\n" + Task("alpha", "    resolves: [R-ONE]\n    depends_on: [beta]\n")},
                 {"b.yaml", "tasks:\n" + Task("beta", "    resolves: [R-TWO]\n    depends_on: [gamma]\n") +
                                Task("gamma", "    resolves: [R-THREE]\n    depends_on: [alpha]\n")}});
  EXPECT_EQ(Messages(load), (std::vector<std::string>{"a.yaml:8: dependency cycle: alpha -> beta -> gamma -> alpha"}));
}

TEST(TaskCatalog, DuplicateIdInOneLayerIsAnError) {
  CatalogLoad load = LoadTexts({{"a.yaml", "tasks:\n" + Task("one", "    resolves: [R-ONE]\n")},
                                {"b.yaml", "tasks:\n" + Task("one", "    resolves: [R-TWO]\n")}});
  EXPECT_EQ(Messages(load),
            (std::vector<std::string>{"b.yaml:2: duplicate task id 'one' (first defined at a.yaml:2)"}));
}

TEST(TaskCatalog, BadEffortRiskAndUnknownKeyAreErrors) {
  CatalogLoad load = LoadTexts({{"a.yaml",
                                 "tasks:\n  - id: one\n    title: t\n    effort: 2 hours\n    risk: severe\n"
                                 "    rollback: r\n    steps: [s]\n    resolves: [R-ONE]\n    depend_on: [x]\n"}});
  EXPECT_EQ(Messages(load), (std::vector<std::string>{
                                "a.yaml:9: task 'one': unknown key 'depend_on'",
                                "a.yaml:4: task 'one': effort must be like 30m, 2h, 1d or 1w (got '2 hours')",
                                "a.yaml:5: task 'one': risk must be low, medium or high (got 'severe')",
                            }));
}

TEST(TaskCatalog, TaskWithNoWayToVerifyIsAnError) {
  CatalogLoad load = LoadTexts({{"a.yaml", "tasks:\n" + Task("window", "")}});
  EXPECT_EQ(Messages(load), (std::vector<std::string>{"a.yaml:2: task 'window' has no way to verify it: no acceptance "
                                                      "rules or sql, and not a human action"}));
}

TEST(TaskCatalog, UserFolderTaskReplacesTheEmbeddedOne) {
  std::vector<Status> rule_errors;
  std::vector<std::string> ids;
  for (const Rule& r : LoadRules({}, &rule_errors)) ids.push_back(r.id);
  CatalogSources sources;
  sources.texts = {{"mine.yaml",
                    "tasks:\n  - id: image-export\n    title: Mine\n    effort: 1d\n    rollback: r\n"
                    "    steps: [s]\n    resolves: [IMG-UNTAGGED]\n"}};
  CatalogLoad load = LoadTaskCatalog(sources, ids);
  ASSERT_TRUE(load.errors.empty()) << load.errors[0].ToString();
  ASSERT_NE(load.catalog.Find("image-export"), nullptr);
  EXPECT_EQ(load.catalog.Find("image-export")->title, "Mine");
  EXPECT_EQ(load.catalog.Find("image-export")->source, "mine.yaml");
  EXPECT_NE(load.catalog.Find("backup-offsite"), nullptr);
}

TEST(EmbeddedCatalog, LoadsWithoutErrorsAgainstTheRuleSet) {
  std::vector<Status> rule_errors;
  std::vector<std::string> ids;
  for (const Rule& r : LoadRules({}, &rule_errors)) ids.push_back(r.id);
  CatalogLoad load = LoadTaskCatalog(CatalogSources{}, ids);
  std::string all;
  for (const Status& e : load.errors) all += e.ToString() + "\n";
  EXPECT_TRUE(load.errors.empty()) << all;
  EXPECT_GE(load.catalog.tasks.size(), 40u);
}

TEST(EmbeddedCatalog, EveryRuleIsResolvedBySomeTask) {
  std::vector<Status> rule_errors;
  std::set<std::string> ids;
  for (const Rule& r : LoadRules({}, &rule_errors)) ids.insert(r.id);
  ASSERT_GE(ids.size(), 50u);
  CatalogLoad load = LoadTaskCatalog(CatalogSources{}, {ids.begin(), ids.end()});
  std::vector<std::string> missing = UnresolvedRules(load.catalog.tasks, ids);
  std::string list;
  for (const std::string& id : missing) list += " " + id;
  EXPECT_TRUE(missing.empty()) << missing.size() << " rule(s) no catalog task resolves (add them to "
                               << "catalog/<category>.yaml `resolves:`):" << list;
}

}  // namespace
}  // namespace shipshape
