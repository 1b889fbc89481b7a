// Tests of the pg_hba.conf parser.
#include <gtest/gtest.h>

#include "fact_query.h"
#include "test_paths.h"

namespace shipshape {
namespace {

using testing::Query;
using testing::Rows;

constexpr const char* kHba = "/etc/postgresql/15/main/pg_hba.conf";

TEST(PgHbaParser, ReadsDebianDefaultFile) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile(kHba, testing::ReadTestFile(testing::CorpusDir() + "/debian12" + kHba));
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db,
                  "SELECT cluster, type, database, user_name, address, method, options, file, line "
                  "FROM pg_hba ORDER BY line"),
            (Rows{{"15/main", "local", "all", "postgres", "", "peer", "", kHba, "90"},
                  {"15/main", "local", "all", "all", "", "peer", "", kHba, "95"},
                  {"15/main", "host", "all", "all", "127.0.0.1/32", "scram-sha-256", "", kHba, "97"},
                  {"15/main", "host", "all", "all", "::1/128", "scram-sha-256", "", kHba, "99"},
                  {"15/main", "local", "replication", "all", "", "peer", "", kHba, "102"},
                  {"15/main", "host", "replication", "all", "127.0.0.1/32", "scram-sha-256", "", kHba, "103"},
                  {"15/main", "host", "replication", "all", "::1/128", "scram-sha-256", "", kHba, "104"}}));
  EXPECT_EQ(Query(*db, "SELECT source, state FROM coverage WHERE category = 'databases'"), (Rows{{kHba, "ok"}}));
}

TEST(PgHbaParser, AddressAndMaskAreJoinedAsCidr) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile(kHba,
            "host all all 192.168.1.0 255.255.255.0 md5\n"
            "hostssl all all fe80:: ffff:ffff:ffff:ffff:: scram-sha-256\n"
            "host all all 10.0.0.0 255.0.255.0 md5\n"
            "hostnossl all all db.example.com trust\n"
            "host all all samenet password\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT type, address, method FROM pg_hba ORDER BY line"),
            (Rows{{"host", "192.168.1.0/24", "md5"},
                  {"hostssl", "fe80::/64", "scram-sha-256"},
                  {"host", "10.0.0.0/255.0.255.0", "md5"},
                  {"hostnossl", "db.example.com", "trust"},
                  {"host", "samenet", "password"}}));
}

TEST(PgHbaParser, QuotedListsOptionsAndContinuations) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile(kHba,
            "# TYPE DATABASE USER ADDRESS METHOD\n"
            "hostssl \"my db\",sales +admins,\"Bob\" 0.0.0.0/0 cert clientcert=verify-full map=ssl  # c\n"
            "host all all \\\n   10.0.0.0/8 ldap ldapserver=ldap.example.com ldapprefix=\"cn=\"\n"
            "hostgssenc all all ::/0 gss include_realm=0\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT type, database, user_name, address, method, options, line FROM pg_hba ORDER BY line"),
            (Rows{{"hostssl", "\"my db\",sales", "+admins,\"Bob\"", "0.0.0.0/0", "cert",
                   "clientcert=verify-full map=ssl", "2"},
                  {"host", "all", "all", "10.0.0.0/8", "ldap", "ldapserver=ldap.example.com ldapprefix=\"cn=\"", "3"},
                  {"hostgssenc", "all", "all", "::/0", "gss", "include_realm=0", "5"}}));
}

TEST(PgHbaParser, SecretOptionValuesAreRedacted) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile(kHba,
            "host all all 10.0.0.0/8 ldap ldapserver=ldap ldapbinddn=\"cn=svc\" ldapbindpasswd=\"hunter2\"\n"
            "host all all 10.0.0.0/8 radius radiusservers=r1 radiussecrets=verylongsharedsecret\n");
  auto db = testing::LoadFactsOrDie({s});
  EXPECT_EQ(Query(*db, "SELECT options FROM pg_hba ORDER BY line"),
            (Rows{{"ldapserver=ldap ldapbinddn=\"cn=svc\" ldapbindpasswd=[REDACTED class=short len=7]"},
                  {"radiusservers=r1 radiussecrets=[REDACTED class=ok len=20]"}}));
}

TEST(PgHbaParser, MalformedRecordsAreReportedWithFileAndLine) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile(kHba,
            "local all all peer\n"
            "hots all all 10.0.0.0/8 md5\n"
            "host all all 10.0.0.0/8\n"
            "local all all\n"
            "host all all 10.0.0.1 md5\n"
            "host all all 10.0.0.1\n"
            "host all all 10.0.0.0/8 md6\n"
            "host all all 10.0.0.0/8 md5 clientcert\n"
            "host \"all all 10.0.0.0/8 md5\n"
            "host all all ::1/128 trust\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  std::vector<std::string> got;
  for (const Diagnostic& d : diags.all()) got.push_back(d.ToString());
  EXPECT_EQ(got, (std::vector<std::string>{
                     "h: /etc/postgresql/15/main/pg_hba.conf:2: unknown connection type",
                     "h: /etc/postgresql/15/main/pg_hba.conf:3: missing authentication method",
                     "h: /etc/postgresql/15/main/pg_hba.conf:4: missing authentication method",
                     "h: /etc/postgresql/15/main/pg_hba.conf:5: invalid IP mask",
                     "h: /etc/postgresql/15/main/pg_hba.conf:6: IP address without a mask",
                     "h: /etc/postgresql/15/main/pg_hba.conf:7: unknown authentication method",
                     "h: /etc/postgresql/15/main/pg_hba.conf:8: authentication option not in name=value form",
                     "h: /etc/postgresql/15/main/pg_hba.conf:9: unterminated quoted string",
                 }));
  EXPECT_EQ(Query(*db, "SELECT line, method FROM pg_hba ORDER BY line"), (Rows{{"1", "peer"}, {"10", "trust"}}));
  EXPECT_EQ(Query(*db, "SELECT DISTINCT state FROM coverage WHERE category = 'databases'"), Rows{{"error"}});
}

TEST(PgHbaParser, HbaFileNamedByPostgresqlConfAndIncludes) {
  Snapshot s = testing::MakeSnapshot();
  s.PutFile("/etc/postgresql/16/main/postgresql.conf", "hba_file = '/etc/pg/hba.conf'\n");
  s.PutFile("/etc/postgresql/16/main/pg_hba.conf", "host all all 0.0.0.0/0 trust\n");
  s.PutFile("/etc/pg/hba.conf", "local all postgres peer\ninclude_dir hba.d\ninclude_if_exists nothere.conf\n");
  s.PutFile("/etc/pg/hba.d/app.conf", "hostssl app app 10.1.0.0/16 scram-sha-256\n");
  Diagnostics diags;
  auto db = testing::LoadFactsOrDie({s}, &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Query(*db, "SELECT cluster, type, database, address, file, line FROM pg_hba ORDER BY rowid"),
            (Rows{{"16/main", "local", "all", "", "/etc/pg/hba.conf", "1"},
                  {"16/main", "hostssl", "app", "10.1.0.0/16", "/etc/pg/hba.d/app.conf", "1"}}));
}

}  // namespace
}  // namespace shipshape
