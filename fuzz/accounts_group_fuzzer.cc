// Fuzzes the accounts parser on /etc/group.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/group")
