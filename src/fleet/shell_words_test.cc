// Tests of POSIX word splitting without a shell.
#include "fleet/shell_words.h"

#include <gtest/gtest.h>

namespace shipshape {
namespace {

using V = std::vector<std::string>;

TEST(ShellWords, SplitsAsAPosixShellWithoutExpansion) {
  struct Case {
    const char* in;
    V want;
  } cases[] = {
      {"  -o  A=1\t-o B ", {"-o", "A=1", "-o", "B"}},
      {"'a b' \"c d\" e\\ f", {"a b", "c d", "e f"}},
      {"'it'\\''s'", {"it's"}},
      {"\"\\$HOME \\` \\\" \\\\ \\n\"", {"$HOME ` \" \\ \\n"}},
      {"$(id) `id` ; | & *", {"$(id)", "`id`", ";", "|", "&", "*"}},
      {"'' \"\"", {"", ""}},
      {"a\\\nb \"c\\\nd\"", {"ab", "cd"}},
      {"multi\nline", {"multi", "line"}},
      {"a#b #c", {"a#b", "#c"}},
  };
  for (const Case& c : cases) {
    Result<V> r = SplitShellWords(c.in);
    ASSERT_TRUE(r.ok()) << c.in;
    EXPECT_EQ(*r, c.want) << c.in;
  }
}

TEST(ShellWords, CommentsStartOnlyAtAWord) {
  Result<V> r = SplitShellWords("h1 a=b#c # rest 'ignored\nh2", /*comments=*/true);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, (V{"h1", "a=b#c", "h2"}));
}

TEST(ShellWords, UnterminatedInputIsAnError) {
  EXPECT_EQ(SplitShellWords("a 'b").status().message(), "unterminated single quote");
  EXPECT_EQ(SplitShellWords("a \"b\\\"").status().message(), "unterminated double quote");
  EXPECT_EQ(SplitShellWords("a \\").status().message(), "backslash at end of input");
}

}  // namespace
}  // namespace shipshape
