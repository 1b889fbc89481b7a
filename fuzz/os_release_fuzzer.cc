// Fuzzes the os-release parser.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/os-release")
