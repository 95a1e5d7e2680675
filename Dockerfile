# The image behind the `beamcompat-lint-docker` pre-commit hook (.pre-commit-hooks.yaml):
# pre-commit builds it from a clean clone, mounts the repository at /src and runs
# `beamcompat lint` there. Stage 1 builds with CMake; stage 2 keeps the binary, the shipped
# rules and the shared libraries it links.
FROM debian:bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       build-essential cmake ninja-build pkg-config \
       libboost-program-options-dev libtomlplusplus-dev libyaml-cpp-dev libre2-dev \
       libprotobuf-dev protobuf-compiler libbz2-dev zlib1g-dev nlohmann-json3-dev libfmt-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /beamcompat
COPY CMakeLists.txt ./
COPY bench/ bench/
COPY proto/ proto/
COPY rules/ rules/
COPY src/ src/
COPY doc/ doc/
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBEAMCOMPAT_TESTS=OFF \
       -DCMAKE_INSTALL_PREFIX=/opt/beamcompat \
    && cmake --build build --target beamcompat \
    && cmake --install build

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       libboost-program-options1.74.0 libyaml-cpp0.7 libre2-9 libprotobuf32 libfmt9 \
       libtomlplusplus3 libbz2-1.0 zlib1g \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/beamcompat /opt/beamcompat
ENV PATH=/opt/beamcompat/bin:$PATH
WORKDIR /src
ENTRYPOINT ["beamcompat"]
