#!/bin/sh
# Builds every fuzz target (clang, libFuzzer, ASan+UBSan) and runs each for SECONDS (default 60).
# Seeds: fuzz/seeds/<fuzzer>/ when present, plus the real Debian files of ../shared/corpus.
# Usage: scripts/fuzz.sh [SECONDS] [FUZZER_NAME_FILTER]
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
filter=${2:-}
./scripts/bootstrap.sh
CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSHIPSHAPE_FUZZ=ON \
  -DSHIPSHAPE_TESTS=OFF -DSHIPSHAPE_BENCH=OFF >/dev/null
ninja -C build/fuzz >/dev/null
failed=0
ran=0
for bin in build/fuzz/*_fuzzer; do
  name=$(basename "$bin")
  case "$name" in *"$filter"*) ;; *) continue ;; esac
  work="build/fuzz/corpus/$name"
  mkdir -p "$work"
  seeds=""
  [ -d "fuzz/seeds/$name" ] && seeds="fuzz/seeds/$name"
  if "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=0 \
       -artifact_prefix="build/fuzz/$name-" "$work" $seeds >"build/fuzz/$name.log" 2>&1; then
    echo "fuzz: $name ok ($(grep -c . "build/fuzz/$name.log") log lines)"
  else
    echo "fuzz: $name FAILED, see build/fuzz/$name.log"; tail -30 "build/fuzz/$name.log"
    failed=$((failed + 1))
  fi
  ran=$((ran + 1))
done
echo "fuzz: $ran targets, $failed failed, ${seconds}s each"
[ "$failed" -eq 0 ]
