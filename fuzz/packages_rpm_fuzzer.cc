// Fuzzes the packages parser (cmd/rpm.out).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/rpm.out")
