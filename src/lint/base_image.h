// What a Dockerfile's base image name says about the image: the Python minor of Beam SDK
// images, official `python:3.X-*` images and Dataflow Flex Template launcher bases, and the
// distribution (and so the python3 its apt would install) of Ubuntu, Debian and CUDA bases.
#ifndef BEAMCOMPAT_LINT_BASE_IMAGE_H_
#define BEAMCOMPAT_LINT_BASE_IMAGE_H_

#include <string>
#include <string_view>

#include "facts/image_name.h"

namespace beamcompat {

enum class BaseImageKind {
  kUnknown,
  kBeamSdk,                   // apache/beam_python3.10_sdk and Dataflow's mirrors
  kPython,                    // python:3.11-slim
  kFlexTemplateLauncher,      // gcr.io/dataflow-templates-base/python311-template-launcher-base
  kCuda,                      // nvidia/cuda:12.2.0-runtime-ubuntu22.04
  kDistro,                    // ubuntu:22.04, debian:bookworm-slim
};
const char* BaseImageKindName(BaseImageKind kind);  // "beam-sdk", "python", ...

struct BaseImage {
  ImageName name;
  BaseImageKind kind = BaseImageKind::kUnknown;
  std::string python;         // "3.11" when the name says it; else ""
  std::string distro;         // "ubuntu22.04", "debian12"; "" when unknown
  std::string distro_python;  // the minor `apt-get install python3` gives there ("3.10")
  // True when the image ships its own python with `python` and `venv` (Beam, python:, Flex
  // Template bases); false for bare distributions where apt provides them.
  bool has_python_tools = false;
};

// Never fails: an unrecognised name has kind kUnknown.
BaseImage DescribeBaseImage(std::string_view image);

// "python3.11" (an apt package or a binary) -> "3.11"; "" when the word is something else.
std::string PythonMinorOfPackage(std::string_view word);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_LINT_BASE_IMAGE_H_
