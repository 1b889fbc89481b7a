// Fuzzes the cron parser (crontab -l output).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/crontab-root.out")
