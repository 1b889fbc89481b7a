// Fuzzes the sshd parser through the output of sshd -T.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/sshd-T.out")
