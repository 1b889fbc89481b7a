// Fuzzes the APT configuration parser.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/apt/apt.conf.d/50unattended-upgrades")
