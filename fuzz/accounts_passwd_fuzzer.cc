// Fuzzes the accounts parser on /etc/passwd.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/passwd")
