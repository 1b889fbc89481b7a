// Fuzzes the meminfo parser.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/proc/meminfo")
