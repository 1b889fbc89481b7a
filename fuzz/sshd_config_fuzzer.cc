// Fuzzes the sshd parser through /etc/ssh/sshd_config (Include, Match, keyword values).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/ssh/sshd_config")
