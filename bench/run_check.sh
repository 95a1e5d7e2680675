#!/usr/bin/env bash
# Times `beamcompat check` on the generated 2k- and 50k-transform pipelines with two
# 150-package lists (inputs from bench/make_bench_inputs): median wall and CPU time and peak
# RSS of whole runs, with every rule but the payload ones (--no-payloads) and with all of
# them; then the in-process phases from check_bench (rule loading, input reading,
# evaluation, printing) in CPU time.
# Usage: bench/run_check.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build=${1:-build}
cmake --build "$build" --target beamcompat make_bench_inputs check_bench >/dev/null
inputs="$build/bench"
mkdir -p "$inputs"
[ -f "$inputs/pipeline_50k.pb" ] || "$build/bench/make_bench_inputs" "$inputs"
bin="$build/beamcompat"
lists=(--launch "$inputs/launch_150.txt" --runtime "$inputs/runtime_150.txt")

echo "medians; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run_case "process start-up (/bin/true)" 21 /bin/true
run_sizes "$bin" check "$inputs"
for size in 2k 50k; do
  "$build/bench/check_bench" rules "$inputs/pipeline_$size.pb" "${lists[@]:1:1}" "${lists[@]:3:1}" 11
done
