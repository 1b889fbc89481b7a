// Fuzzes the listeners parser (cmd/ss-listen.out).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/ss-listen.out")
