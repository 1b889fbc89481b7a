// Tests of splitting shell lines into simple commands.
#include "parse/shell_command.h"

#include <gtest/gtest.h>

namespace shipshape {
namespace {

using Words = std::vector<std::string>;

TEST(ShellCommand, SplitsPipelinesAndDropsRedirections) {
  ShellLine line = SplitShellLine("pg_dump -U app appdb | gzip > /var/backups/db.sql.gz 2>&1 && echo done", {});
  ASSERT_EQ(line.commands.size(), 3u);
  EXPECT_EQ(line.commands[0].words, (Words{"pg_dump", "-U", "app", "appdb"}));
  EXPECT_TRUE(line.commands[0].pipes_to_next);
  EXPECT_EQ(line.commands[1].words, (Words{"gzip"}));
  EXPECT_EQ(line.commands[1].redirects, (Words{"/var/backups/db.sql.gz", "1"}));
  EXPECT_FALSE(line.commands[1].pipes_to_next);
  EXPECT_EQ(line.commands[2].words, (Words{"echo", "done"}));
}

TEST(ShellCommand, RemovesQuotesAndExpandsKnownVariables) {
  ShellEnv env = {{"DIR", "/srv/backup"}, {"EMPTY", ""}};
  ShellLine line =
      SplitShellLine(R"sh(cp "$DIR/a b" '$DIR' ${DIR}/c ${EMPTY:-def} $UNKNOWN "$(date +%F)" x\ y)sh", env);
  ASSERT_EQ(line.commands.size(), 1u);
  EXPECT_EQ(line.commands[0].words,
            (Words{"cp", "/srv/backup/a b", "$DIR", "/srv/backup/c", "def", "$UNKNOWN", "$(date +%F)", "x y"}));
}

TEST(ShellCommand, LeadingAssignmentsAreNotWords) {
  ShellLine line = SplitShellLine(R"(RESTIC_REPOSITORY="s3:host/b" A=1 restic backup B=2)", {});
  ASSERT_EQ(line.commands.size(), 1u);
  EXPECT_EQ(line.commands[0].assigns, (Words{"RESTIC_REPOSITORY=s3:host/b", "A=1"}));
  EXPECT_EQ(line.commands[0].words, (Words{"restic", "backup", "B=2"}));
}

TEST(ShellCommand, CommentEndsTheLineButNotInsideAWord) {
  ShellLine line = SplitShellLine("curl http://x/#frag # pg_dump db", {});
  ASSERT_EQ(line.commands.size(), 1u);
  EXPECT_EQ(line.commands[0].words, (Words{"curl", "http://x/#frag"}));
}

TEST(ShellCommand, RecordsHereDocumentDelimiters) {
  ShellLine line = SplitShellLine("cat <<'EOF' > /tmp/x; mail -s hi root <<-END", {});
  ASSERT_EQ(line.heredocs.size(), 2u);
  EXPECT_EQ(line.heredocs[0].delimiter, "EOF");
  EXPECT_FALSE(line.heredocs[0].strip_tabs);
  EXPECT_EQ(line.heredocs[1].delimiter, "END");
  EXPECT_TRUE(line.heredocs[1].strip_tabs);
  EXPECT_EQ(line.commands[0].redirects, (Words{"/tmp/x"}));
}

TEST(ShellCommand, UnterminatedQuoteEndsAtTheLineEnd) {
  ShellLine line = SplitShellLine("echo \"abc", {});
  ASSERT_EQ(line.commands.size(), 1u);
  EXPECT_EQ(line.commands[0].words, (Words{"echo", "abc"}));
}

TEST(ShellCommand, ExpansionStopsGrowingAWordPastItsLimit) {
  ShellEnv env = {{"A", std::string(40000, 'x')}};
  ShellLine line = SplitShellLine("echo $A$A", env);
  ASSERT_EQ(line.commands.size(), 1u);
  EXPECT_EQ(line.commands[0].words[1], std::string(40000, 'x') + "$A");
}

}  // namespace
}  // namespace shipshape
