// Fuzzes the ufw parser through the output of ufw status verbose.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/ufw-status.out")
