#!/bin/sh
# Installs what the build needs, builds shipshape with AddressSanitizer and UBSan, and runs the
# whole test suite (unit, rule fixtures, end-to-end). Fuzzing is scripts/fuzz.sh.
#
# Many tests read real configuration files from the shared corpus, expected at ../shared/corpus
# beside the repository (as the project is checked out); SHIPSHAPE_CORPUS=DIR names another place.
set -eu
cd "$(dirname "$0")/.."
SHIPSHAPE_CORPUS=${SHIPSHAPE_CORPUS:-$(pwd)/../shared/corpus}
if [ ! -d "$SHIPSHAPE_CORPUS/debian12" ]; then
  echo "test: no shared corpus at $SHIPSHAPE_CORPUS (debian12/, awesome-compose/, h5bp-nginx/):" \
       "clone the repository beside shared/, or set SHIPSHAPE_CORPUS=/path/to/shared/corpus" >&2
  exit 2
fi
export SHIPSHAPE_CORPUS
./scripts/bootstrap.sh
# The SARIF 2.1.0 schema for SarifRenderer.ValidatesAgainstThePublishedSchema (skipped without it).
./scripts/sarif_schema.sh || echo "test: SARIF schema not fetched (npm); the schema validation test will be skipped" >&2
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSHIPSHAPE_SANITIZE=ON -DSHIPSHAPE_BENCH=OFF >/dev/null
ninja -C build/asan
ctest --test-dir build/asan --output-on-failure -j2 --timeout 600
