# Shared by the bench/run*.sh scripts (sourced, not run): whole-process timings.
#   median            the median of the numbers on stdin
#   run_sizes BIN COMMAND INPUTS
#                     run_case for `BIN COMMAND` on INPUTS/pipeline_{2k,50k}.pb with the two
#                     150-package lists, reading only (--no-payloads), then with the payloads
#   run_case NAME RUNS COMMAND...
#                     runs COMMAND once to warm the page cache, then RUNS times, and prints
#                     its median wall time, median CPU time (task-clock, when perf is
#                     installed: stays meaningful on a busy machine) and peak RSS.
# Exit codes of COMMAND are ignored (check exits 1 on findings).

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

run_case() {
  local name=$1 runs=$2
  shift 2
  "$@" >/dev/null 2>&1 || true
  local times=() cpus=() rss=0
  for ((i = 0; i < runs; i++)); do
    local start=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 || true
    local end=$EPOCHREALTIME
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", (e - s) * 1000}')")
  done
  if command -v perf >/dev/null; then
    for ((i = 0; i < runs; i++)); do
      cpus+=("$({ perf stat -x, -e task-clock "$@" 2>&1 >/dev/null || true; } |
                awk -F, '/task-clock/ {print $1}')")
    done
  fi
  rss=$({ /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null || true; } | tail -1)
  local cpu=""
  [ ${#cpus[@]} -gt 0 ] && cpu=$(printf '   cpu %8.2f ms' "$(printf '%s\n' "${cpus[@]}" | median)")
  printf '%-44s wall %8.2f ms%s   peak RSS %7.1f MiB\n' "$name" \
    "$(printf '%s\n' "${times[@]}" | median)" "$cpu" "$(awk -v k="$rss" 'BEGIN {print k / 1024}')"
}

run_sizes() {
  local bin=$1 command=$2 inputs=$3
  local lists=(--launch "$inputs/launch_150.txt" --runtime "$inputs/runtime_150.txt")
  local mode size
  for mode in --no-payloads ""; do
    for size in 2k 50k; do
      local runs=21 label="--no-payloads"
      [ "$size" = 50k ] && runs=11
      if [ -z "$mode" ]; then
        label="payloads decoded"
        runs=$((runs / 2))
      fi
      run_case "$command $size transforms, $label" "$runs" \
        "$bin" "$command" --pipeline "$inputs/pipeline_$size.pb" "${lists[@]}" $mode
    done
  done
}
