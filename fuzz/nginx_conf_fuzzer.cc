// Fuzzes the nginx configuration parser.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/nginx/nginx.conf")
