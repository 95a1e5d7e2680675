#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds beamcompat and runs `beamcompat check` on the
# bundled example: a job built with Beam 2.56.0 on Python 3.10 whose DoFns were
# pickled by real dill, against the launch and worker package lists captured for it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh > /tmp/beamcompat-setup.log 2>&1 || { cat /tmp/beamcompat-setup.log; exit 1; }
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build build -j"$(nproc)" --target beamcompat testdata_pipelines > /dev/null
cmd=(build/beamcompat check
  --pipeline build/testdata/pipelines/pickles/dill_py310.pb
  --launch testdata/lists/launch_freeze.txt
  --runtime testdata/lists/runtime_freeze.txt)
echo "\$ ${cmd[*]}"
"${cmd[@]}" && code=0 || code=$?
echo "(beamcompat exited $code: 0 clean, 1 findings at or above --fail-on, 2 input error)"
