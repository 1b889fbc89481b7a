// Fuzzes the pm2 jlist parser.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/pm2-jlist.out")
