// Fuzzes the redis.conf parser.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/redis/redis.conf")
