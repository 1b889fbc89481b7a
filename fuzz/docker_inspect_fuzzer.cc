// Fuzzes the docker inspect parser (containers and their details).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/docker-inspect.out")
