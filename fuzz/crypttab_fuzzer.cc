// Fuzzes the block device parser on /etc/crypttab.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/crypttab")
