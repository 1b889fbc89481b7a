// Fuzzes the postgresql.conf parser.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/postgresql/15/main/postgresql.conf")
