// Fuzzes the systemd-units parser (cmd/systemctl-units.out).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/systemctl-units.out")
