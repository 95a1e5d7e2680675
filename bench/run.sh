#!/usr/bin/env bash
# Times `beamcompat facts` on generated pipelines of 2k and 50k transforms (bench/
# make_bench_inputs: 45% of the transforms carry a ~2 KB base64(bz2(pickle)) payload, every
# one distinct) with two 150-package lists: median wall and CPU time and peak RSS of whole
# runs, reading only (--no-payloads) and with the payloads decoded, next to a trivial
# process for scale.
# Usage: bench/run.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build=${1:-build}
cmake --build "$build" --target beamcompat make_bench_inputs >/dev/null
inputs="$build/bench"
mkdir -p "$inputs"
# (re)generate when the generator is newer than its outputs
[ "$inputs/pipeline_50k.pb" -nt "$build/bench/make_bench_inputs" ] ||
  "$build/bench/make_bench_inputs" "$inputs"
bin="$build/beamcompat"

for size in 2k 50k; do
  printf '%-44s %s bytes\n' "pipeline_$size.pb" "$(stat -c %s "$inputs/pipeline_$size.pb")"
done
echo "medians; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run_case "process start-up (/bin/true)" 21 /bin/true
run_sizes "$bin" facts "$inputs"
