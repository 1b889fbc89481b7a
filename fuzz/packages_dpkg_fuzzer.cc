// Fuzzes the packages parser (cmd/dpkg.out).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/dpkg.out")
