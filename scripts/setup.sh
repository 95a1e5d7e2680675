#!/usr/bin/env bash
# Installs what building and testing beamcompat needs on Debian 12 (run as root).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends \
  build-essential cmake ninja-build pkg-config clang \
  libboost-program-options-dev libtomlplusplus-dev libyaml-cpp-dev libre2-dev \
  libprotobuf-dev protobuf-compiler doctest-dev libbz2-dev zlib1g-dev \
  nlohmann-json3-dev libfmt-dev

# lint's distribution tests: Debian's pre-commit runs the repository's hook on a sample repo
# (tests/precommit_hook.cmake); git is what pre-commit drives.
apt-get install -y --no-install-recommends pre-commit git
# SARIF output is validated by Microsoft's SARIF Multitool (from npm, a self-contained
# binary) in the CTest test sarif/multitool_validate; CMake finds it under .tools/sarif.
if ! command -v npm >/dev/null; then
  apt-get install -y --no-install-recommends nodejs npm
fi
tools_dir="$(cd "$(dirname "$0")/.." && pwd)/.tools/sarif"
npm install --no-audit --no-fund --prefix "$tools_dir" @microsoft/sarif-multitool-linux@5.7.0
chmod u+x "$tools_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
