// Fuzzes the mongod.conf parser.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/mongod.conf")
