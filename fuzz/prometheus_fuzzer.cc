// Fuzzes the Prometheus configuration parser.
#include "fuzz_harness.h"

SHIPSHAPE_FUZZ_INPUT("/etc/prometheus/prometheus.yml")
