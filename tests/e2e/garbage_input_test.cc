// Every parser, given damaged input on each of its inputs, reports the input's file and line and
// leaves its category Unknown; nothing crashes and the rest of the audit goes on.
#include <gtest/gtest.h>

#include "fact_query.h"
#include "facts/registry.h"

namespace shipshape {
namespace {

struct Damage {
  const char* name;
  std::string bytes;
};

const std::vector<Damage>& Damages() {
  static const std::vector<Damage> kDamages = {
      {"garbage", std::string("\x01\x02garbage {{{ ]]] ::: \xff\n", 25)},
      {"truncated", "garbage line without newline {[\""},
  };
  return kDamages;
}

Snapshot WithInput(const std::string& input, const std::string& bytes) {
  Snapshot s = testing::MakeSnapshot("damaged");
  if (input.rfind("cmd/", 0) == 0) {
    s.PutCommand(input.substr(4, input.size() - 8), bytes, 0);
  } else {
    s.PutFile(input, bytes);
  }
  // One healthy input beside the damaged one: the audit must go on with it.
  if (input != "/etc/os-release") s.PutFile("/etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n");
  return s;
}

TEST(GarbageInput, EveryParserReportsFileAndLineAndLeavesItsCategoryUnknown) {
  int checked = 0;
  for (const ParserInfo* p : AllParsers()) {
    for (const std::string& input : p->inputs) {
      for (const Damage& d : Damages()) {
        SCOPED_TRACE(p->name + " " + input + " " + d.name);
        Diagnostics diags;
        auto db = testing::LoadFactsOrDie({WithInput(input, d.bytes)}, &diags);
        ASSERT_NE(db, nullptr);
        bool named = false;
        for (const Diagnostic& diag : diags.all()) {
          if (diag.file == input && diag.line >= 1) named = true;
        }
        EXPECT_TRUE(named) << "no diagnostic naming " << input << " with a line";
        auto state = testing::Query(*db, "SELECT count(*) FROM coverage WHERE category = '" + p->category +
                                             "' AND state = 'error'");
        EXPECT_NE(state[0][0], "0") << "category " << p->category << " not marked Unknown";
        if (input != "/etc/os-release") {
          EXPECT_EQ(testing::Query(*db, "SELECT id FROM os"), testing::Rows{{"debian"}}) << "audit did not go on";
        }
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 2);
}

}  // namespace
}  // namespace shipshape
