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
