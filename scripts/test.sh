#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds beamcompat with warnings as errors and runs every
# test through ctest. BEAMCOMPAT_SANITIZE=1 also builds and tests an ASan+UBSan build.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_COMPILE_WARNING_AS_ERROR=ON
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
if [ "${BEAMCOMPAT_SANITIZE:-0}" = 1 ]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBEAMCOMPAT_SANITIZE=ON \
    -DCMAKE_COMPILE_WARNING_AS_ERROR=ON
  cmake --build build-asan -j"$(nproc)"
  ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
fi
