// Fuzzes the processes parser (cmd/ps.out).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/ps.out")
