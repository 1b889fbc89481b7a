// Fuzzes the Compose parser: the bytes become a stack's docker-compose.yml.
#include "fuzz_harness.h"
SHIPSHAPE_FUZZ_INPUT("/docker-compose.yml")
