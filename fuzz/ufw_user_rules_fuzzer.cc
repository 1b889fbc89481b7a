// Fuzzes the ufw parser through the rules stored in /etc/ufw/user.rules.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/ufw/user.rules")
