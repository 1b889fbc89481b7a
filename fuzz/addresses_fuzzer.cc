// Fuzzes the addresses parser (cmd/ip-addr.out).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/ip-addr.out")
