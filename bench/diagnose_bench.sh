#!/bin/sh
# Diagnose benchmark: generates a ~200 MB worker log (never committed), then measures the
# peak RSS (/usr/bin/time -f %M) and throughput of `beamcompat diagnose` over it, from a
# file and from standard input. Targets: < 50 MB peak RSS, >= 200 MB/s.
#
# usage: bench/diagnose_bench.sh [BUILD_DIR] [SIZE_MB]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
size=${2:-200}
log=${TMPDIR:-/tmp}/beamcompat_bench_worker.log
[ -f "$log" ] && [ "$(stat -c %s "$log")" -ge $((size * 1024 * 1024)) ] || python3 "$here/gen_worker_log.py" "$log" "$size"
bytes=$(stat -c %s "$log")
cat "$log" > /dev/null  # warm the page cache so the disk is not measured

run() {  # $1: label; the command reads the log as a file or from stdin
  label=$1
  if [ "$label" = file ]; then
    /usr/bin/time -f '%M %e %U %S' -o "$log.time" "$build/beamcompat" diagnose "$log" > "$log.out" || true
  else
    /usr/bin/time -f '%M %e %U %S' -o "$log.time" "$build/beamcompat" diagnose < "$log" > "$log.out" || true
  fi
  # time(1) writes "Command exited with non-zero status 1" first when failures were found.
  set -- $(tail -n 1 "$log.time")
  rss_kb=$1 secs=$2 cpu=$(echo "$3 $4" | awk '{print $1 + $2}')
  awk -v b="$bytes" -v s="$secs" -v c="$cpu" -v r="$rss_kb" -v l="$label" 'BEGIN {
    mb = b / 1048576; wall = (s > 0) ? mb / s : 0; busy = (c > 0) ? mb / c : 0;
    printf "%-5s %6.1f MB: %5.2f s elapsed = %6.1f MB/s; %5.2f s CPU = %6.1f MB/s; peak RSS %5.1f MB [%s]\n",
      l, mb, s, wall, c, busy, r / 1024, (wall >= 200 && r / 1024 < 50) ? "ok" : "misses target" }'
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (elapsed time suffers under load)"
run file
run stdin
tail -n 3 "$log.out"
rm -f "$log.time" "$log.out"
