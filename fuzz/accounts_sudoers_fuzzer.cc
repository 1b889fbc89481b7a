// Fuzzes the accounts parser on /etc/sudoers.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/sudoers")
