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
# POSIX sh and awk only, so that the same script serves local and remote hosts.
set -u
umask 077
COLLECTOR_VERSION="shipshape-collector/1"
LC_ALL=C
export LC_ALL
PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:${PATH:-}"
export PATH

# ---------------------------------------------------------------------------------------------
# Redaction. Modes: env (KEY=VALUE anywhere), yaml (env + "key: value"), json ("key": "value" and
# "KEY=VALUE" strings), cmdline (env + --secret-flag value), directives (first word is the key).
redact() {
  awk -v mode="$1" '
function secret_key(k,   u) {
  u = toupper(k)
  if (u ~ /(_FILE|FILE|_PATH|_DIR|_URL_FILE)$/) return 0
  if (u ~ /^(PUBKEYAUTHENTICATION|AUTHORIZEDKEYSFILE|AUTHENTICATIONMETHODS|PASSWORDAUTHENTICATION)$/) return 0
  return (u ~ /PASS|PWD|SECRET|TOKEN|KEY|CREDENTIAL|AUTH|PRIVATE|SALT|COOKIE|SESSION|SIGNATURE|DSN|CERT_PEM/)
}
function is_reference(v) {
  return (v ~ /^\$\{[A-Za-z_][A-Za-z0-9_]*(:?[-?+=][^}]*)?\}$/ || v ~ /^\$[A-Za-z_][A-Za-z0-9_]*$/)
}
function classify(v,   lv, n) {
  n = length(v)
  if (n == 0) return "empty"
  lv = tolower(v)
  if (lv ~ /^(admin|administrator|password|passwd|pass|pw|secret|changeme|change_me|change-me|changeit|default|example|test|testing|root|toor|guest|user|demo|123456|1234|12345|12345678|123456789|qwerty|letmein|foobared|mysecretpassword|supersecret|s3cr3t|xxx+|todo|tbd|none|null|placeholder|redacted|\*+)$/) return "default"
  if (lv ~ /^(your|my|insert|enter|put|replace|set)[-_ ]/) return "default"
  if (lv ~ /change[-_ ]?(this|me|it)|^<.*>$|^\.\.\.$/) return "default"
  if (n < 12) return "short"
  return "ok"
}
function token(v) {
  if (v ~ /^\[REDACTED class=/) return v
  return "[REDACTED class=" classify(v) " len=" length(v) "]"
}
# Value at the start of s: quoted string or a bare word. Sets VLEN (chars consumed) and VAL.
function take_value(s, stop,   q, i, c) {
  VAL = ""; VLEN = 0
  q = substr(s, 1, 1)
  if (q == "\"" || q == "\047") {
    for (i = 2; i <= length(s); i++) {
      c = substr(s, i, 1)
      if (c == "\\" && q == "\"") { i++; continue }
      if (c == q) break
    }
    VAL = substr(s, 2, i - 2); VLEN = i
    return
  }
  for (i = 1; i <= length(s); i++) {
    c = substr(s, i, 1)
    if (index(stop, c)) break
  }
  VAL = substr(s, 1, i - 1); VLEN = i - 1
}
# Rewrites every NAME=VALUE whose NAME looks secret.
function redact_assignments(line, stop,   out, rest, m, name, pre, q) {
  out = ""; rest = line
  while (match(rest, /[A-Za-z_][A-Za-z0-9_.-]*=/)) {
    name = substr(rest, RSTART, RLENGTH - 1)
    pre = substr(rest, 1, RSTART + RLENGTH - 1)
    rest = substr(rest, RSTART + RLENGTH)
    if (RSTART > 1 && substr(pre, RSTART - 1, 1) ~ /[A-Za-z0-9_]/) { out = out pre; continue }
    out = out pre
    if (!secret_key(name)) continue
    take_value(rest, stop)
    if (is_reference(VAL)) continue
    q = substr(rest, 1, 1)
    if (q == "\"" || q == "\047") out = out q token(VAL) q
    else out = out token(VAL)
    rest = substr(rest, VLEN + 1)
  }
  return out rest
}
# "key: value" / "key = value" / "key value" at the start of a line (after "- " and quotes).
function redact_directive(line, sep_re,   m, key, rest, head, v, tail) {
  if (!match(line, "^[ \t]*(- )?[\"\047]?[A-Za-z_][A-Za-z0-9_.-]*[\"\047]?" sep_re)) return line
  head = substr(line, 1, RLENGTH); rest = substr(line, RLENGTH + 1)
  key = head; gsub(/^[ \t]*(- )?[\"\047]?/, "", key); gsub(/[\"\047]?[ \t]*[:=]?[ \t]*$/, "", key)
  if (!secret_key(key)) return line
  tail = ""
  if (match(rest, /[ \t]+#.*$/)) { tail = substr(rest, RSTART); rest = substr(rest, 1, RSTART - 1) }
  if (rest ~ /^[|>]/ || rest == "") return line
  take_value(rest, "")
  if (is_reference(VAL)) return line
  v = substr(rest, 1, 1)
  if (v == "\"" || v == "\047") return head v token(VAL) v tail
  sub(/[ \t]+$/, "", rest)
  return head token(rest) tail
}
function redact_json(line,   out, rest, key, q) {
  out = ""; rest = line
  while (match(rest, /"[A-Za-z_][A-Za-z0-9_.-]*"[ \t]*:[ \t]*"/)) {
    key = substr(rest, RSTART + 1)
    sub(/".*$/, "", key)
    out = out substr(rest, 1, RSTART + RLENGTH - 2)
    rest = substr(rest, RSTART + RLENGTH - 1)
    if (!secret_key(key)) continue
    take_value(rest, "")
    if (is_reference(VAL)) continue
    out = out "\"" token(VAL) "\""
    rest = substr(rest, VLEN + 1)
  }
  return redact_assignments(out rest, "\"")
}
function redact_flags(line,   out, rest, name, sep) {
  out = ""; rest = line
  while (match(rest, /--?[A-Za-z][A-Za-z0-9-]*[= ]/)) {
    name = substr(rest, RSTART, RLENGTH - 1)
    sep = substr(rest, RSTART + RLENGTH - 1, 1)
    out = out substr(rest, 1, RSTART + RLENGTH - 1)
    rest = substr(rest, RSTART + RLENGTH)
    gsub(/-/, "_", name)
    if (!secret_key(name) || substr(rest, 1, 1) == "-") continue
    take_value(rest, " \t")
    out = out token(VAL)
    rest = substr(rest, VLEN + 1)
  }
  return out rest
}
{
  line = $0
  if (mode == "env") line = redact_assignments(line, " \t;&|)`")
  else if (mode == "yaml") { line = redact_directive(line, "[ \t]*:[ \t]+"); line = redact_assignments(line, " \t\"\047,]}") }
  else if (mode == "json") line = redact_json(line)
  else if (mode == "cmdline") { line = redact_assignments(line, " \t"); line = redact_flags(line) }
  else if (mode == "directives") line = redact_directive(line, "[ \t]*(=|[ \t])[ \t]*")
  print line
}'
}

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

# run NAME FILTER COMMAND ARGS...: output to cmd/NAME.out (through FILTER: raw|env|json|cmdline), status to .rc.
# A command that is not installed leaves neither file.
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

# copy PATH [FILTER]: a file into files/PATH, through a redaction filter when it may hold secrets.
copy() {
  f=$1; filter=${2:-raw}
  [ -f "$f" ] || return 0
  case "$f" in *.key|*.pem|*.p12|*.pfx|*/shadow|*/gshadow|*/id_rsa|*/id_ed25519|*/id_ecdsa) return 0 ;; esac
  dest="$OUT/files$f"
  mkdir -p "$(dirname "$dest")"
  if [ -r "$f" ]; then
    if [ "$filter" = raw ]; then cat "$f" > "$dest" 2>/dev/null; else redact "$filter" < "$f" > "$dest"; fi
  elif [ -n "$SUDO" ]; then
    if [ "$filter" = raw ]; then $SUDO cat "$f" > "$dest" 2>/dev/null; else $SUDO cat "$f" 2>/dev/null | redact "$filter" > "$dest"; fi
  fi
  [ -s "$dest" ] || [ -r "$f" ] || rm -f "$dest"
}

copy_glob() {
  filter=$1; shift
  for g in "$@"; do
    [ -e "$g" ] || continue
    copy "$g" "$filter"
  done
}

# ---------------------------------------------------------------------------------------------
# Files.
copy_glob raw /etc/os-release /usr/lib/os-release /etc/debian_version /etc/lsb-release /etc/redhat-release \
  /etc/alpine-release /etc/hostname /etc/timezone
copy_glob raw /etc/ssh/sshd_config /etc/ssh/sshd_config.d/*
copy_glob raw /etc/ufw/ufw.conf /etc/default/ufw /etc/ufw/user.rules /etc/ufw/user6.rules
copy_glob raw /etc/fail2ban/fail2ban.conf /etc/fail2ban/fail2ban.local /etc/fail2ban/jail.conf \
  /etc/fail2ban/jail.local /etc/fail2ban/jail.d/*
copy_glob env /etc/apt/apt.conf.d/*
copy_glob raw /etc/logrotate.conf /etc/logrotate.d/*
copy_glob env /etc/crontab /etc/cron.d/* /etc/cron.hourly/* /etc/cron.daily/* /etc/cron.weekly/* /etc/cron.monthly/*
copy_glob raw /etc/passwd /etc/group /etc/sudoers /etc/sudoers.d/*
copy_glob yaml /etc/mongod.conf /etc/mongodb.conf
copy_glob directives /etc/redis/redis.conf /etc/redis.conf /etc/redis/*.conf
copy_glob raw /etc/postgresql/*/*/postgresql.conf /etc/postgresql/*/*/pg_hba.conf /etc/postgresql/*/*/conf.d/*
copy_glob raw /etc/nginx/nginx.conf /etc/nginx/conf.d/* /etc/nginx/sites-enabled/*
copy_glob env /etc/docker/daemon.json
copy_glob yaml /etc/prometheus/prometheus.yml /etc/prometheus/*.rules /etc/prometheus/rules/* \
  /etc/prometheus/alertmanager.yml
copy_glob raw /etc/default/prometheus-node-exporter
copy_glob directives /etc/wireguard/*.conf
copy_glob raw /etc/crypttab /etc/fstab /etc/systemd/journald.conf /etc/systemd/journald.conf.d/*
copy_glob env /etc/environment
copy_glob raw /proc/meminfo /proc/uptime /proc/loadavg

# ---------------------------------------------------------------------------------------------
# Commands (names are a contract: extend, never rename).
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
if command -v docker >/dev/null 2>&1; then
  run docker-version raw docker version --format '{{json .}}'
  if [ "$(cat "$OUT/cmd/docker-version.rc" 2>/dev/null)" = "0" ]; then
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
  fi
fi
command -v pm2 >/dev/null 2>&1 && run pm2-jlist json pm2 jlist

# Crontabs of every user that has one (crontab -l -u needs root for other users).
for dir in /var/spool/cron/crontabs /var/spool/cron; do
  [ -d "$dir" ] || continue
  for f in $($SUDO ls -1 "$dir" 2>/dev/null); do
    case "$f" in *[!A-Za-z0-9._-]*) continue ;; esac
    [ -e "$OUT/cmd/crontab-$f.rc" ] && continue
    run "crontab-$f" env crontab -l -u "$f"
  done
done
[ -e "$OUT/cmd/crontab-$(id -un).rc" ] || run "crontab-$(id -un)" env crontab -l

if command -v fail2ban-client >/dev/null 2>&1; then
  {
    $TIMEOUT $SUDO fail2ban-client status 2>/dev/null
    rc=$?
    jails=$($TIMEOUT $SUDO fail2ban-client status 2>/dev/null | sed -n 's/.*Jail list:[[:space:]]*//p' | tr ',' ' ')
    for j in $jails; do $TIMEOUT $SUDO fail2ban-client status "$j" 2>/dev/null; done
    echo "$rc" > "$OUT/cmd/fail2ban-status.rc"
  } > "$OUT/cmd/fail2ban-status.out"
fi

if [ -d /var/log ]; then run du-var-log raw du -xB1 --max-depth=1 /var/log; fi
if $SUDO test -d /root 2>/dev/null; then
  # The glob must expand as the privileged user; sh -c receives a constant string.
  run du-root raw sh -c 'du -xsB1 /root/* /root/.[!.]* 2>/dev/null; exit 0'
fi

# Ownership and modes of security-relevant paths.
{
  for p in /etc/ssh/sshd_config /etc/shadow /etc/sudoers /etc/sudoers.d /root/.ssh /root/.ssh/authorized_keys \
    /var/run/docker.sock /run/docker.sock /etc/wireguard /etc/mongod.conf /etc/redis/redis.conf \
    /var/lib/postgresql /var/lib/mongodb /var/lib/redis /etc/ssl/private /home/*/.ssh /home/*/.ssh/authorized_keys \
    /etc/wireguard/*.conf /etc/environment /etc/docker/daemon.json; do
    case "$p" in *'*'*) continue ;; esac
    if $SUDO test -e "$p" 2>/dev/null; then
      $SUDO stat -c '%n|%U|%G|%a|%F' "$p" 2>/dev/null
    else
      echo "$p|-|-|-|missing"
    fi
  done
} > "$OUT/cmd/stat-paths.out"
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
