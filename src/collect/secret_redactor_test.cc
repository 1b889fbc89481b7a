// The C++ redaction against the collector's awk: every case runs through both, which must agree
// byte for byte, hold the expected text and leak no secret.
#include "collect/secret_redactor.h"

#include <gtest/gtest.h>

#include "base/file_io.h"
#include "base/process.h"
#include "collect/local_collector.h"
#include "test_paths.h"

namespace shipshape::secrets {
namespace {

std::string Awk(RedactMode mode, const std::string& input) {
  auto r = RunProcess({"/bin/sh", "-c", std::string(CollectorScript()), "sh", "--redact",
                       std::string(RedactModeName(mode))},
                      input, 10);
  EXPECT_TRUE(r.ok() && r->exit_code == 0) << (r.ok() ? r->err : r.status().ToString());
  return r.ok() ? r->out : "";
}

struct Case {
  RedactMode mode;
  std::string input;
  std::string expected;  // the whole output (awk adds the final newline)
  std::string secret;    // must not appear in the output ("" = nothing to hide)
};

using M = RedactMode;
const Case kCases[] = {
    {M::kEnv, "DB_PASSWORD=hunter2x", "DB_PASSWORD=[REDACTED class=short len=8]\n", "hunter2x"},
    {M::kEnv, "export API_TOKEN=\"abc def\"", "export API_TOKEN=\"[REDACTED class=short len=7]\"\n", "abc def"},
    {M::kYaml, "POSTGRES_PASSWORD: changeme", "POSTGRES_PASSWORD: '[REDACTED class=default len=8]'\n", "changeme"},
    {M::kYaml, "      - MYSQL_ROOT_PASSWORD=", "      - MYSQL_ROOT_PASSWORD=[REDACTED class=empty len=0]\n", ""},
    {M::kEnv, "GF_SECURITY_ADMIN_PASSWORD=admin", "GF_SECURITY_ADMIN_PASSWORD=[REDACTED class=default len=5]\n",
     "=admin"},
    {M::kYaml, "  DB_PASSWORD: ${DB_PASSWORD}", "  DB_PASSWORD: ${DB_PASSWORD}\n", ""},
    {M::kYaml, "  - DB_PASSWORD=${DB_PASSWORD:-fallback-secret}",
     "  - DB_PASSWORD=${DB_PASSWORD:-[REDACTED class=ok len=15]}\n", "fallback-secret"},
    {M::kDotenv, "DB_PASSWORD=$OTHER", "DB_PASSWORD=$OTHER\n", ""},
    {M::kDirectives, "requirepass foobared", "requirepass [REDACTED class=default len=8]\n", "foobared"},
    {M::kDirectives, "PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=",
     "PrivateKey = [REDACTED class=ok len=44]\n", "yAnz5TF"},
    {M::kJson, "        \"Env\": [\"REDIS_PASSWORD=s3cr3t-value-123\", \"PATH=/usr/bin\"]",
     "        \"Env\": [\"REDIS_PASSWORD=[REDACTED class=ok len=16]\", \"PATH=/usr/bin\"]\n", "s3cr3t-value-123"},
    {M::kJson, "[{\"name\":\"api\",\"pm2_env\":{\"DB_PASS\":\"x\",\"PORT\":\"3000\"}}]",
     "[{\"name\":\"api\",\"pm2_env\":{\"DB_PASS\":\"[REDACTED class=short len=1]\",\"PORT\":\"3000\"}}]\n", ":\"x\""},
    {M::kCmdline, "  812 redis      9000 120 redis-server redis-server *:6379 --requirepass hunter2hunter2",
     "  812 redis      9000 120 redis-server redis-server *:6379 --requirepass [REDACTED class=ok len=14]\n",
     "hunter2hunter2"},
    {M::kDirectives, "PasswordAuthentication no", "PasswordAuthentication no\n", ""},
    {M::kYaml, "  keyFile: /etc/mongo.key", "  keyFile: /etc/mongo.key\n", ""},
    {M::kYaml, "password: \"p@ss: word\"", "password: \"[REDACTED class=short len=10]\"\n", "p@ss"},
    // Beyond the brief's list: the forms real files use.
    {M::kYaml, "  authorization: enabled", "  authorization: enabled\n", ""},
    {M::kYaml, "password: \"a #b\" # note", "password: \"[REDACTED class=short len=4]\" # note\n", "a #b"},
    {M::kYaml, "password: abc # note", "password: '[REDACTED class=short len=3]' # note\n", "abc"},
    {M::kYaml, "tls_key: |\n  line-one-secret\n\n  line-two-secret\nother: 1",
     "tls_key: |\n  [REDACTED class=ok len=15]\n\n  [REDACTED class=ok len=15]\nother: 1\n", "line-"},
    {M::kYaml, "    command: [\"redis-server\", \"--requirepass\", \"sekrit-1\"]",
     "    command: [\"redis-server\", \"--requirepass\", \"[REDACTED class=short len=8]\"]\n", "sekrit-1"},
    {M::kYaml, "    command:\n      - --requirepass\n      - sekrit-2",
     "    command:\n      - --requirepass\n      - '[REDACTED class=short len=8]'\n", "sekrit-2"},
    {M::kYaml, "    command: redis-server --requirepass sekrit-3 --port 6379",
     "    command: redis-server --requirepass [REDACTED class=short len=8] --port 6379\n", "sekrit-3"},
    // Crontabs are collected in cmdline mode.
    {M::kCmdline, "0 3 * * * root mysqldump -uroot -pTopS3cr3tPw db > /b.sql",
     "0 3 * * * root mysqldump -uroot -p[REDACTED class=short len=11] db > /b.sql\n", "TopS3cr3tPw"},
    {M::kCmdline, "0 1 * * * root mongodump -u backup -p m0ngo-pw --out /b",
     "0 1 * * * root mongodump -u backup -p [REDACTED class=short len=8] --out /b\n", "m0ngo-pw"},
    {M::kEnv, "*/5 * * * * redis-cli -a r3dis-pw ping", "*/5 * * * * redis-cli -a [REDACTED class=short len=8] ping\n",
     "r3dis-pw"},
    {M::kEnv, "PGPASSWORD=pgpw-123 pg_dump -h db app", "PGPASSWORD=[REDACTED class=short len=8] pg_dump -h db app\n",
     "pgpw-123"},
    {M::kEnv, "app --password=x1 --token abc",
     "app --password=[REDACTED class=short len=2] --token [REDACTED class=short len=3]\n", "abc"},
    {M::kDotenv, "DATABASE_URL=postgres://app:url-pw-9@db:5432/app",
     "DATABASE_URL=postgres://app:[REDACTED class=short len=8]@db:5432/app\n", "url-pw-9"},
    {M::kDotenv, "DB_PASSWORD = two words # c", "DB_PASSWORD = [REDACTED class=short len=9] # c\n", "two words"},
    {M::kDotenv, "stray-token-value-42\n# note\n\nexport X=1", "[REDACTED class=ok len=20]\n# note\n\nexport X=1\n",
     "stray-token"},
    {M::kDotenv, "JWT_PRIVATE_KEY=\"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----\"\nNEXT=1",
     "JWT_PRIVATE_KEY=\"[REDACTED class=ok len=27]\n[REDACTED class=ok len=14]\n[REDACTED class=ok len=25]\"\nNEXT=1\n",
     "MIIEvQ"},
    {M::kYaml,
     "content: |\n  -----BEGIN RSA PRIVATE KEY-----\n  MIIEpAIBAAKCAQ\n  -----END RSA PRIVATE KEY-----\nafter: 1",
     "content: |\n  -----BEGIN RSA PRIVATE KEY-----\n  [REDACTED class=ok len=14]\n  [REDACTED class=ok "
     "len=29]\nafter: 1\n",
     "MIIEpA"},
    {M::kDirectives, "user alice on >al1ce-pw ~* +@all", "user alice on >\"[REDACTED class=short len=8]\" ~* +@all\n",
     "al1ce-pw"},
    {M::kDirectives, "tls-auth-clients no\ntls-key-file /etc/redis/r.key",
     "tls-auth-clients no\ntls-key-file /etc/redis/r.key\n", ""},
    {M::kJson,
     "            \"Args\": [\n                \"--requirepass\",\n                \"json-arg-pw\"\n            ],",
     "            \"Args\": [\n                \"--requirepass\",\n                \"[REDACTED class=short len=11]\"\n "
     "           ],\n",
     "json-arg-pw"},
    {M::kJson, "{\"Command\":\"\\\"redis-server --requirepass cmd-pw-1\\\"\",\"ID\":\"ab\"}",
     "{\"Command\":\"\\\"redis-server --requirepass [REDACTED class=short len=8]\\\"\",\"ID\":\"ab\"}\n", "cmd-pw-1"},
    {M::kJson, "\"token\": \"cut-off-secr", "\"token\": \"[REDACTED class=ok len=12]\n", "cut-off"},
    {M::kCmdline, "mysql mysql -uroot -pcli-pw-77 app", "mysql mysql -uroot -p[REDACTED class=short len=9] app\n",
     "cli-pw-77"},
    {M::kEnv, "API_KEY=[REDACTED class=ok len=40]", "API_KEY=[REDACTED class=ok len=40]\n", ""},
    // Fixed once, kept fixed.
    {M::kYaml, "  DB_PASSWORD: ${DB_PASSWORD:-fallback}",
     "  DB_PASSWORD: ${DB_PASSWORD:-[REDACTED class=short len=8]}\n", "fallback"},
    {M::kYaml, "security:\n  authorization: disabled\n  clusterAuthMode: keyFile",
     "security:\n  authorization: disabled\n  clusterAuthMode: keyFile\n", ""},
    {M::kYaml, "  authorization: Bearer abcdef", "  authorization: '[REDACTED class=ok len=13]'\n", "abcdef"},
    {M::kYaml, "      queryPassword: q-pass-42 ", "      queryPassword: '[REDACTED class=short len=9]' \n",
     "q-pass-42"},
    {M::kCmdline, "PGPASSWORD = cron pw 1\n15 2 * * * pg mysqldump --password=cr0n-pw-2 --all",
     "PGPASSWORD = [REDACTED class=short len=9]\n15 2 * * * pg mysqldump --password=[REDACTED class=short len=9] "
     "--all\n",
     "cr0n-pw-2"},
    {M::kEnv, "Acquire::http::Proxy \"http://apt:pr0xy-pw@proxy:3128/\";",
     "Acquire::http::Proxy \"http://apt:[REDACTED class=short len=8]@proxy:3128/\";\n", "pr0xy-pw"},
    {M::kDotenv, "REDIS_URL=redis://u:p@ss:w@rd@cache:6379/0",
     "REDIS_URL=redis://u:[REDACTED class=short len=9]@cache:6379/0\n", "w@rd"},
    {M::kDotenv, "DB_PASSWORD=two words\nDB_PASSWORD=[REDACTED class=short len=9]",
     "DB_PASSWORD=[REDACTED class=short len=9]\nDB_PASSWORD=[REDACTED class=short len=9]\n", "two"},
    {M::kDirectives, "user bob on >\"[REDACTED class=ok len=20]\" ~* +@all\nuser eve on \">eve pw\" >'x y' #0a1b >",
     "user bob on >\"[REDACTED class=ok len=20]\" ~* +@all\n"
     "user eve on \">[REDACTED class=short len=6]\" >\"[REDACTED class=short len=3]\" #\"[REDACTED class=short "
     "len=4]\" >\n",
     "eve pw"},
    {M::kYaml, "password: '[REDACTED class=ok len=20]'\ntoken: [REDACTED class=ok len=20]",
     "password: '[REDACTED class=ok len=20]'\ntoken: [REDACTED class=ok len=20]\n", ""},
    {M::kConf, "primary_conninfo = 'host=db port=5432 user=rep password=c0nninfo-pw'  # standby",
     "primary_conninfo = 'host=db port=5432 user=rep password=''[REDACTED class=short len=11]'''  # standby\n",
     "c0nninfo-pw"},
    {M::kConf, "password_encryption = scram-sha-256\nssl_passphrase_command = 'echo pass-phrase'",
     "password_encryption = scram-sha-256\nssl_passphrase_command = '[REDACTED class=ok len=16]'\n", "pass-phrase"},
    {M::kConf, "host all all 0.0.0.0/0 ldap ldapserver=ldap ldapbindpasswd=ldap-bind-pw ldapbinddn=\"cn=x\"",
     "host all all 0.0.0.0/0 ldap ldapserver=ldap ldapbindpasswd=\"[REDACTED class=ok len=12]\" ldapbinddn=\"cn=x\"\n",
     "ldap-bind-pw"},
    {M::kYaml, "    environment: {DB_PASSWORD: two words, PORT: 80, \"API_KEY\": \"k-1\"}",
     "    environment: {DB_PASSWORD: '[REDACTED class=short len=9]', PORT: 80, \"API_KEY\": \"[REDACTED class=short "
     "len=3]\"}\n",
     "two words"},
    {M::kYaml, "x: {auth: {password: nested-pw}, url: ${URL:-http://h}}",
     "x: {auth: {password: '[REDACTED class=short len=9]'}, url: ${URL:-http://h}}\n", "nested-pw"},
    // Redis Sentinel's passwords (sentinel.conf is collected as /etc/redis/*.conf).
    {M::kDirectives,
     "sentinel monitor mymaster 127.0.0.1 6379 2\nsentinel auth-pass mymaster s3nt-pw\n"
     "sentinel sentinel-pass 'two words'",
     "sentinel monitor mymaster 127.0.0.1 6379 2\nsentinel auth-pass mymaster \"[REDACTED class=short len=7]\"\n"
     "sentinel sentinel-pass '[REDACTED class=short len=9]'\n",
     "s3nt-pw"},
    // nginx: header, parameter and variable values; paths, realms and $variables are kept.
    {M::kNginx, "    proxy_set_header Authorization \"Basic dXNlcjpwYXNz\";",
     "    proxy_set_header Authorization \"[REDACTED class=ok len=18]\";\n", "dXNlcjpw"},
    {M::kNginx, "location / { set $api_token abc123; proxy_set_header X-Api-Key k3y-1; proxy_set_header Host $host; }",
     "location / { set $api_token \"[REDACTED class=short len=6]\"; proxy_set_header X-Api-Key \"[REDACTED class=short "
     "len=5]\"; proxy_set_header Host $host; }\n",
     "k3y-1"},
    {M::kNginx, "fastcgi_param DB_PASSWORD 'fcgi pw';\nsecure_link_secret l1nk-s3cret;",
     "fastcgi_param DB_PASSWORD '[REDACTED class=short len=7]';\nsecure_link_secret \"[REDACTED class=short "
     "len=11]\";\n",
     "s3cret"},
    {M::kNginx,
     "proxy_set_header Authorization $http_authorization;\nssl_certificate_key /etc/ssl/private/a.key;\n"
     "auth_basic \"Admin area\"; auth_basic_user_file /etc/nginx/.htpasswd;\nssl_session_cache shared:SSL:10m;",
     "proxy_set_header Authorization $http_authorization;\nssl_certificate_key /etc/ssl/private/a.key;\n"
     "auth_basic \"Admin area\"; auth_basic_user_file /etc/nginx/.htpasswd;\nssl_session_cache shared:SSL:10m;\n",
     ""},
    {M::kNginx, "proxy_set_header Authorization \"[REDACTED class=ok len=22]\";",
     "proxy_set_header Authorization \"[REDACTED class=ok len=22]\";\n", ""},
    // fstab: CIFS options; the token's blanks as \040 keep the fields; idempotent.
    {M::kFstab, "//nas/share /mnt/nas cifs username=bk,password=c1fs-pw,credentials=/root/.smb,uid=0 0 0",
     "//nas/share /mnt/nas cifs username=bk,password=[REDACTED\\040class=short\\040len=7],"
     "credentials=[REDACTED\\040class=short\\040len=10],uid=0 0 0\n",
     "c1fs-pw"},
    {M::kFstab, "UUID=ab / ext4 errors=remount-ro 0 1\n//h/s /m cifs password=[REDACTED\\040class=short\\040len=7] 0 0",
     "UUID=ab / ext4 errors=remount-ro 0 1\n//h/s /m cifs password=[REDACTED\\040class=short\\040len=7] 0 0\n", ""},
    // crypttab: a passphrase in the key file field; none, - and paths are kept.
    {M::kCrypttab,
     "sda3_crypt UUID=1 none luks,discard\ndata /dev/sdb /etc/keys/data.key luks\n"
     "old /dev/sdc pa55phrase-x luks,keyscript=/lib/cryptsetup/scripts/passdev\n# c /dev/x secret",
     "sda3_crypt UUID=1 none luks,discard\ndata /dev/sdb /etc/keys/data.key luks\n"
     "old /dev/sdc [REDACTED\\040class=ok\\040len=12] luks,keyscript=/lib/cryptsetup/scripts/passdev\n"
     "# c /dev/x secret\n",
     "pa55phrase"},
    // Known defaults: product names and common passwords, whole value, any case.
    {M::kDotenv,
     "POSTGRES_PASSWORD=postgres\nGF_SECURITY_ADMIN_PASSWORD=Grafana\nMINIO_ROOT_PASSWORD=minioadmin\n"
     "MYSQL_PASSWORD=MySQL\nMONGO_PASSWORD=mongo\nREDIS_PASSWORD=redis\nDB_PASSWORD=password1\nAPI_TOKEN=toor\n"
     "X_PASSWORD=postgres1",
     "POSTGRES_PASSWORD=[REDACTED class=default len=8]\nGF_SECURITY_ADMIN_PASSWORD=[REDACTED class=default len=7]\n"
     "MINIO_ROOT_PASSWORD=[REDACTED class=default len=10]\nMYSQL_PASSWORD=[REDACTED class=default len=5]\n"
     "MONGO_PASSWORD=[REDACTED class=default len=5]\nREDIS_PASSWORD=[REDACTED class=default len=5]\n"
     "DB_PASSWORD=[REDACTED class=default len=9]\nAPI_TOKEN=[REDACTED class=default len=4]\n"
     "X_PASSWORD=[REDACTED class=short len=9]\n",
     "minioadmin"},
    // References to a secret kept elsewhere stay as written; look-alikes holding a literal do not.
    {M::kDotenv,
     "A_PASSWORD=${DB_USER}${DB_PASS}\nB_PASSWORD=vault:secret/data/db#password\nC_TOKEN=op://Private/db/password\n"
     "D_SECRET=ref+vault://secret/db#/pw\nE_KEY=arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf\n"
     "F_PASSWORD=\"{{ vault_db_password }}\"\nF_TOKEN={{vault_token}}\nG_PASSWORD_FILE=/run/secrets/db",
     "A_PASSWORD=${DB_USER}${DB_PASS}\nB_PASSWORD=vault:secret/data/db#password\nC_TOKEN=op://Private/db/password\n"
     "D_SECRET=ref+vault://secret/db#/pw\nE_KEY=arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf\n"
     "F_PASSWORD=\"{{ vault_db_password }}\"\nF_TOKEN={{vault_token}}\nG_PASSWORD_FILE=/run/secrets/db\n",
     ""},
    {M::kDotenv,
     "A_PASSWORD=${DB_USER}lit3ral\nB_PASSWORD=vault:hunter22\nD_SECRET=ref+echo://hunter33\n"
     "F_PASSWORD={{ 'hunter44' }}\nH_PASSWORD=op://hunter55",
     "A_PASSWORD=[REDACTED class=ok len=17]\nB_PASSWORD=[REDACTED class=ok len=14]\n"
     "D_SECRET=[REDACTED class=ok len=19]\nF_PASSWORD=[REDACTED class=ok len=16]\nH_PASSWORD=[REDACTED class=ok "
     "len=13]\n",
     "hunter"},
    {M::kYaml, "      DB_PASSWORD: \"{{ lookup_db_pw }}\"\n      - API_KEY=${A}$B",
     "      DB_PASSWORD: \"{{ lookup_db_pw }}\"\n      - API_KEY=${A}$B\n", ""},
    // Settings about secrets keep their values; the secrets beside them do not.
    {M::kDotenv,
     "MYSQL_ALLOW_EMPTY_PASSWORD=yes\nMYSQL_RANDOM_ROOT_PASSWORD=1\nMARIADB_ALLOW_EMPTY_ROOT_PASSWORD=true\n"
     "AUTH_ENABLED=false\nSESSION_TIMEOUT=3600\nTOKEN_TTL=15m\nPASSWORD_MIN_LENGTH=12\nPOSTGRES_HOST_AUTH_METHOD="
     "trust\n"
     "SSL_KEY_MODE=0600\nJWT_SECRET_EXPIRY=1h\nTOKEN_EXPIRES=7d\nJWT_ALGORITHM=HS256\nPASSWORD_HASH_ROUNDS=10\n"
     "JWT_TOKEN_ISSUER=https://auth.example.org\nMYSQL_ROOT_PASSWORD=r00t-pw-x\nJWT_SECRET=jwt-s3cret",
     "MYSQL_ALLOW_EMPTY_PASSWORD=yes\nMYSQL_RANDOM_ROOT_PASSWORD=1\nMARIADB_ALLOW_EMPTY_ROOT_PASSWORD=true\n"
     "AUTH_ENABLED=false\nSESSION_TIMEOUT=3600\nTOKEN_TTL=15m\nPASSWORD_MIN_LENGTH=12\nPOSTGRES_HOST_AUTH_METHOD="
     "trust\n"
     "SSL_KEY_MODE=0600\nJWT_SECRET_EXPIRY=1h\nTOKEN_EXPIRES=7d\nJWT_ALGORITHM=HS256\nPASSWORD_HASH_ROUNDS=10\n"
     "JWT_TOKEN_ISSUER=https://auth.example.org\nMYSQL_ROOT_PASSWORD=[REDACTED class=short len=9]\n"
     "JWT_SECRET=[REDACTED class=short len=10]\n",
     "s3cret"},
    // Certificate verification switches are flags, not secrets, whatever AUTH or WEBHOOK they hold.
    {M::kDotenv,
     "NODE_TLS_REJECT_UNAUTHORIZED=0\nGITEA__webhook__SKIP_TLS_VERIFY=true\nDRONE_INSECURE_SKIP_VERIFY=1\n"
     "GIT_SSL_NO_VERIFY=1\nWEBHOOK_SECRET=wh-s3cret-value",
     "NODE_TLS_REJECT_UNAUTHORIZED=0\nGITEA__webhook__SKIP_TLS_VERIFY=true\nDRONE_INSECURE_SKIP_VERIFY=1\n"
     "GIT_SSL_NO_VERIFY=1\nWEBHOOK_SECRET=[REDACTED class=ok len=15]\n",
     "s3cret"},
    // ${VAR:-default} and ${VAR-default} of a secret-like key: the variable and the operator stay as
    // written (the compose parser interpolates from the .env), only the default is classified.
    {M::kDotenv, "DB_PASSWORD=${DB_PASSWORD-changeme}\nAPI_TOKEN=\"${API_TOKEN:-Zq8canaryX771vw}\"",
     "DB_PASSWORD=${DB_PASSWORD-[REDACTED class=default len=8]}\nAPI_TOKEN=\"${API_TOKEN:-[REDACTED class=ok "
     "len=15]}\"\n",
     "Zq8canaryX771vw"},
    {M::kYaml,
     "      - \"REDIS_PASSWORD=${REDIS_PASSWORD-Zq8canaryX771vw}\"\n"
     "    command: redis-server --requirepass ${REDIS_PASSWORD:-Zq8canaryX771vw}\n"
     "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-}\n      DB_HOST: ${DB_HOST:-db}",
     "      - \"REDIS_PASSWORD=${REDIS_PASSWORD-[REDACTED class=ok len=15]}\"\n"
     "    command: redis-server --requirepass ${REDIS_PASSWORD:-[REDACTED class=ok len=15]}\n"
     "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-}\n      DB_HOST: ${DB_HOST:-db}\n",
     "Zq8canaryX771vw"},
    {M::kEnv, "export API_TOKEN=${API_TOKEN:-abc}\nPGPASSWORD=\"${PGPASSWORD:-my pw}\" pg_dump shop",
     "export API_TOKEN=${API_TOKEN:-[REDACTED class=short len=3]}\n"
     "PGPASSWORD=\"${PGPASSWORD:-[REDACTED class=default len=5]}\" pg_dump shop\n",
     "my pw"},
    {M::kNginx, "    set $api_token ${API_TOKEN:-Zq8canaryX771vw};",
     "    set $api_token ${API_TOKEN:-[REDACTED class=ok len=15]};\n", "Zq8canaryX771vw"},
    {M::kConf, "requirepass ${REDIS_PASSWORD:-Zq8canaryX771vw}",
     "requirepass ${REDIS_PASSWORD:-[REDACTED class=ok len=15]}\n", "Zq8canaryX771vw"},
    // A default that is itself a reference, or that holds a '}', is no plain default: the whole value goes.
    {M::kDotenv, "SECRET_KEY=${SECRET_KEY:-${OTHER}}\nX_TOKEN=${X_TOKEN:-a}b}\nA_PASSWORD=${A_PASSWORD:?set it}",
     "SECRET_KEY=[REDACTED class=ok len=23]\nX_TOKEN=[REDACTED class=ok len=15]\nA_PASSWORD=${A_PASSWORD:?set it}\n",
     "OTHER"},
};

TEST(SecretRedactor, CppAndAwkAgreeOnEveryCase) {
  for (const Case& c : kCases) {
    std::string cpp = RedactText(c.input, c.mode);
    std::string awk = Awk(c.mode, c.input);
    SCOPED_TRACE(std::string(RedactModeName(c.mode)) + ": " + c.input);
    EXPECT_EQ(cpp, awk);
    EXPECT_EQ(cpp, c.expected);
    if (!c.secret.empty()) {
      EXPECT_EQ(cpp.find(c.secret), std::string::npos);
    }
  }
}

// The real files of the corpus (compose stacks, .env files, Debian and nginx configs), each
// mode over all of them: the twins must agree on text they were not written for.
TEST(SecretRedactor, CppAndAwkAgreeOnTheCorpus) {
  auto files = ListFilesRecursive(testing::CorpusDir());
  ASSERT_TRUE(files.ok());
  std::string all;
  for (const std::string& f : *files) {
    auto text = ReadWholeFile(testing::CorpusDir() + "/" + f);
    if (text.ok() && text->find('\0') == std::string::npos) all += *text + "\n";
  }
  ASSERT_GT(all.size(), 100000u);
  for (RedactMode m : {M::kEnv, M::kDotenv, M::kYaml, M::kJson, M::kCmdline, M::kDirectives, M::kConf, M::kNginx,
                       M::kFstab, M::kCrypttab}) {
    std::string cpp = RedactText(all, m);
    EXPECT_EQ(cpp, Awk(m, all)) << RedactModeName(m);
    EXPECT_NE(cpp.find(m == M::kFstab || m == M::kCrypttab ? "[REDACTED\\040class=" : "[REDACTED class="),
              std::string::npos)
        << RedactModeName(m);
  }
}

TEST(SecretRedactor, KeysNamingSecretsAndKeysNamingPaths) {
  for (const char* k : {"DB_PASSWORD", "api_token", "PrivateKey", "requirepass", "--requirepass", "POSTGRES_PW",
                        "slack_api_url", "webhook", "SESSION_SECRET"}) {
    EXPECT_TRUE(IsSecretKey(k)) << k;
  }
  for (const char* k : {"keyFile", "SSL_KEY_PATH", "DB_PASSWORD_FILE", "PasswordAuthentication", "clusterAuthMode",
                        "tls-auth-clients", "DB_HOST", "DATA_DIR", "password_encryption", "MYSQL_ALLOW_EMPTY_PASSWORD",
                        "mariadb-random-root-password", "session.timeout", "AUTH_METHOD", "JWT_ALGORITHM"}) {
    EXPECT_FALSE(IsSecretKey(k)) << k;
  }
}

TEST(SecretRedactor, ClassesAndTokens) {
  EXPECT_EQ(ClassifySecret(""), "empty");
  EXPECT_EQ(ClassifySecret("CHANGE_THIS_PLEASE"), "default");
  EXPECT_EQ(ClassifySecret("your-api-key"), "default");
  EXPECT_EQ(ClassifySecret("xxxx"), "default");
  EXPECT_EQ(ClassifySecret("hunter2"), "short");
  EXPECT_EQ(ClassifySecret("correct-horse-battery"), "ok");
  EXPECT_EQ(RedactionToken("hunter2"), "[REDACTED class=short len=7]");
  EXPECT_EQ(RedactionToken("[REDACTED class=ok len=3]"), "[REDACTED class=ok len=3]");
  EXPECT_EQ(RedactionToken("[REDACTED class=ok len=3] tail"), "[REDACTED class=ok len=30]");
  EXPECT_EQ(RedactionToken("[REDACTED\\040class=ok\\040len=3]"), "[REDACTED\\040class=ok\\040len=3]");
  EXPECT_EQ(RedactModeFromName("crypttab"), RedactMode::kCrypttab);
  EXPECT_EQ(RedactModeFromName("dotenv"), RedactMode::kDotenv);
  EXPECT_EQ(RedactModeFromName("conf"), RedactMode::kConf);
  EXPECT_FALSE(RedactModeFromName("raw").has_value());
}

}  // namespace
}  // namespace shipshape::secrets
