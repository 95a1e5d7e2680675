#!/usr/bin/env bash
# Payload-reading benchmark: generates the 50k-transform inputs once (realistic: 1 payload in
# 15 distinct; worst case: all distinct), then prints medians of 5 runs and the bz2-only
# baseline. Usage: bench/run_pickle_bench.sh [build dir]   (build with -DCMAKE_BUILD_TYPE=Release)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
OUT=$BUILD/bench/pickle_inputs
if [ ! -f "$OUT/pickles_distinct.b64" ]; then
  /usr/bin/python3 bench/make_pickle_pipelines.py "$OUT"
fi
cmake --build "$BUILD" --target payload_bench
"$BUILD/bench/payload_bench" "$OUT" rules/data 5
