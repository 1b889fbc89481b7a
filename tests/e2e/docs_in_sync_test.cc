// Generated documentation matches the code that generates it.
#include <gtest/gtest.h>

#include "base/file_io.h"
#include "facts/schema.h"
#include "rules/rule_docs.h"
#include "test_paths.h"

namespace shipshape {
namespace {

TEST(DocsInSync, TablesMarkdownMatchesTheDeclarations) {
  auto doc = ReadWholeFile(testing::SourceDir() + "/docs/tables.md");
  ASSERT_TRUE(doc.ok()) << "docs/tables.md missing: run `shipshape tables --markdown > docs/tables.md`";
  EXPECT_EQ(*doc, TablesMarkdown()) << "docs/tables.md is stale: run `shipshape tables --markdown > docs/tables.md`";
}

TEST(DocsInSync, RulesMarkdownMatchesTheRuleFiles) {
  auto doc = ReadWholeFile(testing::SourceDir() + "/docs/rules.md");
  ASSERT_TRUE(doc.ok()) << "docs/rules.md missing: run `shipshape rules list --markdown > docs/rules.md`";
  EXPECT_EQ(*doc, RulesMarkdown()) << "docs/rules.md is stale: run `shipshape rules list --markdown > docs/rules.md`";
}

}  // namespace
}  // namespace shipshape
