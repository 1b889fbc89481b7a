#!/bin/sh
# shipshape collector: takes a read-only snapshot (format shipshape-snapshot/1) of the machine it runs on.
#
#   sh collector.sh DIR        write the snapshot into DIR (local collection)
#   sh collector.sh -          write the snapshot as a .tar.gz to standard output (SSH collection)
#   sh collector.sh --redact MODE   filter standard input through the secret redaction (tests)
#
# It changes nothing on the machine: it only reads files and runs read-only commands. Secret values
# never leave: env-style assignments, secret directives and JSON members whose key looks like a
# secret are replaced by "[REDACTED class=default|empty|short|ok len=N]" before they are written.
# POSIX sh and awk only, so that the same script serves local and remote hosts. One file (longer
# than the project's usual 400 lines) because it is streamed to targets as one `sh -s`.
#
# Environment (tests only; SHIPSHAPE_STAT_PATHS below is not):
#   SHIPSHAPE_ROOT=/some/dir   read every FILE from under this folder instead of / (files are still
#                              recorded under their target path: files/etc/...). Commands are not
#                              re-rooted; the stat-paths probe is (it describes files).
#   SHIPSHAPE_HOST, SHIPSHAPE_METHOD   override meta.json's host and method.
# SHIPSHAPE_STAT_PATHS (newline-separated absolute paths) adds paths to the stat-paths probe; the
# controller sets it in a line put before this script (collect/stat_paths_request.h).
set -u
set -f  # globs are expanded only where the collector asks for them, under $ROOT
umask 077
COLLECTOR_VERSION="shipshape-collector/1"
LC_ALL=C
export LC_ALL
PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:${PATH:-}"
export PATH
ROOT="${SHIPSHAPE_ROOT:-}"
ROOT="${ROOT%/}"

