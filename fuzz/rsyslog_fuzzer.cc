// Fuzzes the rsyslog forwarding parser.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/rsyslog.conf")
