// Fuzzes the Docker engine parser on docker info output.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("cmd/docker-info.out")
