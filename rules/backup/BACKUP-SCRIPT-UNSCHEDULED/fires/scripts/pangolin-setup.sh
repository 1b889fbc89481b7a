#!/bin/bash
set -e
curl -fsS -X POST http://localhost:4000/api/pangolin/setup-automated -H "Content-Type: application/json"
