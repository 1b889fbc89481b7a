// Fuzzes the docker images parser (JSON lines).
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/docker-images.out")
