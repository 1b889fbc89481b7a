// Tests of the Compose port and value grammars.
#include "parse/compose_ports.h"

#include <gtest/gtest.h>

#include "parse/compose_values.h"

namespace shipshape::compose {
namespace {

std::string Show(const std::optional<PortSpec>& p) {
  if (!p) return "invalid";
  return "[" + p->host_ip + "]|" + p->published + "|" + (p->host_port ? std::to_string(*p->host_port) : "NULL") + "|" +
         std::to_string(p->container_port) + "/" + p->protocol + (OnAllInterfaces(*p) ? " all" : " local");
}

TEST(ComposePorts, ShortSyntax) {
  const std::pair<const char*, const char*> kCases[] = {
      {"8080", "[]||NULL|8080/tcp all"},
      {"80", "[]||NULL|80/tcp all"},
      {"8080:80", "[]|8080|8080|80/tcp all"},
      {"127.0.0.1:5432:5432", "[127.0.0.1]|5432|5432|5432/tcp local"},
      {"0.0.0.0:6379:6379", "[0.0.0.0]|6379|6379|6379/tcp all"},
      {"8881-8886:8881-8886", "[]|8881-8886|8881|8881/tcp all"},
      {"[::1]:80:80", "[::1]|80|80|80/tcp local"},
      {"[::]:443:443/tcp", "[::]|443|443|443/tcp all"},
      {"9000/udp", "[]||NULL|9000/udp all"},
      {"5054:5054/UDP", "[]|5054|5054|5054/udp all"},
      {"127.0.0.1::80", "[127.0.0.1]||NULL|80/tcp local"},
      {"3000-3005", "[]||NULL|3000/tcp all"},
  };
  for (const auto& [spec, want] : kCases) {
    SCOPED_TRACE(spec);
    EXPECT_EQ(Show(ParseShortPort(spec)), want);
  }
}

TEST(ComposePorts, ShortSyntaxRefusesWhatComposeRefuses) {
  for (const char* spec : {"", "http", "80:http", "99999:80", "80:0", "80/icmp", "[::1]80:80", "1-2-3:80", ":80x"}) {
    SCOPED_TRACE(spec);
    EXPECT_EQ(Show(ParseShortPort(spec)), "invalid");
  }
}

TEST(ComposeValues, MemorySizesInBytes) {
  EXPECT_EQ(ParseMemory("2G"), int64_t{2147483648});
  EXPECT_EQ(ParseMemory("512m"), int64_t{536870912});
  EXPECT_EQ(ParseMemory("1gb"), int64_t{1073741824});
  EXPECT_EQ(ParseMemory("100k"), int64_t{102400});
  EXPECT_EQ(ParseMemory("1.5g"), int64_t{1610612736});
  EXPECT_EQ(ParseMemory("1048576"), int64_t{1048576});
  EXPECT_EQ(ParseMemory("64b"), int64_t{64});
  EXPECT_FALSE(ParseMemory("lots"));
  EXPECT_FALSE(ParseMemory(""));
  EXPECT_EQ(ParseCpus("0.5"), 0.5);
  EXPECT_FALSE(ParseCpus("-1"));
}

TEST(ComposeValues, ShortVolumeSyntax) {
  CNode n;
  n.kind = CNode::Kind::kScalar;
  n.text = "./data:/var/lib/data:ro";
  auto m = ParseMount(n);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->type + "|" + m->source + "|" + m->target, "bind|./data|/var/lib/data");
  EXPECT_TRUE(m->read_only);
  n.text = "pgdata:/var/lib/postgresql/data";
  m = ParseMount(n);
  EXPECT_EQ(m->type + "|" + m->source + "|" + m->target, "volume|pgdata|/var/lib/postgresql/data");
  EXPECT_FALSE(m->read_only);
  n.text = "/cache";
  m = ParseMount(n);
  EXPECT_EQ(m->type + "|" + m->source + "|" + m->target, "volume||/cache");
}

}  // namespace
}  // namespace shipshape::compose
