// Fuzzes the dotenv file parser.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/opt/app/.env")
