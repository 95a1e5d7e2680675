#!/usr/bin/env bash
# Times `beamcompat facts` on generated pipelines of 2k and 50k transforms with two 150-package
# lists: median wall time over several runs and peak RSS (GNU time's %M), next to the median
# start-up cost of a trivial process on the same machine for scale. When `perf` is installed
# it also prints the median CPU time (task-clock), which stays meaningful on a busy machine
# where wall time mostly measures waiting for a core.
# Usage: bench/run.sh [BUILD_DIR]   (default: build; configured with RelWithDebInfo)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build" --target beamcompat make_bench_inputs >/dev/null
inputs="$build/bench"
mkdir -p "$inputs"
# (re)generate when the generator is newer than its outputs
[ "$inputs/pipeline_50k.pb" -nt "$build/bench/make_bench_inputs" ] ||
  "$build/bench/make_bench_inputs" "$inputs"
bin="$build/beamcompat"

# median of the numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# run_case NAME RUNS COMMAND...: prints "NAME  median ms  peak RSS MiB"
run_case() {
  local name=$1 runs=$2
  shift 2
  "$@" >/dev/null  # warm the page cache
  local times=() rss=()
  for ((i = 0; i < runs; i++)); do
    local start=$EPOCHREALTIME
    "$@" >/dev/null
    local end=$EPOCHREALTIME
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", (e - s) * 1000}')")
    rss+=("$(/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1)")
  done
  local t m cpu=""
  t=$(printf '%s\n' "${times[@]}" | median)
  m=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  if command -v perf >/dev/null; then
    local cpus=()
    for ((i = 0; i < runs; i++)); do
      cpus+=("$(perf stat -x, -e task-clock "$@" 2>&1 >/dev/null | awk -F, '/task-clock/ {print $1}')")
    done
    cpu=$(printf '   cpu %8.2f ms' "$(printf '%s\n' "${cpus[@]}" | median)")
  fi
  printf '%-30s wall %8.2f ms%s   peak RSS %7.1f MiB\n' "$name" "$t" "$cpu" \
    "$(awk -v k="$m" 'BEGIN {print k / 1024}')"
}

for size in 2k 50k; do
  printf '%-30s %s bytes\n' "pipeline_$size.pb" "$(stat -c %s "$inputs/pipeline_$size.pb")"
done
echo "medians; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run_case "process start-up (/bin/true)" 21 /bin/true
run_case "facts 2k transforms" 21 "$bin" facts --pipeline "$inputs/pipeline_2k.pb" \
  --launch "$inputs/launch_150.txt" --runtime "$inputs/runtime_150.txt"
run_case "facts 50k transforms" 11 "$bin" facts --pipeline "$inputs/pipeline_50k.pb" \
  --launch "$inputs/launch_150.txt" --runtime "$inputs/runtime_150.txt"
