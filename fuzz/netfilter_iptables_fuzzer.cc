// Fuzzes the netfilter parser through the output of iptables-save.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/iptables-save.out")
