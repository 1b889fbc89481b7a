// Fuzzes the systemd-timers parser (cmd/systemctl-timers.out).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/systemctl-timers.out")
