#!/bin/sh
# Rewrites the expected output of the golden cases testdata/cases/diagnose_* from the current
# build (build/beamcompat). Review the diff before committing: the cases are the spec.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
bin=${BIN:-$src/build/beamcompat}
gen=${GEN:-$src/build/testdata}
for case in "$src"/testdata/cases/diagnose_*; do
  set --
  while IFS= read -r arg; do
    [ -n "$arg" ] || continue
    arg=$(printf '%s' "$arg" | sed "s#@SRC@#$src#g; s#@GEN@#$gen#g; s#@CASE@#$case#g")
    set -- "$@" "$arg"
  done < "$case/cmd"
  rc=0
  if [ -f "$case/stdin" ]; then
    (cd "$case" && NO_COLOR=1 "$bin" "$@" < stdin > out.tmp 2> err.tmp) || rc=$?
  else
    (cd "$case" && NO_COLOR=1 "$bin" "$@" > out.tmp 2> err.tmp) || rc=$?
  fi
  sed "s#$gen#@GEN@#g; s#$src#@SRC@#g" "$case/out.tmp" > "$case/expected"
  if [ -s "$case/err.tmp" ]; then
    sed "s#$gen#@GEN@#g; s#$src#@SRC@#g" "$case/err.tmp" > "$case/expected_stderr"
  else
    rm -f "$case/expected_stderr"
  fi
  if [ "$rc" -ne 0 ]; then echo "$rc" > "$case/exit_code"; else rm -f "$case/exit_code"; fi
  rm -f "$case/out.tmp" "$case/err.tmp"
done
