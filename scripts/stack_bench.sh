#!/bin/sh
# Stack figures of docs/performance.md:
#  (a) median wall time over RUNS runs (default 7) of `shipshape audit DIR` of one generated stack
#      folder: 30 Compose services, 15 nginx files (bench/stackgen.py);
#  (b) stacks per second: STACKS generated stack folders (default 1000, same shape) audited in one
#      run, `shipshape audit DIR1 DIR2 …` (one argument per stack folder).
#
#   scripts/stack_bench.sh [RUNS [STACKS]]      STACKS=0 skips (b)
#
# Builds Release in $BUILD_DIR (default build/release, as scripts/audit.sh). Output goes to
# /dev/null in JSON (rendering included, terminal excluded); runs are not recorded in the history.
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-7}
STACKS=${2:-1000}
BUILD=${BUILD_DIR:-build/release}

./scripts/bootstrap.sh
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSHIPSHAPE_TESTS=OFF -DSHIPSHAPE_BENCH=OFF >/dev/null
ninja -C "$BUILD" shipshape >/dev/null
BIN="$BUILD/shipshape"

WORK=$(mktemp -d /tmp/shipshape-stackbench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", b - a}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -srm), load $(cut -d' ' -f1-3 /proc/loadavg)"

# Audits its arguments once; prints the wall seconds. Exit 0 or 1 (findings) are both fine.
audit_once() {
  start=$(now)
  rc=0
  "$BIN" audit "$@" --now 2026-06-14 --format json -o /dev/null --no-history 2> "$WORK/audit.err" || rc=$?
  end=$(now)
  if [ "$rc" -gt 1 ]; then
    echo "stack_bench: audit exited $rc:" >&2
    head -n 5 "$WORK/audit.err" >&2
    exit 1
  fi
  elapsed "$start" "$end"
}

bench_one() {
  python3 bench/stackgen.py "$WORK/one" 1 30 15
  "$BIN" audit "$WORK/one" --now 2026-06-14 --format json --no-history 2>/dev/null > "$WORK/one.json" || true
  findings=$(grep -c '"rule":' "$WORK/one.json" || true)
  errors=$(grep -c '"message":' "$WORK/one.json" || true)
  echo "(a) one stack (30 services, 15 nginx files, $(find "$WORK/one" -type f | wc -l) files; $findings findings, $errors input notes), $RUNS runs:"
  : > "$WORK/times"
  i=0
  while [ "$i" -lt "$RUNS" ]; do
    audit_once "$WORK/one" >> "$WORK/times"
    echo >> "$WORK/times"
    i=$((i + 1))
  done
  sort -n "$WORK/times" | awk '{t[NR] = $1} END {
    m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "    median wall %.0f ms (min %.0f ms, max %.0f ms)\n", m * 1000, t[1] * 1000, t[NR] * 1000 }'
}

bench_many() {
  start=$(now)
  python3 bench/stackgen.py "$WORK/many" "$STACKS" 30 15
  end=$(now)
  echo "(b) $STACKS stacks (same shape) in one run; generated in $(elapsed "$start" "$end") s, $(du -sh "$WORK/many" | cut -f1) on disk:"
  # One argument per stack folder (about 40 bytes each: far below ARG_MAX).
  set -- "$WORK"/many/stack-*
  /usr/bin/time -v "$BIN" audit "$@" --now 2026-06-14 --format json -o "$WORK/many.json" --no-history \
    --timings 2> "$WORK/time.err" || true
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$WORK/time.err")
  hosts=$(grep -c '"host":.*"score"' "$WORK/many.json" || true)
  sed -n 's/^timings: /    /p' "$WORK/time.err"
  awk -v w="$wall" -v n="$STACKS" -v h="$hosts" 'BEGIN {
    printf "    wall %.1f s for %d stacks (%d in the report): %.1f stacks per second\n", w, n, h, n / w }'
  awk -F': ' '/Maximum resident set size/ {printf "    peak RSS %.0f MiB\n", $2 / 1024}' "$WORK/time.err"
}

bench_one
[ "$STACKS" -gt 0 ] && bench_many
exit 0
