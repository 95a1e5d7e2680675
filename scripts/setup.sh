#!/usr/bin/env bash
# Installs what building and testing beamcompat needs on Debian 12 (run as root).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
# The build and test dependencies, one Debian package a line (pre-commit and git run the
# repository's pre-commit hook in a test).
xargs -a "$(dirname "$0")/debian-packages.txt" apt-get install -y --no-install-recommends
# SARIF output is validated by Microsoft's SARIF Multitool (from npm, a self-contained
# binary) in the CTest test sarif/multitool_validate; CMake finds it under .tools/sarif.
if ! command -v npm >/dev/null; then
  apt-get install -y --no-install-recommends nodejs npm
fi
tools_dir="$(cd "$(dirname "$0")/.." && pwd)/.tools/sarif"
npm install --no-audit --no-fund --prefix "$tools_dir" @microsoft/sarif-multitool-linux@5.7.0
chmod u+x "$tools_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
