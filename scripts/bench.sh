#!/bin/sh
# Builds the benchmarks (release) and prints the figures of docs/performance.md:
# median wall time of a local audit of this machine, and analysis cost at 1 / 100 / 1000 hosts.
set -eu
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSHIPSHAPE_TESTS=OFF -DSHIPSHAPE_BENCH=ON >/dev/null
ninja -C build/bench shipshape_bench >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -srm)"
./build/bench/shipshape_bench --benchmark_counters_tabular=true "$@"
