// Fuzzes the fail2ban parser through the output of fail2ban-client status.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/fail2ban-status.out")
