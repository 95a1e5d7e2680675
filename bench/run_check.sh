#!/usr/bin/env bash
# Times `beamcompat check` on the generated 2k- and 50k-transform pipelines with two
# 150-package lists (inputs from bench/make_bench_inputs): median wall time and, with perf,
# median CPU time (task-clock) of whole runs; then the in-process phases from check_bench
# (rule loading, input reading, evaluation, printing) in CPU time.
# Usage: bench/run_check.sh [BUILD_DIR]   (default: build; configured with RelWithDebInfo)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build" --target beamcompat make_bench_inputs check_bench >/dev/null
inputs="$build/bench"
mkdir -p "$inputs"
[ -f "$inputs/pipeline_50k.pb" ] || "$build/bench/make_bench_inputs" "$inputs"
bin="$build/beamcompat"
lists=(--launch "$inputs/launch_150.txt" --runtime "$inputs/runtime_150.txt")

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# run_case NAME RUNS COMMAND...: prints the median wall (and CPU) time of RUNS runs.
run_case() {
  local name=$1 runs=$2
  shift 2
  "$@" >/dev/null || true  # warm the page cache; findings exit 1
  local times=() cpu=""
  for ((i = 0; i < runs; i++)); do
    local start=$EPOCHREALTIME
    "$@" >/dev/null || true
    local end=$EPOCHREALTIME
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", (e - s) * 1000}')")
  done
  if command -v perf >/dev/null; then
    cpu=$(perf stat -r "$runs" -x, -e task-clock "$@" 2>&1 >/dev/null |
          awk -F, '/task-clock/ {printf "   cpu %8.2f ms", $1}')
  fi
  printf '%-28s wall %8.2f ms%s\n' "$name" "$(printf '%s\n' "${times[@]}" | median)" "$cpu"
}

echo "medians; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run_case "process start-up (/bin/true)" 21 /bin/true
run_case "check 2k transforms" 21 "$bin" check --pipeline "$inputs/pipeline_2k.pb" "${lists[@]}"
run_case "check 50k transforms" 11 "$bin" check --pipeline "$inputs/pipeline_50k.pb" "${lists[@]}"
for size in 2k 50k; do
  "$build/bench/check_bench" rules "$inputs/pipeline_$size.pb" "${lists[@]:1:1}" "${lists[@]:3:1}" 11
done
