// Fuzzes the unit file parser through the output of systemctl list-unit-files.
#include "fuzz_harness.h"
SHIPSHAPE_FUZZ_INPUT("cmd/systemctl-unit-files.out")
