// Fuzzes the cron parser (system crontab format).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/crontab")
