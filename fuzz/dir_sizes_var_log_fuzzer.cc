// Fuzzes the du parser on du-var-log output.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/du-var-log.out")
