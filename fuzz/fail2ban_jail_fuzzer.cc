// Fuzzes the fail2ban parser through /etc/fail2ban/jail.conf (INI, includes, interpolation).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/fail2ban/jail.conf")
