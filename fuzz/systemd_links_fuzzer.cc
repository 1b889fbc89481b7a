// Fuzzes the enable link parser through the output of find /etc/systemd/system -path *.wants/*.
#include "fuzz_harness.h"
SHIPSHAPE_FUZZ_INPUT("cmd/systemd-links.out")
