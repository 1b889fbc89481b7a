#!/bin/sh
# Fleet figures of docs/performance.md:
#  (a) HOSTS inventory hosts (default 200), each an alias of its own port of a loopback sshd (root
#      login with a generated key), audited with `shipshape audit -i INV --jobs 32 --format json`:
#      total wall time and the per-host collection median (audit --timings);
#  (b) SNAPSHOTS generated host snapshots (default 10000, .tar.gz files from the seed fleet) audited
#      as one fleet from a folder: wall time and peak memory (/usr/bin/time -v).
#
#   scripts/fleet_bench.sh [HOSTS [SNAPSHOTS]]      HOSTS=0 or SNAPSHOTS=0 skips that part
#
# Needs root (sshd privilege separation, root login on 127.0.0.1). Builds Release in $BUILD_DIR
# (default build/bench-fleet). Every sshd and temporary file is removed on exit, even on Ctrl-C.
set -eu
cd "$(dirname "$0")/.."
HOSTS=${1:-200}
SNAPSHOTS=${2:-10000}
JOBS=${JOBS:-32}
BUILD=${BUILD_DIR:-build/bench-fleet}
PORTS_PER_SSHD=16  # OpenSSH listens on at most 16 sockets per server

[ "$(id -u)" -eq 0 ] || { echo "fleet_bench: needs root (sshd with root login on 127.0.0.1)" >&2; exit 2; }
./scripts/bootstrap.sh
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSHIPSHAPE_TESTS=OFF -DSHIPSHAPE_BENCH=ON >/dev/null
ninja -C "$BUILD" shipshape shipshape_fleetgen >/dev/null
BIN="$BUILD/shipshape"

WORK=$(mktemp -d /tmp/shipshape-fleetbench.XXXXXX)
chmod 755 "$WORK"
# Runs are not recorded in the user's history (audit writes one, with its snapshots, by default).
XDG_DATA_HOME="$WORK/data"
export XDG_DATA_HOME
PIDS=""
cleanup() {
  for p in $PIDS; do kill "$p" 2>/dev/null || true; done
  for p in $PIDS; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -srm), load $(cut -d' ' -f1-3 /proc/loadavg)"

port_free() { [ -z "$(ss -Htln "sport = :$1" 2>/dev/null)" ]; }

# Starts sshd number $1 on the next PORTS_PER_SSHD free ports from $NEXT_PORT; appends them to $WORK/ports.
start_sshd() {
  d="$WORK/sshd$1"
  mkdir -p "$d"
  cfg="$d/sshd_config"
  printf 'ListenAddress 127.0.0.1\nHostKey %s\nPidFile %s\nAuthorizedKeysFile %s\n' \
    "$WORK/host_key" "$d/sshd.pid" "$WORK/authorized_keys" > "$cfg"
  printf 'StrictModes no\nUsePAM no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n' >> "$cfg"
  printf 'PubkeyAuthentication yes\nPermitRootLogin prohibit-password\nUseDNS no\nLogLevel ERROR\n' >> "$cfg"
  printf 'MaxStartups 400:30:800\nMaxSessions 200\n' >> "$cfg"
  n=0
  : > "$d/ports"
  while [ "$n" -lt "$PORTS_PER_SSHD" ]; do
    NEXT_PORT=$((NEXT_PORT + 1))
    port_free "$NEXT_PORT" || continue
    echo "Port $NEXT_PORT" >> "$cfg"
    echo "$NEXT_PORT" >> "$d/ports"
    n=$((n + 1))
  done
  /usr/sbin/sshd -D -e -f "$cfg" < /dev/null 2> "$d/sshd.log" &
  PIDS="$PIDS $!"
  last=$(tail -n 1 "$d/ports")
  i=0
  while port_free "$last"; do
    i=$((i + 1))
    [ "$i" -lt 500 ] || { echo "fleet_bench: sshd $1 did not start:" >&2; cat "$d/sshd.log" >&2; exit 1; }
    sleep 0.01
  done
  cat "$d/ports" >> "$WORK/ports"
}

bench_ssh() {
  mkdir -p /run/sshd
  ssh-keygen -q -t ed25519 -N '' -C shipshape-bench-host -f "$WORK/host_key"
  ssh-keygen -q -t ed25519 -N '' -C shipshape-bench-client -f "$WORK/client_key"
  cp "$WORK/client_key.pub" "$WORK/authorized_keys"
  chmod 644 "$WORK/authorized_keys"
  NEXT_PORT=$((20000 + $$ % 20000))
  : > "$WORK/ports"
  s=0
  while [ $((s * PORTS_PER_SSHD)) -lt "$HOSTS" ]; do start_sshd "$s"; s=$((s + 1)); done
  hostkey=$(cut -d' ' -f1,2 "$WORK/host_key.pub")
  awk -v key="$hostkey" '{print "[127.0.0.1]:" $1 " " key}' "$WORK/ports" > "$WORK/known_hosts"
  args="-o IdentitiesOnly=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=$WORK/known_hosts"
  {
    echo "[bench]"
    head -n "$HOSTS" "$WORK/ports" | awk -v key="$WORK/client_key" -v args="$args" '{
      printf "host-%03d ansible_host=127.0.0.1 ansible_port=%s ansible_user=root ansible_ssh_private_key_file=%s ansible_ssh_common_args=\"%s\"\n", NR, $1, key, args }'
  } > "$WORK/inventory.ini"
  echo "(a) $HOSTS inventory hosts on $s loopback sshd (16 ports each, one port per host), --jobs $JOBS:"
  start=$(date +%s.%N)
  rc=0
  "$BIN" audit -i "$WORK/inventory.ini" --jobs "$JOBS" --format json -o "$WORK/report.json" --timings \
    2> "$WORK/audit.err" || rc=$?
  end=$(date +%s.%N)
  grep -v '^timings:' "$WORK/audit.err" | head -n 5 >&2 || true
  sed 's/^timings: /    /' "$WORK/audit.err" | grep -v '^shipshape' || true
  echo "    exit status $rc; wall time of the whole command $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}') s"
}

bench_analysis() {
  mkdir -p "$WORK/fleet"
  echo "(b) $SNAPSHOTS stored snapshots (.tar.gz) audited as one fleet:"
  start=$(date +%s.%N)
  "$BUILD/shipshape_fleetgen" tests/fixtures/seed-fleet "$SNAPSHOTS" "$WORK/fleet" 2>/dev/null
  end=$(date +%s.%N)
  echo "    generated in $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}') s, $(du -sh "$WORK/fleet" | cut -f1) on disk"
  rc=0
  /usr/bin/time -v "$BIN" audit "$WORK/fleet" --now 2026-06-14 --format json -o /dev/null --timings \
    2> "$WORK/time.err" || rc=$?
  sed -n 's/^timings: /    /p' "$WORK/time.err"
  awk -F': ' '/Elapsed \(wall clock\)/ {print "    wall " $2}
              /Maximum resident set size/ {printf "    peak RSS %.0f MiB\n", $2 / 1024}
              /User time/ {u = $2} /System time/ {printf "    cpu user %s s, system %s s\n", u, $2}' "$WORK/time.err"
  echo "    exit status $rc"
}

[ "$HOSTS" -gt 0 ] && bench_ssh
[ "$SNAPSHOTS" -gt 0 ] && bench_analysis
exit 0
