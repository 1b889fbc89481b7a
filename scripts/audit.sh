#!/bin/sh
# Installs what the build needs, builds shipshape (release) and audits this machine.
# Extra arguments go to `shipshape audit` (e.g. --format json).
set -eu
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSHIPSHAPE_TESTS=OFF -DSHIPSHAPE_BENCH=OFF >/dev/null
ninja -C build/release shipshape >/dev/null
exec ./build/release/shipshape audit "$@"
