// Fuzzes the pg_hba.conf parser.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/postgresql/15/main/pg_hba.conf")
