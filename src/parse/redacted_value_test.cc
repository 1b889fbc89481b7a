// Tests of redaction tokens and secret classification.
#include "parse/redacted_value.h"

#include <gtest/gtest.h>

namespace shipshape {
namespace {

TEST(RedactedValue, ParsesTheCollectorToken) {
  auto t = ParseRedactedToken("[REDACTED class=default len=8]");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->cls, "default");
  EXPECT_EQ(t->length, 8);
  EXPECT_FALSE(ParseRedactedToken("[REDACTED class=ok]").has_value());
  EXPECT_FALSE(ParseRedactedToken("[REDACTED class=ok len=x]").has_value());
  EXPECT_FALSE(ParseRedactedToken("[REDACTED class=ok len=3] trailing").has_value());
}

TEST(RedactedValue, SecretKeysAsTheCollectorSeesThem) {
  for (const char* k : {"DB_PASSWORD", "MYSQL_ROOT_PASSWORD", "JWT_SECRET", "api_token", "AWS_SECRET_ACCESS_KEY",
                        "AUTH", "PRIVATE_NOTE", "SENTRY_DSN", "POSTGRES_PW", "PGPWD"}) {
    EXPECT_TRUE(IsSecretKey(k)) << k;
  }
  for (const char* k : {"NODE_ENV", "PATH", "DB_PASSWORD_FILE", "SSL_KEY_PATH", "KEY_DIR", "POWER"}) {
    EXPECT_FALSE(IsSecretKey(k)) << k;
  }
}

TEST(RedactedValue, ClassifiesLikeTheCollector) {
  EXPECT_EQ(ClassifySecret(""), "empty");
  EXPECT_EQ(ClassifySecret("ChangeMe"), "default");
  EXPECT_EQ(ClassifySecret("your-secret-here"), "default");
  EXPECT_EQ(ClassifySecret("<password>"), "default");
  EXPECT_EQ(ClassifySecret("xxxxxxxx"), "default");
  EXPECT_EQ(ClassifySecret("hunter2"), "short");
  EXPECT_EQ(ClassifySecret("correct-horse-battery"), "ok");
}

TEST(RedactedValue, ReferencesAreNotValues) {
  EXPECT_TRUE(IsVariableReference("${DB_PASSWORD}"));
  EXPECT_TRUE(IsVariableReference("${DB_PASSWORD:-x}"));
  EXPECT_TRUE(IsVariableReference("$DB_PASSWORD"));
  EXPECT_FALSE(IsVariableReference("$DB_PASSWORD!"));
  EXPECT_FALSE(IsVariableReference("pa$$word"));
  EnvValue v = ClassifyEnvValue("DB_PASSWORD", "${DB_PASSWORD}");
  EXPECT_FALSE(v.redacted);
  EXPECT_EQ(v.value.value_or("?"), "${DB_PASSWORD}");
}

}  // namespace
}  // namespace shipshape
