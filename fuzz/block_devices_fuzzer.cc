// Fuzzes the block device parser on lsblk JSON.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/lsblk.out")
