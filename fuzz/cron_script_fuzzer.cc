// Fuzzes the backup detection in a run-parts cron script (shell splitting).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/cron.daily/backup")
