// Fuzzes the du parser on du-root output.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/du-root.out")
