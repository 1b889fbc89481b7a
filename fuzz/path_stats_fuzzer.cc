// Fuzzes the stat-paths parser.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/stat-paths.out")
