// Tests of Compose interpolation: every form of the grammar, table-driven, and the .env reader.
#include "parse/compose_interpolation.h"

#include <gtest/gtest.h>

#include <map>

#include "parse/compose_dotenv.h"

namespace shipshape::compose {
namespace {

const std::map<std::string, std::string, std::less<>>& Vars() {
  static const std::map<std::string, std::string, std::less<>> kVars = {{"HOST", "db"},
                                                                        {"PORT", "5432"},
                                                                        {"EMPTY", ""},
                                                                        {"SECRET", "[REDACTED class=ok len=20]"},
                                                                        {"NOPASS", "[REDACTED class=empty len=0]"}};
  return kVars;
}

Interpolated Resolve(std::string_view raw) {
  VarLookup lookup = [](std::string_view name) -> const std::string* {
    auto it = Vars().find(name);
    return it == Vars().end() ? nullptr : &it->second;
  };
  return Interpolate(raw, lookup);
}

struct Case {
  const char* raw;
  const char* value;
  const char* refs;  // var/form/defined/empty[/refused], space-separated
};

std::string Describe(const Interpolated& in) {
  std::string out;
  for (const VarRef& r : in.refs) {
    if (!out.empty()) out += ' ';
    out += r.var + "/" + r.form + "/" + (r.defined ? "1" : "0") + "/" + (r.empty ? "1" : "0") +
           (r.refused ? "/refused" : "");
  }
  return out;
}

TEST(ComposeInterpolation, EveryFormResolvesAsComposeDoes) {
  const Case kCases[] = {
      {"plain text", "plain text", ""},
      {"${HOST}:${PORT}", "db:5432", "HOST/plain/1/0 PORT/plain/1/0"},
      {"$HOST-$PORT", "db-5432", "HOST/plain/1/0 PORT/plain/1/0"},
      {"${UNSET}", "", "UNSET/plain/0/1"},
      {"${UNSET:-fallback}", "fallback", "UNSET/default/0/0"},
      {"${EMPTY:-fallback}", "fallback", "EMPTY/default/1/0"},
      {"${EMPTY-fallback}", "", "EMPTY/default/1/1"},
      {"${UNSET-fallback}", "fallback", "UNSET/default/0/0"},
      {"${HOST:-fallback}", "db", "HOST/default/1/0"},
      {"${HOST:+set}", "set", "HOST/default/1/0"},
      {"${UNSET:+set}", "", "UNSET/default/0/1"},
      {"${HOST:?need host}", "db", "HOST/required/1/0"},
      {"${UNSET:?need it}", "", "UNSET/required/0/1/refused"},
      {"${EMPTY:?need it}", "", "EMPTY/required/1/1/refused"},
      {"${EMPTY?need it}", "", "EMPTY/required/1/1"},
      {"${UNSET?need it}", "", "UNSET/required/0/1/refused"},
      {"$$HOST and $${PORT}", "$HOST and ${PORT}", ""},
      {"${UNSET:-${HOST}:${PORT}}", "db:5432", "UNSET/default/0/0 HOST/plain/1/0 PORT/plain/1/0"},
      {"${SECRET}", "[REDACTED class=ok len=20]", "SECRET/plain/1/0"},
      {"${NOPASS}", "[REDACTED class=empty len=0]", "NOPASS/plain/1/1"},
      {"${PW:-[REDACTED class=default len=5]}", "[REDACTED class=default len=5]", "PW/default/0/0"},
      {"cost $5 and $", "cost $5 and $", ""},
      {"echo $1", "echo $1", ""},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.raw);
    Interpolated in = Resolve(c.raw);
    EXPECT_TRUE(in.ok);
    EXPECT_EQ(in.value, c.value);
    EXPECT_EQ(Describe(in), c.refs);
  }
}

TEST(ComposeInterpolation, InvalidTemplatesKeepTheRawText) {
  for (const char* raw : {"${HOST", "${}", "${1A}", "${HOST#x}", "a ${UNSET:-${HOST}"}) {
    SCOPED_TRACE(raw);
    Interpolated in = Resolve(raw);
    EXPECT_FALSE(in.ok);
    EXPECT_EQ(in.value, raw);
  }
}

TEST(ComposeDotenv, ReadsQuotesExportCommentsAndMultilineValues) {
  auto lines =
      ReadDotenv("# comment\nexport A=1\nB = two words # note\nC=\"x # y\"\nD='${A}'\nE=\"l1\nl2\"\nBARE\n =bad\nF=\n");
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[0].key, "A");
  EXPECT_EQ(lines[0].raw, "1");
  EXPECT_EQ(lines[0].line, 2);
  EXPECT_EQ(lines[1].raw, "two words");
  EXPECT_EQ(lines[2].raw, "x # y");
  EXPECT_TRUE(lines[3].literal);
  EXPECT_EQ(lines[4].raw, "l1\nl2");
  EXPECT_EQ(lines[4].line, 6);
  EXPECT_TRUE(lines[5].bare);
  EXPECT_EQ(lines[5].line, 8);
  EXPECT_EQ(lines[6].key, "F");
  EXPECT_EQ(lines[6].raw, "");
}

TEST(ComposeDotenv, ProjectVariablesInterpolateAndHoldSecretsAsTokens) {
  auto vars = ProjectVariables(
      "HOST=db\nURL=pg://${HOST}/x\nLIT='${HOST}'\nDB_PASSWORD=changeme\n"
      "API_TOKEN='[REDACTED class=ok len=32]'\n");
  EXPECT_EQ(vars["URL"], "pg://db/x");
  EXPECT_EQ(vars["LIT"], "${HOST}");
  EXPECT_EQ(vars["DB_PASSWORD"], "[REDACTED class=default len=8]");
  EXPECT_EQ(vars["API_TOKEN"], "[REDACTED class=ok len=32]");
}

}  // namespace
}  // namespace shipshape::compose