# ---------------------------------------------------------------------------------------------
# Redaction, one line at a time. src/collect/secret_redactor.cc is its C++ twin (same output,
# checked by secret_redactor_test.cc): change both together. Modes:
#   env         shell-like text (cron, scripts): NAME=VALUE, --secret-flag VALUE, mysql -pX, URLs
#   dotenv      .env files: env + "KEY = value" to the end of the line; a line that is not an
#               assignment (a pasted token) is redacted whole
#   yaml        "key: value" (block scalars too), {key: value}, "- NAME=VALUE", command flags, URLs
#   json        "key": "value" members; inside any string: NAME=VALUE, flags, flag/value pairs, URLs
#   cmdline     ps/ss output and crontabs: NAME=VALUE, a line "NAME = VALUE" (crontab variable),
#               --secret-flag VALUE, mysql -pX, URLs
#   directives  "key value" / "key = value" (redis.conf, WireGuard), redis "user ... >password",
#               "sentinel auth-pass MASTER password"
#   conf        directives, plus NAME=VALUE and flags anywhere in the line (postgresql.conf
#               primary_conninfo, pg_hba.conf ldapbindpasswd=...), URLs
#   nginx       in each statement: the value of a secret-like header or parameter (proxy_set_header
#               Authorization "Basic …", add_header, fastcgi_param, set $token …), secure_link_secret,
#               URLs; a token replacing a bare value is written in double quotes (one nginx word)
#   fstab       NAME=VALUE options (CIFS password=, credentials=), URLs; blanks of the token as \040
#   crypttab    the third field (key file) unless none, - or an absolute path; blanks as \040
# A value that already is a redaction token is left as it is (the filter is idempotent).
REDACT_AWK='
BEGIN {
  Q = "\047"; QC = "[\"\047]"; NAME = "[A-Za-z_][A-Za-z0-9_.-]*"; SH = " \t;&|)`"; YS = " \t\"\047,]}"
  HEAD["yaml"] = "^[ \t]*(-[ \t]+)?" QC "?" NAME QC "?[ \t]*:[ \t]+"
  HEAD["directives"] = "^[ \t]*(-[ \t]+)?" QC "?" NAME QC "?[ \t]*(=|[ \t])[ \t]*"
  HEAD["dotenv"] = "^[ \t]*(export[ \t]+)?" NAME "[ \t]*=[ \t]*"
  MULTI = (mode == "env" || mode == "dotenv" || mode == "yaml")
  PEMOK = MULTI || mode == "directives" || mode == "conf"
  TOK = "^\\[REDACTED class=[a-z]+ len=[0-9]+\\]"
  ETOK = "^\\[REDACTED\\\\040class=[a-z]+\\\\040len=[0-9]+\\]$"
  NGX = "[A-Za-z_][A-Za-z0-9_]*[ \t]+"
  CONTQ = ""; BLOCK = -1; PEM = 0; JFLAG = 0; YFLAG = 0
}
function norm_key(k,   u) { u = toupper(k); gsub(/[-.]/, "_", u); return u }
function secret_key(k,   u) {
  u = norm_key(k)
  if (u ~ /(FILE|_PATH|_DIR)$/) return 0
  if (u ~ /_(ENABLED|TIMEOUT|TTL|LENGTH|METHOD|MODE|EXPIRY|EXPIRES|ALGORITHM|ROUNDS|ISSUER)$/) return 0
  if (u ~ /_(SKIP_VERIFY|TLS_VERIFY|SSL_VERIFY|NO_VERIFY|REJECT_UNAUTHORIZED)$/) return 0
  if (u ~ /^(MYSQL|MARIADB)_(ALLOW_EMPTY|RANDOM)(_ROOT)?_PASSWORD$/) return 0
  if (u ~ /^(PASSWORDAUTHENTICATION|PUBKEYAUTHENTICATION|KBDINTERACTIVEAUTHENTICATION|CHALLENGERESPONSEAUTHENTICATION|HOSTBASEDAUTHENTICATION|GSSAPIAUTHENTICATION|AUTHENTICATIONMETHODS|CLUSTERAUTHMODE|TLS_AUTH_CLIENTS|PASSWORD_ENCRYPTION)$/) return 0
  return (u ~ /PASS|PWD|SECRET|TOKEN|KEY|CREDENTIAL|AUTH|PRIVATE|SALT|COOKIE|SESSION|SIGNATURE|DSN|CERT_PEM|WEBHOOK|API_URL/ || u ~ /(^|_)PW$/)
}
function classify(v,   lv, n) {
  n = length(v)
  if (n == 0) return "empty"
  lv = tolower(v)
  if (lv ~ /^(admin|administrator|password|password1|passwd|pass|pw|secret|changeme|change_me|change-me|changeit|default|example|test|testing|root|toor|guest|user|demo|123456|1234|12345|12345678|123456789|qwerty|letmein|foobared|mysecretpassword|supersecret|s3cr3t|xxx+|todo|tbd|none|null|placeholder|redacted|\*+)$/) return "default"
  if (lv ~ /^(postgres|mysql|mariadb|mongo|mongodb|redis|grafana|minioadmin)$/) return "default"
  if (lv ~ /^(your|my|insert|enter|put|replace|set)[-_ ]/) return "default"
  if (lv ~ /change[-_ ]?(this|me|it)|^<.*>$|^\.\.\.$/) return "default"
  if (n < 12) return "short"
  return "ok"
}
function token(v) {
  if (v ~ (TOK "$") || v ~ ETOK) return v
  return "[REDACTED class=" classify(v) " len=" length(v) "]"
}
# A value that only refers to a secret kept elsewhere: variables ($A, ${A}, ${A:?msg}, and
# concatenations of them), vault:PATH#KEY, op://VAULT/ITEM/FIELD, ref+PROVIDER://… (not echo or
# envsubst, which hold the value itself), AWS Secrets Manager and SSM ARNs, and a {{ … }} template
# with no quote or brace inside (a quoted literal could be the secret).
function secret_ref(v) {
  if (v ~ /^(\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*(:?\?[^}]*)?\})+$/) return 1
  if (v ~ /^vault:[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+#[A-Za-z0-9_.-]+(#[0-9]+)?$/) return 1
  if (v ~ /^op:\/\/[^\/]+\/[^\/]+\/[^\/]+(\/[^\/]+)?$/) return 1
  if (v ~ /^ref\+[a-z0-9]+:\/\/[^ \t]+$/ && v !~ /^ref\+(echo|envsubst):/) return 1
  if (v ~ /^arn:aws[a-z-]*:(secretsmanager|ssm):[a-z0-9-]+:[0-9]+:(secret:|parameter\/)[^ \t]+$/) return 1
  return (v ~ /^\{\{[^{}"\047`]*\}\}$/)
}
# What replaces value v of key k (k == "": the value is a secret whatever its name): references
# (secret_ref) are kept (a default inside ${A:-default} is redacted), so is authorization:
# enabled|disabled.
function hide(k, v,   d) {
  if (k != "" && !secret_key(k)) return v
  if (secret_ref(v)) return v
  if (v ~ /^\$\{[A-Za-z_][A-Za-z0-9_]*:?[-=+][^}]*\}$/) {
    match(v, /^\$\{[A-Za-z_][A-Za-z0-9_]*:?[-=+]/)
    d = substr(v, RLENGTH + 1, length(v) - RLENGTH - 1)
    return (d == "") ? v : substr(v, 1, RLENGTH) token(d) "}"
  }
  if (norm_key(k) ~ /(^|_)AUTHORIZATION$/ && tolower(v) ~ /^(enabled|disabled)$/) return v
  return token(v)
}
# Length of the redaction token at the start of s when it stands alone (then a character of stop
# or the end follows), 0 otherwise.
function token_at(s, stop) {
  if (!match(s, TOK)) return 0
  return (RLENGTH == length(s) || index(stop, substr(s, RLENGTH + 1, 1))) ? RLENGTH : 0
}
# Value at the start of s: a quoted string (VAL without quotes; QOPEN when unterminated), a
# redaction token, or text up to a character of stop (a leading ${...} is read whole). VLEN =
# characters consumed.
function take_value(s, stop,   q, i, c, n) {
  VAL = ""; VLEN = 0; QOPEN = 0; n = length(s)
  q = substr(s, 1, 1)
  if (q == "\"" || q == Q) {
    for (i = 2; i <= n; i++) {
      c = substr(s, i, 1)
      if (c == "\\" && q == "\"") { i++; continue }
      if (c == q) break
    }
    if (i > n) { QOPEN = 1; i = n + 1 }
    VAL = substr(s, 2, i - 2); VLEN = (QOPEN ? n : i)
    return
  }
  if ((i = token_at(s, stop)) > 0) { VAL = substr(s, 1, i); VLEN = i; return }
  i = 1
  if (substr(s, 1, 2) == "${" && (c = index(s, "}")) > 0) i = c + 1
  for (; i <= n; i++) if (index(stop, substr(s, i, 1))) break
  VAL = substr(s, 1, i - 1); VLEN = i - 1
}
# Replacement (SWAP) for the value at the start of s, VLEN characters; OPENQ = the open quote when
# a redacted quoted value runs past the end of the line.
function swap(k, s, stop,   q, nv) {
  take_value(s, stop)
  nv = hide(k, VAL)
  if (nv == VAL) { SWAP = substr(s, 1, VLEN); return }
  q = substr(s, 1, 1)
  if (q == "\"" || q == Q) { SWAP = q nv (QOPEN ? "" : q); if (QOPEN) OPENQ = q }
  else SWAP = nv
}
# conf mode: a token that replaced a bare value is quoted so that it stays one word: "…" (pg_hba
# fields), or \047\047…\047\047 inside a \047…\047 string (a conninfo in postgresql.conf), told by the
# number of single quotes before it on the line.
function conf_quote(before, old, nv,   t) {
  if (mode == "fstab" && nv != old) return esc_blanks(nv)
  if (mode != "conf" || nv == old || substr(nv, 1, 1) != "[") return nv
  t = before
  return (gsub(Q, "", t) % 2) ? Q Q nv Q Q : "\"" nv "\""
}
# fstab and crypttab fields are split at blanks: blanks in a token are written \040 (fstab(5)).
function esc_blanks(s,   out, i, c) {
  out = ""
  for (i = 1; i <= length(s); i++) { c = substr(s, i, 1); out = out (c == " " ? "\\040" : c) }
  return out
}
function prev_char(out, rest, start) { return (start > 1) ? substr(rest, start - 1, 1) : substr(out, length(out), 1) }
# NAME=VALUE anywhere (NAME not glued to a letter or digit before it).
function redact_assignments(line, stop,   out, rest, name, p) {
  out = ""; rest = line
  while (match(rest, /[A-Za-z_][A-Za-z0-9_.-]*=/)) {
    name = substr(rest, RSTART, RLENGTH - 1); p = prev_char(out, rest, RSTART)
    out = out substr(rest, 1, RSTART + RLENGTH - 1); rest = substr(rest, RSTART + RLENGTH)
    if (p ~ /[A-Za-z0-9_]/ || !secret_key(name)) continue
    swap(name, rest, stop); out = out conf_quote(out, substr(rest, 1, VLEN), SWAP); rest = substr(rest, VLEN + 1)
  }
  return out rest
}
# --secret-flag VALUE (the flag at the start or after a blank; VALUE not itself a flag).
function redact_flags(line, stop,   out, rest, name, p) {
  out = ""; rest = line
  while (match(rest, /--?[A-Za-z][A-Za-z0-9-]*[ \t]+/)) {
    name = substr(rest, RSTART, RLENGTH); sub(/[ \t]+$/, "", name); p = prev_char(out, rest, RSTART)
    out = out substr(rest, 1, RSTART + RLENGTH - 1); rest = substr(rest, RSTART + RLENGTH)
    if ((p != "" && p !~ /[ \t]/) || !secret_key(name) || rest == "" || substr(rest, 1, 1) == "-") continue
    swap(name, rest, stop); out = out conf_quote(out, substr(rest, 1, VLEN), SWAP); rest = substr(rest, VLEN + 1)
  }
  return out rest
}
# Short password flags of well-known clients, after the client name: mysql -pX, redis-cli -a X,
# sshpass -p X, mongodump -p X (MongoDB tools).
function redact_short(line, stop,   tools, i) {
  tools = "(^|[^A-Za-z0-9_-])(mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mysqlpump|mariadb|mariadb-dump|mariadb-admin|mariadb-import|mariadb-check)([ \t]|$)"
  if (match(line, tools)) line = substr(line, 1, RSTART + RLENGTH - 1) short_flag(substr(line, RSTART + RLENGTH), "-p", 1, 0, stop)
  if (match(line, /(^|[^A-Za-z0-9_-])redis-cli([ \t]|$)/)) line = substr(line, 1, RSTART + RLENGTH - 1) short_flag(substr(line, RSTART + RLENGTH), "-a", 0, 1, stop)
  if (match(line, /(^|[^A-Za-z0-9_-])sshpass([ \t]|$)/)) line = substr(line, 1, RSTART + RLENGTH - 1) short_flag(substr(line, RSTART + RLENGTH), "-p", 1, 1, stop)
  tools = "(^|[^A-Za-z0-9_-])(mongo|mongosh|mongodump|mongorestore|mongoexport|mongoimport|mongofiles|mongostat|mongotop)([ \t]|$)"
  if (match(line, tools)) line = substr(line, 1, RSTART + RLENGTH - 1) short_flag(substr(line, RSTART + RLENGTH), "-p", 0, 1, stop)
  return line
}
function short_flag(s, flag, glued, spaced, stop,   out, rest, i, c, p) {
  out = ""; rest = s
  while ((i = index(rest, flag)) > 0) {
    p = prev_char(out, rest, i)
    out = out substr(rest, 1, i + 1); rest = substr(rest, i + 2)
    if (p != "" && p !~ /[ \t]/) continue
    c = substr(rest, 1, 1)
    if (c == " " || c == "\t") {
      if (!spaced) continue
      match(rest, /^[ \t]+/); out = out substr(rest, 1, RLENGTH); rest = substr(rest, RLENGTH + 1)
      if (rest == "" || substr(rest, 1, 1) == "-") continue
    } else if (c == "" || !glued) continue
    swap("", rest, stop); out = out SWAP; rest = substr(rest, VLEN + 1)
  }
  return out rest
}
# scheme://user:PASSWORD@host (PASSWORD runs to the last "@" before a "/", blank or quote)
function redact_urls(line,   out, rest, seg, i, j) {
  out = ""; rest = line
  while (match(rest, /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^:@\/ \t"\047]*:[^\/ \t"\047]*@/)) {
    seg = substr(rest, RSTART, RLENGTH); i = index(seg, "://"); j = index(substr(seg, i + 3), ":")
    out = out substr(rest, 1, RSTART - 1) substr(seg, 1, i + 2 + j) hide("", substr(seg, i + 3 + j, RLENGTH - i - 3 - j)) "@"
    rest = substr(rest, RSTART + RLENGTH)
  }
  return out rest
}
function token_line(line) {
  match(line, /^[ \t]*/)
  return (RLENGTH == length(line)) ? line : substr(line, 1, RLENGTH) token(substr(line, RLENGTH + 1))
}
function pem_begin(s) { return s ~ /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/ }
# "key: value" / "key = value" / "key value" at the start of a line; kind = yaml|directives|dotenv.
function redact_directive(line, kind,   head, rest, key, c, tail, trail, ind) {
  if (!match(line, HEAD[kind])) return line
  head = substr(line, 1, RLENGTH); rest = substr(line, RLENGTH + 1)
  match(head, "[A-Za-z_][A-Za-z0-9_.-]*" QC "?[ \t]*[:=]?[ \t]*$")
  key = substr(head, RSTART); sub("" QC "?[ \t]*[:=]?[ \t]*$", "", key)
  ind = RSTART - 1; if (substr(head, ind, 1) == "\"" || substr(head, ind, 1) == Q) ind--
  if (!secret_key(key)) return line
  c = substr(rest, 1, 1)
  if (c == "\"" || c == Q) { swap(key, rest, ""); return head SWAP substr(rest, VLEN + 1) }
  if (kind == "yaml" && c == "#") return line
  tail = ""
  if (match(rest, /[ \t]+#/)) { tail = substr(rest, RSTART); rest = substr(rest, 1, RSTART - 1) }
  if (rest == "") return line
  if (kind == "yaml" && rest ~ /^[|>][-+0-9]*[ \t]*$/) { BLOCK = ind; return line }
  trail = ""
  if (match(rest, /[ \t]+$/)) { trail = substr(rest, RSTART); rest = substr(rest, 1, RSTART - 1) }
  return head yaml_quote(kind, rest, hide(key, rest)) trail tail
}
# A token replacing a whole plain YAML scalar is written in single quotes: bare, YAML reads a list.
function yaml_quote(kind, old, nv) { return (kind == "yaml" && nv != old && substr(nv, 1, 1) == "[") ? Q nv Q : nv }
function redact_dotenv(line) {
  if (line ~ /^[ \t]*(#|$)/) return line
  if (match(line, HEAD["dotenv"])) return redact_directive(line, "dotenv")
  return token_line(line)
}
# YAML sequences: ["--password", "x"] on one line, or "- --password" then "- x" on the next.
function yaml_flags(line,   out, rest, name) {
  if (YFLAG) {
    YFLAG = 0
    if (match(line, /^[ \t]*-[ \t]+/) && substr(line, RLENGTH + 1, 1) != "-") {
      out = substr(line, 1, RLENGTH); rest = substr(line, RLENGTH + 1)
      swap("", rest, ""); line = out yaml_quote("yaml", substr(rest, 1, VLEN), SWAP) substr(rest, VLEN + 1)
    }
  }
  if (match(line, "^[ \t]*-[ \t]+" QC "?--?[A-Za-z][A-Za-z0-9-]*" QC "?[ \t]*$")) {
    name = line; sub("^[ \t]*-[ \t]+" QC "?", "", name); sub("" QC "?[ \t]*$", "", name)
    YFLAG = secret_key(name)
  }
  out = ""; rest = line
  while (match(rest, "" QC "--?[A-Za-z][A-Za-z0-9-]*" QC "[ \t]*,[ \t]*" QC)) {
    name = substr(rest, RSTART + 1, RLENGTH); sub(QC ".*$", "", name)
    out = out substr(rest, 1, RSTART + RLENGTH - 2); rest = substr(rest, RSTART + RLENGTH - 1)
    if (!secret_key(name) || substr(rest, 2, 1) == "-") continue
    swap("", rest, ""); out = out SWAP; rest = substr(rest, VLEN + 1)
  }
  return out rest
}
# YAML flow mappings: {KEY: value, ...} (a key after "{" or ","; not ${NAME:-x}); a nested {…}
# or […] value is left to the next round.
function yaml_flow(line,   out, rest, key, c, v, n, p) {
  out = ""; rest = line
  while (match(rest, "[{,][ \t]*" QC "?" NAME QC "?[ \t]*:[ \t]*")) {
    key = substr(rest, RSTART + 1, RLENGTH - 1); sub("^[ \t]*" QC "?", "", key); sub("" QC "?[ \t]*:[ \t]*$", "", key)
    p = prev_char(out, rest, RSTART)
    out = out substr(rest, 1, RSTART + RLENGTH - 1); rest = substr(rest, RSTART + RLENGTH)
    c = substr(rest, 1, 1)
    if (p == "$" || !secret_key(key) || c == "{" || c == "[") continue
    if (c == "\"" || c == Q) { swap(key, rest, ""); out = out SWAP; rest = substr(rest, VLEN + 1); continue }
    take_value(rest, ",]}"); v = VAL; sub(/[ \t]+$/, "", v); n = length(v)
    if (n > 0) { out = out yaml_quote("yaml", v, hide(key, v)); rest = substr(rest, n + 1) }
  }
  return out rest
}
# Redis ACL: user NAME on >password #sha256 <password
# (the rule may be quoted whole, ">pw", or after its sign, >"p w"); the token is written in double
# quotes, >"[REDACTED …]", so that Redis and the parser read one argument.
function redis_user(line,   out, rest, q) {
  if (line !~ /^[ \t]*user[ \t]/) return line
  out = ""; rest = line
  while (match(rest, /[ \t]["\047]?[<>#]/)) {
    out = out substr(rest, 1, RSTART); rest = substr(rest, RSTART + 1)
    q = substr(rest, 1, 1)
    if (q == "\"" || q == Q) {
      take_value(rest, "")
      if (QOPEN) { out = out token_line(rest); rest = ""; break }
      out = out q substr(VAL, 1, 1) token(substr(VAL, 2)) q; rest = substr(rest, VLEN + 1)
      continue
    }
    out = out q; rest = substr(rest, 2)
    take_value(rest, " \t")
    if (VLEN > 0) out = out "\"" token(VAL) "\""
    rest = substr(rest, VLEN + 1)
  }
  return out rest
}
# The content of a JSON string that is not a member name.
function json_string(s,   i) {
  if (JVAL && secret_key(JKEY)) { JVAL = 0; JFLAG = 0; return hide(JKEY, s) }
  JVAL = 0
  if (JFLAG && substr(s, 1, 1) != "-") { JFLAG = 0; return hide("", s) }
  JFLAG = (s ~ /^--?[A-Za-z][A-Za-z0-9-]*$/ && secret_key(s))
  s = redact_short(redact_flags(redact_assignments(s, ""), " \t\\"), " \t\\")
  i = index(s, "-----BEGIN")
  if (i > 0 && index(substr(s, i), "PRIVATE KEY") > 0) s = substr(s, 1, i - 1) token(substr(s, i))
  return redact_urls(s)
}
function redact_json(line,   out, rest, s, i) {
  out = ""; rest = line
  while (match(rest, /"([^"\\]|\\.)*"/)) {
    s = substr(rest, RSTART + 1, RLENGTH - 2)
    out = out substr(rest, 1, RSTART - 1); rest = substr(rest, RSTART + RLENGTH)
    if (match(rest, /^[ \t]*:[ \t]*/)) {
      JKEY = s; JFLAG = 0; out = out "\"" s "\"" substr(rest, 1, RLENGTH); rest = substr(rest, RLENGTH + 1)
      JVAL = (substr(rest, 1, 1) == "\"")
      continue
    }
    out = out "\"" json_string(s) "\""
  }
  if ((i = index(rest, "\"")) > 0) { out = out substr(rest, 1, i); rest = json_string(substr(rest, i + 1)) }
  return out rest
}
# nginx: each statement (at the start of the line or after ; { or }) naming a header or parameter
# (*_set_header, add_header, add_trailer, *_param, set $var) whose name is secret-like, or
# secure_link_secret: its value is hidden; a token replacing a bare value is written "[…]".
function redact_nginx(line,   out, rest, name, key, p, first) {
  out = ""; rest = line; first = 1
  for (;;) {
    if (first && match(rest, "^[ \t]*" NGX)) p = 0
    else if (match(rest, "[;{}][ \t]*" NGX)) p = 1
    else break
    first = 0
    name = substr(rest, RSTART + p, RLENGTH - p); gsub(/[ \t]/, "", name)
    out = out substr(rest, 1, RSTART + RLENGTH - 1); rest = substr(rest, RSTART + RLENGTH)
    if (name ~ /(_set_header|^add_header|^add_trailer|_param|^set)$/) {
      if (!match(rest, /^\$?[A-Za-z_][A-Za-z0-9_.-]*[ \t]+/)) continue
      key = substr(rest, 1, RLENGTH); out = out key; rest = substr(rest, RLENGTH + 1)
      sub(/^\$/, "", key); sub(/[ \t]+$/, "", key)
      if (!secret_key(key)) continue
    } else if (name == "secure_link_secret") key = ""
    else continue
    swap(key, rest, " \t;{}"); out = out nginx_quote(substr(rest, 1, VLEN), SWAP); rest = substr(rest, VLEN + 1)
  }
  return out rest
}
function nginx_quote(old, nv) { return (nv != old && substr(nv, 1, 1) == "[") ? "\"" nv "\"" : nv }
# crypttab: "name device keyfile options"; a key file field that is not none, - or an absolute path
# (a passphrase handed to a keyscript) is hidden.
function redact_crypttab(line,   pre, rest, f) {
  if (line ~ /^[ \t]*#/ || !match(line, /^[ \t]*[^ \t]+[ \t]+[^ \t]+[ \t]+/)) return line
  pre = substr(line, 1, RLENGTH); rest = substr(line, RLENGTH + 1)
  if (!match(rest, /^[^ \t]+/)) return line
  f = substr(rest, 1, RLENGTH)
  if (f == "none" || f == "-" || substr(f, 1, 1) == "/") return line
  return pre esc_blanks(token(f)) substr(rest, RLENGTH + 1)
}
# Redis Sentinel: "sentinel auth-pass MASTER password", "sentinel sentinel-pass password"; a token
# replacing a bare password is written in double quotes (one argument).
function redact_sentinel(line,   head, rest) {
  if (!match(line, /^[ \t]*sentinel[ \t]+(auth-pass[ \t]+[^ \t]+|sentinel-pass)[ \t]+/)) return line
  head = substr(line, 1, RLENGTH); rest = substr(line, RLENGTH + 1)
  swap("", rest, " \t")
  return head nginx_quote(substr(rest, 1, VLEN), SWAP) substr(rest, VLEN + 1)
}
function apply_mode(line) {
  if (mode == "json") return redact_json(line)
  if (mode == "nginx") return redact_urls(redact_nginx(line))
  if (mode == "fstab") return redact_urls(redact_assignments(line, ", \t"))
  if (mode == "crypttab") return redact_crypttab(line)
  if (mode == "directives") return redact_urls(redis_user(redact_sentinel(redact_directive(line, "directives"))))
  if (mode == "cmdline") {
    line = redact_assignments(redact_directive(line, "dotenv"), " \t")
    return redact_urls(redact_short(redact_flags(line, " \t"), " \t"))
  }
  if (mode == "conf") {
    line = redact_assignments(redact_directive(line, "directives"), YS)
    return redact_urls(redact_short(redact_flags(line, YS), YS))
  }
  if (mode == "yaml") {
    line = redact_assignments(yaml_flow(redact_directive(yaml_flags(line), "yaml")), YS)
    return redact_urls(redact_short(redact_flags(line, YS), YS))
  }
  if (mode == "dotenv") line = redact_dotenv(line)
  return redact_urls(redact_short(redact_flags(redact_assignments(line, SH), SH), SH))
}
# State across lines: an open quoted secret, a YAML block scalar of a secret key, a PEM private key.
function continue_quote(line,   i, c, n, q) {
  n = length(line)
  for (i = 1; i <= n; i++) {
    c = substr(line, i, 1)
    if (c == "\\" && CONTQ == "\"") { i++; continue }
    if (c == CONTQ) break
  }
  if (i > n) return token_line(line)
  q = CONTQ; CONTQ = ""
  return token_line(substr(line, 1, i - 1)) q apply_mode(substr(line, i + 1))
}
function redact_line(line,   orig) {
  OPENQ = ""
  if (CONTQ != "") {
    line = continue_quote(line)
  } else {
    if (BLOCK >= 0) {
      if (line ~ /^[ \t]*$/) return line
      match(line, /^[ \t]*/)
      if (RLENGTH > BLOCK) return substr(line, 1, RLENGTH) token(substr(line, RLENGTH + 1))
      BLOCK = -1
    }
    if (PEM) {
      if (index(line, "-----END") > 0) PEM = 0
      return token_line(line)
    }
    orig = line
    line = apply_mode(line)
    if (PEMOK && OPENQ == "" && BLOCK < 0 && pem_begin(orig)) PEM = 1
  }
  if (OPENQ != "" && MULTI) CONTQ = OPENQ
  return line
}
{ print redact_line($0) }
'
redact() { awk -v mode="$1" "$REDACT_AWK"; }

if [ "${1:-}" = "--redact" ]; then
  redact "${2:-env}"
  exit 0
fi

# ---------------------------------------------------------------------------------------------
# Set-up.
OUT="${1:-}"
STREAM=0
if [ -z "$OUT" ] || [ "$OUT" = "-" ]; then
  STREAM=1
  OUT=$(mktemp -d "${TMPDIR:-/tmp}/shipshape-snap.XXXXXX") || exit 3
  trap 'rm -rf "$OUT"' EXIT INT TERM
fi
mkdir -p "$OUT/files" "$OUT/cmd" || exit 3

SUDO=""
PRIVILEGED=false
if [ "$(id -u)" = "0" ]; then
  PRIVILEGED=true
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  SUDO="sudo -n"
  PRIVILEGED=true
fi
TIMEOUT=""
command -v timeout >/dev/null 2>&1 && TIMEOUT="timeout 30"
NL='
'

# run NAME FILTER COMMAND ARGS...: output to cmd/NAME.out (through FILTER: raw or a redaction mode),
# status to .rc. A command that is not installed leaves neither file.
run() {
  name=$1; filter=$2; shift 2
  command -v "$1" >/dev/null 2>&1 || return 0
  if [ "$filter" = raw ]; then
    $TIMEOUT $SUDO "$@" > "$OUT/cmd/$name.out" 2>/dev/null
    rc=$?
  else
    # The status of the command, not of the filter, is what the .rc file keeps.
    rc=$( { { $TIMEOUT $SUDO "$@" 2>/dev/null; echo $? >&3; } | redact "$filter" > "$OUT/cmd/$name.out"; } 3>&1 )
  fi
  echo "$rc" > "$OUT/cmd/$name.rc"
}

# copy PATH [FILTER]: the file $ROOT/PATH into files/PATH, through a redaction filter when it may
# hold secrets. Key material is never copied.
copy() {
  f=$1; filter=${2:-raw}; src="$ROOT$f"
  [ -f "$src" ] || return 0
  case "$f" in
    *.key|*.pem|*.p12|*.pfx|*.jks|*.keystore|*/shadow|*/shadow-|*/gshadow|*/gshadow-|*/id_rsa|*/id_dsa|*/id_ecdsa|*/id_ed25519) return 0 ;;
  esac
  dest="$OUT/files$f"
  [ -d "${dest%/*}" ] || mkdir -p "${dest%/*}"
  if [ -r "$src" ]; then
    if [ "$filter" = raw ]; then cat "$src" > "$dest" 2>/dev/null; else redact "$filter" < "$src" > "$dest"; fi
  elif [ -n "$SUDO" ]; then
    if [ "$filter" = raw ]; then $SUDO cat "$src" > "$dest" 2>/dev/null; else $SUDO cat "$src" 2>/dev/null | redact "$filter" > "$dest"; fi
  fi
  [ -s "$dest" ] || [ -r "$src" ] || rm -f "$dest"
}

# copy_glob FILTER PATTERN...: every regular file matching a pattern (expanded under $ROOT).
copy_glob() {
  cg_filter=$1; shift
  for p in "$@"; do
    set +f
    for g in "$ROOT"$p; do
      [ -f "$g" ] && copy "${g#"$ROOT"}" "$cg_filter"
    done
    set -f
  done
}

# ---------------------------------------------------------------------------------------------
# Files.
copy_glob raw /etc/os-release /usr/lib/os-release /etc/debian_version /etc/lsb-release /etc/redhat-release \
  /etc/alpine-release /etc/hostname /etc/timezone
copy_glob raw /etc/ssh/sshd_config '/etc/ssh/sshd_config.d/*'
copy_glob raw /etc/ufw/ufw.conf /etc/default/ufw /etc/ufw/user.rules /etc/ufw/user6.rules
copy_glob raw /etc/fail2ban/fail2ban.conf /etc/fail2ban/fail2ban.local /etc/fail2ban/jail.conf \
  /etc/fail2ban/jail.local '/etc/fail2ban/jail.d/*'
copy_glob env '/etc/apt/apt.conf.d/*'
copy_glob raw /etc/logrotate.conf '/etc/logrotate.d/*'
# Crontabs in cmdline mode (a job line, "NAME = value" variables); run-parts folders hold scripts.
copy_glob cmdline /etc/crontab '/etc/cron.d/*'
copy_glob env '/etc/cron.hourly/*' '/etc/cron.daily/*' '/etc/cron.weekly/*' '/etc/cron.monthly/*'
copy_glob raw /etc/passwd /etc/group /etc/sudoers '/etc/sudoers.d/*'
copy_glob yaml /etc/mongod.conf /etc/mongodb.conf
copy_glob directives /etc/redis/redis.conf /etc/redis.conf '/etc/redis/*.conf'
copy_glob conf '/etc/postgresql/*/*/postgresql.conf' '/etc/postgresql/*/*/pg_hba.conf' '/etc/postgresql/*/*/conf.d/*'
# nginx.conf and what Debian's nginx.conf and sites include (links in sites-enabled and
# modules-enabled are read through and recorded under their own path).
copy_glob nginx /etc/nginx/nginx.conf /etc/nginx/mime.types '/etc/nginx/conf.d/*' '/etc/nginx/sites-enabled/*' \
  '/etc/nginx/modules-enabled/*' '/etc/nginx/snippets/*' /etc/nginx/fastcgi.conf /etc/nginx/fastcgi_params \
  /etc/nginx/proxy_params /etc/nginx/scgi_params /etc/nginx/uwsgi_params
copy_glob json /etc/docker/daemon.json
# Prometheus: every YAML and rules file of /etc/prometheus and of its rules/ folder and subfolders
# (rule_files such as alerts.yml), except web configs (--web.config.file): their basic_auth_users
# map user names to password hashes, under keys that do not look secret.
copy_prometheus() {
  set +f
  for g in "$ROOT"/etc/prometheus/*.yml "$ROOT"/etc/prometheus/*.yaml "$ROOT"/etc/prometheus/*.rules \
    "$ROOT"/etc/prometheus/rules/* "$ROOT"/etc/prometheus/rules/*/*.yml "$ROOT"/etc/prometheus/rules/*/*.yaml \
    "$ROOT"/etc/prometheus/rules/*/*.rules; do
    [ -f "$g" ] || continue
    $SUDO grep -qs '^[[:space:]]*basic_auth_users[[:space:]]*:' "$g" && continue
    copy "${g#"$ROOT"}" yaml
  done
  set -f
}
copy_prometheus
copy_glob raw /etc/default/prometheus-node-exporter
copy_glob directives '/etc/wireguard/*.conf'
copy_glob fstab /etc/fstab
copy_glob crypttab /etc/crypttab
copy_glob raw /etc/systemd/journald.conf '/etc/systemd/journald.conf.d/*'
copy_glob conf /etc/rsyslog.conf '/etc/rsyslog.d/*.conf'
copy_glob dotenv /etc/environment
copy_glob raw /proc/meminfo /proc/uptime /proc/loadavg

# ---------------------------------------------------------------------------------------------
# Compose stacks: the folders named by running containers' compose label, and the folders under
# /opt, /srv, /root and /home/USER that hold a compose file; at most 64. Only compose files (yaml),
# .env and *.env (dotenv) and nginx confs under nginx/ or conf.d/ (nginx), each under 1 MB. Symbolic
# links are followed only when they stay inside the stack folder.
stack_dirs() {
  if [ -s "$OUT/cmd/docker-inspect.out" ]; then
    awk '/"Running":[ \t]*true/ { run = 1 } /"Running":[ \t]*false/ { run = 0 }
      run && sub(/^[ \t]*"com\.docker\.compose\.project\.working_dir":[ \t]*"/, "") {
        if (sub(/",?[ \t\r]*$/, "") && $0 ~ /^\/[^"\\]*$/) print }' "$OUT/cmd/docker-inspect.out"
  fi
  set +f
  for d in "$ROOT"/opt/*/ "$ROOT"/srv/*/ "$ROOT"/root/*/ "$ROOT"/home/*/*/; do
    [ -d "$d" ] && printf '%s\n' "${d#"$ROOT"}"
  done
  set -f
}

# stack_file DIR FILE FILTER: copies FILE of the stack folder DIR (a symlink only if it stays inside).
stack_file() {
  if [ -L "$2" ]; then
    t=$(readlink -f "$2" 2>/dev/null) || return 0
    case "$t" in "$1"/*) ;; *) return 0 ;; esac
    [ -n "$($SUDO find "$t" -prune -type f -size -1048576c 2>/dev/null)" ] || return 0
  fi
  copy "${2#"$ROOT"}" "$3"
}

copy_stack() {
  real=$(cd "$ROOT$1" 2>/dev/null && pwd -P) || return 1
  list=$($SUDO find "$real/." -maxdepth 1 \( -type f -size -1048576c -o -type l \) \( -name 'docker-compose*.yml' \
    -o -name 'docker-compose*.yaml' -o -name 'compose*.yml' -o -name 'compose*.yaml' -o -name '.env' -o -name '*.env' \) \
    2>/dev/null)
  case "$list" in *'/docker-compose'*.y*ml*|*'/compose'*.y*ml*) ;; *) return 1 ;; esac
  for sub in nginx conf.d; do
    [ -d "$real/$sub" ] && [ ! -L "$real/$sub" ] || continue
    list="$list$NL$($SUDO find "$real/./$sub" -maxdepth 3 \( -type f -size -1048576c -o -type l \) \
      \( -name '*.conf' -o -path '*/sites-enabled/*' \) 2>/dev/null)"
  done
  printf '%s\n' "$list" | while IFS= read -r f; do
    [ -n "$f" ] || continue
    f="$ROOT$1/${f#"$real/./"}"
    case "$f" in
      */docker-compose*.y*ml|*/compose*.y*ml) [ "${f%/*}" = "$ROOT$1" ] && stack_file "$real" "$f" yaml ;;
      */.env|*.env) [ "${f%/*}" = "$ROOT$1" ] && stack_file "$real" "$f" dotenv && echo "${f#"$ROOT"}" >> "$OUT/.stack-env" ;;
      *) stack_file "$real" "$f" nginx ;;
    esac
  done
}

collect_stacks() {
  seen="$NL"; n=0
  stack_dirs > "$OUT/.stack-dirs"
  while IFS= read -r d; do
    case "$d" in /*) ;; *) continue ;; esac
    case "$d" in */../*|*/..|*/./*|*/.) continue ;; esac
    while [ "${d%/}" != "$d" ] && [ "$d" != / ]; do d=${d%/}; done
    case "$seen" in *"$NL$d$NL"*) continue ;; esac
    seen="$seen$d$NL"
    [ -d "$ROOT$d" ] && [ ! -L "$ROOT$d" ] || continue
    copy_stack "$d" && n=$((n + 1))
    [ "$n" -lt 64 ] || break
  done < "$OUT/.stack-dirs"
  rm -f "$OUT/.stack-dirs"
}

# ---------------------------------------------------------------------------------------------
# Commands (names are a contract: extend, never rename). The slow groups (Docker and the stacks it
# names, fail2ban's Python client, du) run in the background, beside the quick ones.
docker_group() {
  command -v docker >/dev/null 2>&1 || return 0
  run docker-version raw docker version --format '{{json .}}'
  [ "$(cat "$OUT/cmd/docker-version.rc" 2>/dev/null)" = "0" ] || return 0
  run docker-info json docker info --format '{{json .}}'
  run docker-ps json docker ps -a --no-trunc --format '{{json .}}'
  run docker-images raw docker images --no-trunc --format '{{json .}}'
  ids=$($SUDO docker ps -aq 2>/dev/null)
  if [ -n "$ids" ]; then
    # shellcheck disable=SC2086
    run docker-inspect json docker inspect $ids
  else
    echo "[]" > "$OUT/cmd/docker-inspect.out"; echo 0 > "$OUT/cmd/docker-inspect.rc"
  fi
  imgs=$($SUDO docker images -aq 2>/dev/null | sort -u)
  if [ -n "$imgs" ]; then
    # shellcheck disable=SC2086
    run docker-image-inspect json docker image inspect $imgs
  else
    echo "[]" > "$OUT/cmd/docker-image-inspect.out"; echo 0 > "$OUT/cmd/docker-image-inspect.rc"
  fi
}

fail2ban_group() {
  command -v fail2ban-client >/dev/null 2>&1 || return 0
  {
    status=$($TIMEOUT $SUDO fail2ban-client status 2>/dev/null)
    rc=$?
    [ -z "$status" ] || printf '%s\n' "$status"
    jails=$(printf '%s\n' "$status" | sed -n 's/.*Jail list:[[:space:]]*//p' | tr ',' ' ')
    for j in $jails; do $TIMEOUT $SUDO fail2ban-client status "$j" 2>/dev/null; done
    echo "$rc" > "$OUT/cmd/fail2ban-status.rc"
  } > "$OUT/cmd/fail2ban-status.out"
}

du_group() {
  if [ -d /var/log ]; then run du-var-log raw du -xB1 --max-depth=1 /var/log; fi
  if $SUDO test -d /root 2>/dev/null; then
    # The entries of /root as in DESIGN (du -xsB1 /root/*), plus hidden regular files; hidden
    # folders (toolchains, caches) are not walked: they cost seconds. The glob must expand as the
    # privileged user, so sh -c receives a constant string.
    run du-root raw sh -c 'for f in /root/* /root/.[!.]* /root/..?*; do [ -e "$f" ] || continue;
      case "$f" in /root/.*) [ -f "$f" ] && [ ! -L "$f" ] || continue ;; esac; set -- "$@" "$f"; done
      [ $# -eq 0 ] || du -xsB1 "$@" 2>/dev/null; exit 0'
  fi
}

{ docker_group; collect_stacks; } &
fail2ban_group &
du_group &
# What starts at boot: unit files (list-unit-files reads every unit file: about 0.2 s, so in the
# background) and the enable links (they name enabled template instances).
{ run systemctl-unit-files raw systemctl list-unit-files --type=service,timer --no-legend --plain
  run systemd-links raw find /etc/systemd/system -mindepth 2 -maxdepth 2 '(' -path '*.wants/*' -o -path '*.requires/*' ')'
} &

SSHD=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$SSHD" ] && run sshd-T raw "$SSHD" -T
run ss-listen cmdline ss -Htulpn
run ufw-status raw ufw status verbose
run iptables-save raw iptables-save
run nft-ruleset raw nft list ruleset
run systemctl-units raw systemctl list-units --all --type=service --no-legend --plain
run systemctl-timers raw systemctl list-timers --all --no-legend
run df raw df -PTB1
run ps cmdline ps -eo pid,user,rss,etimes,comm,args --no-headers
run dpkg raw dpkg-query -W -f '${Package}\t${Version}\t${db:Status-Abbrev}\n'
run rpm raw rpm -qa --qf '%{NAME}\t%{VERSION}-%{RELEASE}\n'
run uname raw uname -srm
run lsblk raw lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINT,SIZE
run ip-addr raw ip -br addr
run date raw date -u +%s
command -v pm2 >/dev/null 2>&1 && run pm2-jlist json pm2 jlist

# Crontabs of every user that has one (crontab -l -u needs root for other users).
for dir in /var/spool/cron/crontabs /var/spool/cron; do
  [ -d "$dir" ] || continue
  for f in $($SUDO ls -1 "$dir" 2>/dev/null); do
    case "$f" in *[!A-Za-z0-9._-]*) continue ;; esac
    [ -e "$OUT/cmd/crontab-$f.rc" ] && continue
    run "crontab-$f" cmdline crontab -l -u "$f"
  done
done
ME=$(id -un)
[ -e "$OUT/cmd/crontab-$ME.rc" ] || run "crontab-$ME" cmdline crontab -l
wait

# Ownership and modes of security-relevant paths (under $ROOT, recorded as on the target), and of
# the stacks' env files. One stat for all; a path stat did not report is "PATH|-|-|-|missing" when
# it does not exist, "PATH|-|-|-|unreachable" when a folder above it cannot be searched (not root).
stat_paths() {
  set +f
  for p in /etc/ssh/sshd_config /etc/shadow /etc/sudoers /etc/sudoers.d /root/.ssh /root/.ssh/authorized_keys \
    /var/run/docker.sock /run/docker.sock /etc/wireguard /etc/mongod.conf /etc/redis/redis.conf \
    /var/lib/postgresql /var/lib/mongodb /var/lib/redis /etc/ssl/private "$ROOT"/home/*/.ssh \
    "$ROOT"/home/*/.ssh/authorized_keys "$ROOT"/etc/wireguard/*.conf /etc/environment /etc/docker/daemon.json; do
    p=${p#"$ROOT"}
    case "$p" in *'*'*) continue ;; esac
    printf '%s\n' "$p"
  done
  set -f
  [ -f "$OUT/.stack-env" ] && cat "$OUT/.stack-env"
  # Paths the caller asks about (shipshape status: a plan's path checks), one absolute path a line.
  printf '%s\n' "${SHIPSHAPE_STAT_PATHS:-}" | while IFS= read -r p; do
    case "$p" in /*'|'*) ;; /*) printf '%s\n' "$p" ;; esac
  done
}
stat_paths | awk '!seen[$0]++' > "$OUT/.stat-list"
rm -f "$OUT/.stack-env"
set --
while IFS= read -r p; do set -- "$@" "$ROOT$p"; done < "$OUT/.stat-list"
$SUDO stat -c '%n|%U|%G|%a|%F' -- "$@" 2>/dev/null | awk -v r="$ROOT" -v list="$OUT/.stat-list" '
  { if (r != "" && index($0, r) == 1) $0 = substr($0, length(r) + 1); p = $0; sub(/\|[^|]*\|[^|]*\|[^|]*\|[^|]*$/, "", p)
    seen[p] = 1; print }
  END { while ((getline p < list) > 0) if (!(p in seen)) { seen[p] = 1; print p > (list ".unseen") } }' > "$OUT/cmd/stat-paths.out"
# Not reported by stat: missing, unless the nearest folder above it that exists cannot be searched
# (then stat could not tell). As root (or through sudo) every folder can be searched.
unreachable() {
  $PRIVILEGED && return 1
  d=$ROOT$1
  while [ "${d%/*}" != "$d" ]; do
    d=${d%/*}; [ -n "$d" ] || d=/
    if [ -e "$d" ]; then [ -x "$d" ] || return 0; return 1; fi
    [ "$d" != / ] || return 1
  done
  return 1
}
if [ -f "$OUT/.stat-list.unseen" ]; then
  while IFS= read -r p; do
    if unreachable "$p"; then echo "$p|-|-|-|unreachable"; else echo "$p|-|-|-|missing"; fi
  done < "$OUT/.stat-list.unseen" >> "$OUT/cmd/stat-paths.out"
fi
rm -f "$OUT/.stat-list" "$OUT/.stat-list.unseen"
echo 0 > "$OUT/cmd/stat-paths.rc"

# ---------------------------------------------------------------------------------------------
# meta.json (host name and labels are escaped for JSON).
json_str() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g' | tr -d '\n\r\t'; }
HOST=$(hostname 2>/dev/null || cat /etc/hostname 2>/dev/null || echo unknown)
HOST="${SHIPSHAPE_HOST:-$HOST}"
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
METHOD="${SHIPSHAPE_METHOD:-local}"
printf '{"format":"shipshape-snapshot/1","host":"%s","collected_at":"%s","method":"%s","privileged":%s,"collector":"%s","labels":{}}\n' \
  "$(json_str "$HOST")" "$NOW" "$(json_str "$METHOD")" "$PRIVILEGED" "$COLLECTOR_VERSION" > "$OUT/meta.json"

if [ "$STREAM" = 1 ]; then
  tar -C "$OUT" -czf - .
fi
exit 0
