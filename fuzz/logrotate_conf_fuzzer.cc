// Fuzzes the logrotate parser (main file).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/logrotate.conf")
