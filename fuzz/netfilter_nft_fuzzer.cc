// Fuzzes the netfilter parser through the output of nft list ruleset.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/nft-ruleset.out")
