// Command-line remote targets: forms, ports, IPv6, errors, unique aliases.
#include "fleet/adhoc_target.h"

#include <gtest/gtest.h>

namespace shipshape {
namespace {

FleetTarget Parse(const std::string& text, const std::vector<std::string>& options = {}) {
  auto t = ParseAdhocTarget(text, options);
  EXPECT_TRUE(t.ok()) << text << ": " << t.status().ToString();
  return t.ok() ? *t : FleetTarget{};
}

TEST(AdhocTarget, Forms) {
  struct Case { std::string text, user, host; int port; };
  for (const Case& c : std::vector<Case>{{"bms-1", "", "bms-1", 0},
                                         {"root@bms-1", "root", "bms-1", 0},
                                         {"a@b@bms-1", "a@b", "bms-1", 0},
                                         {"ssh://bms-1", "", "bms-1", 0},
                                         {"ssh://deploy@10.0.0.5:2222/", "deploy", "10.0.0.5", 2222},
                                         {"ssh://root@[2001:db8::1]:22", "root", "2001:db8::1", 22},
                                         {"ssh://2001:db8::1", "", "2001:db8::1", 0}}) {
    FleetTarget t = Parse(c.text);
    EXPECT_EQ(t.user, c.user) << c.text;
    EXPECT_EQ(t.host, c.host) << c.text;
    EXPECT_EQ(t.port, c.port) << c.text;
    EXPECT_EQ(t.alias, c.host) << c.text;
  }
}

TEST(AdhocTarget, SshOptionsBecomeDashOPairs) {
  FleetTarget t = Parse("h", {"IdentityFile=/k y", "Port=2"});
  EXPECT_EQ(t.ssh_args, (std::vector<std::string>{"-o", "IdentityFile=/k y", "-o", "Port=2"}));
}

TEST(AdhocTarget, ErrorsNameTheTarget) {
  for (const auto& [text, message] : std::vector<std::pair<std::string, std::string>>{
           {"ssh://h:0", "'ssh://h:0': the port must be a number from 1 to 65535"},
           {"ssh://h:x", "'ssh://h:x': the port must be a number from 1 to 65535"},
           {"ssh://h:", "'ssh://h:': the port must be a number from 1 to 65535"},
           {"@h", "'@h': empty user name before '@'"},
           {"u@", "'u@': no host"},
           {"ssh://", "'ssh://': no host"},
           {"ssh://[::1", "'ssh://[::1': unterminated '[' in the host"}}) {
    auto t = ParseAdhocTarget(text, {});
    ASSERT_FALSE(t.ok()) << text;
    EXPECT_EQ(t.status().message(), message);
    EXPECT_EQ(t.status().code(), StatusCode::kUsage);
  }
}

TEST(AdhocTarget, RemoteOrPath) {
  EXPECT_TRUE(LooksLikeRemoteTarget("bms-1"));
  EXPECT_TRUE(LooksLikeRemoteTarget("root@bms-1"));
  EXPECT_TRUE(LooksLikeRemoteTarget("ssh://a/"));
  EXPECT_FALSE(LooksLikeRemoteTarget("snaps/bms-1"));
  EXPECT_FALSE(LooksLikeRemoteTarget("bms-1.tar.gz"));
  EXPECT_FALSE(LooksLikeRemoteTarget(""));
}

TEST(AdhocTarget, SharedAliasesAreDisambiguatedAndDuplicatesDropped) {
  std::vector<FleetTarget> ts = {Parse("ssh://a@h:22"), Parse("ssh://b@h:22"), Parse("other"), Parse("ssh://a@h:22")};
  MakeAliasesUnique(ts);
  ASSERT_EQ(ts.size(), 3u);
  EXPECT_EQ(ts[0].alias, "a@h:22");
  EXPECT_EQ(ts[1].alias, "b@h:22");
  EXPECT_EQ(ts[2].alias, "other");
}

}  // namespace
}  // namespace shipshape
