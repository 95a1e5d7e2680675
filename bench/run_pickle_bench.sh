#!/usr/bin/env bash
# Payload-reading benchmark on 50k transforms of real dill payloads (bench/
# make_pickle_pipelines.py, generated once): whole-process `check` with two 150-package lists
# on the realistic shape (1 payload in 15 distinct) and the worst case (all distinct), then
# payload_bench's in-process figures and libbz2's own time to decompress the distinct
# payloads, alone, on one thread and per two cores.
# Usage: bench/run_pickle_bench.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build=${1:-build}
out=$build/bench/pickle_inputs
cmake --build "$build" --target beamcompat make_bench_inputs payload_bench >/dev/null
[ -f "$out/pickles_distinct.b64" ] || /usr/bin/python3 bench/make_pickle_pipelines.py "$out"
[ -f "$build/bench/launch_150.txt" ] || "$build/bench/make_bench_inputs" "$build/bench"
bin="$build/beamcompat"
lists=(--launch "$build/bench/launch_150.txt" --runtime "$build/bench/runtime_150.txt")

echo "medians; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run_case "check, 50k real dill payloads, 1 in 15 distinct" 7 \
  "$bin" check --pipeline "$out/pickles_realistic.pb" "${lists[@]}"
run_case "check, 50k real dill payloads, all distinct" 5 \
  "$bin" check --pipeline "$out/pickles_distinct.pb" "${lists[@]}"
"$build/bench/payload_bench" "$out" rules/data 5
