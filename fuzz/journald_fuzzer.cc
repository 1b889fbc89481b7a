// Fuzzes the journald settings parser.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/systemd/journald.conf")
