// Fuzzes the df parser (cmd/df.out).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/df.out")
