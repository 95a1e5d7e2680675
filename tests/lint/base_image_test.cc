#include "lint/base_image.h"

#include <doctest/doctest.h>

namespace beamcompat {

TEST_CASE("base image: Python minor and distribution from known names") {
  struct Row {
    const char* image;
    BaseImageKind kind;
    const char* python;
    const char* distro;
    const char* distro_python;
  };
  const Row rows[] = {
      {"apache/beam_python3.10_sdk:2.48.0", BaseImageKind::kBeamSdk, "3.10", "", ""},
      {"gcr.io/cloud-dataflow/v1beta3/beam_python3.11_sdk:2.56.0", BaseImageKind::kBeamSdk,
       "3.11", "", ""},
      {"python:3.11-slim-bookworm", BaseImageKind::kPython, "3.11", "debian12", "3.11"},
      {"docker.io/library/python:3.9.18", BaseImageKind::kPython, "3.9", "", ""},
      {"python:slim", BaseImageKind::kPython, "", "", ""},
      {"gcr.io/dataflow-templates-base/python311-template-launcher-base:latest",
       BaseImageKind::kFlexTemplateLauncher, "3.11", "", ""},
      {"gcr.io/dataflow-templates-base/python3-template-launcher-base",
       BaseImageKind::kFlexTemplateLauncher, "", "", ""},
      {"nvidia/cuda:12.2.0-runtime-ubuntu22.04", BaseImageKind::kCuda, "", "ubuntu22.04", "3.10"},
      {"ubuntu:jammy-20240111", BaseImageKind::kDistro, "", "ubuntu22.04", "3.10"},
      {"debian:bookworm-slim", BaseImageKind::kDistro, "", "debian12", "3.11"},
      {"ubuntu:18.04", BaseImageKind::kDistro, "", "ubuntu18.04", "3.6"},
      {"nvidia/cuda:11.2.2-cudnn8-runtime-ubuntu18.04", BaseImageKind::kCuda, "", "ubuntu18.04",
       "3.6"},
      {"ubuntu", BaseImageKind::kDistro, "", "ubuntu24.04", "3.12"},
      {"us-docker.pkg.dev/p/r/pipeline:1.0", BaseImageKind::kUnknown, "", "", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.image);
    BaseImage base = DescribeBaseImage(row.image);
    CHECK(base.kind == row.kind);
    CHECK(base.python == row.python);
    CHECK(base.distro == row.distro);
    CHECK(base.distro_python == row.distro_python);
  }
}

TEST_CASE("base image: python3.X packages name their minor") {
  CHECK(PythonMinorOfPackage("python3.11") == "3.11");
  CHECK(PythonMinorOfPackage("python3.11-dev") == "3.11");
  CHECK(PythonMinorOfPackage("/usr/bin/python3.9") == "3.9");
  CHECK(PythonMinorOfPackage("python3.11-venv") == "");
  CHECK(PythonMinorOfPackage("python3") == "");
  CHECK(PythonMinorOfPackage("python-is-python3") == "");
}

}  // namespace beamcompat
