// Fuzzes the logrotate parser (a drop-in read without logrotate.conf).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/logrotate.d/nginx")
