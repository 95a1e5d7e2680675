#include "lint/base_image.h"

#include <array>
#include <cctype>

namespace beamcompat {
namespace {

struct DistroRelease {
  std::string_view family;
  std::string_view tag;     // as in image tags: "22.04", "jammy", "12", "bookworm"
  std::string_view distro;  // our canonical name
  std::string_view python;  // python3 of that release
};

constexpr std::array<DistroRelease, 16> kReleases = {{
    {"ubuntu", "18.04", "ubuntu18.04", "3.6"},   {"ubuntu", "bionic", "ubuntu18.04", "3.6"},
    {"ubuntu", "20.04", "ubuntu20.04", "3.8"},   {"ubuntu", "focal", "ubuntu20.04", "3.8"},
    {"ubuntu", "22.04", "ubuntu22.04", "3.10"},  {"ubuntu", "jammy", "ubuntu22.04", "3.10"},
    {"ubuntu", "24.04", "ubuntu24.04", "3.12"},  {"ubuntu", "noble", "ubuntu24.04", "3.12"},
    {"debian", "10", "debian10", "3.7"},         {"debian", "buster", "debian10", "3.7"},
    {"debian", "11", "debian11", "3.9"},         {"debian", "bullseye", "debian11", "3.9"},
    {"debian", "12", "debian12", "3.11"},        {"debian", "bookworm", "debian12", "3.11"},
    {"debian", "13", "debian13", "3.13"},        {"debian", "trixie", "debian13", "3.13"},
}};

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::string_view LastPathPart(std::string_view repository) {
  size_t slash = repository.rfind('/');
  return slash == std::string_view::npos ? repository : repository.substr(slash + 1);
}

// "3.11" from "3.11", "3.11.4", "3.11-slim"; "" when the text does not start with 3.X.
std::string LeadingMinor(std::string_view text) {
  if (text.size() < 3 || text[0] != '3' || text[1] != '.') return "";
  size_t end = 2;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
  return end == 2 ? "" : std::string(text.substr(0, end));
}

bool IsCodename(std::string_view tag) {
  return !tag.empty() && !std::isdigit(static_cast<unsigned char>(tag[0]));
}

// A distribution image's own tag starts with the release: "22.04", "jammy-20240101",
// "bookworm-slim", "12.5".
void FindDistroOwnTag(std::string_view family, std::string_view tag, BaseImage* out) {
  for (const DistroRelease& release : kReleases) {
    if (release.family == family && tag.substr(0, release.tag.size()) == release.tag) {
      out->distro = std::string(release.distro);
      out->distro_python = std::string(release.python);
      return;
    }
  }
}

// Another image's tag names the release inside: "12.2.0-runtime-ubuntu22.04",
// "3.11-slim-bookworm".
void FindDistroInTag(std::string_view tag, BaseImage* out) {
  for (const DistroRelease& release : kReleases) {
    std::string full = std::string(release.family) + std::string(release.tag);
    if (Contains(tag, full) || (IsCodename(release.tag) && Contains(tag, release.tag))) {
      out->distro = std::string(release.distro);
      out->distro_python = std::string(release.python);
      return;
    }
  }
}

// python311-template-launcher-base -> 3.11
std::string FlexTemplatePython(std::string_view last) {
  std::string_view digits = last.substr(6, last.find('-') - 6);
  if (digits.size() < 2 || digits[0] != '3') return "";
  for (char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return "";
  }
  return "3." + std::string(digits.substr(1));
}

}  // namespace

const char* BaseImageKindName(BaseImageKind kind) {
  switch (kind) {
    case BaseImageKind::kUnknown:
      return "unknown";
    case BaseImageKind::kBeamSdk:
      return "beam-sdk";
    case BaseImageKind::kPython:
      return "python";
    case BaseImageKind::kFlexTemplateLauncher:
      return "flex-template-launcher";
    case BaseImageKind::kCuda:
      return "cuda";
    case BaseImageKind::kDistro:
      return "distro";
  }
  return "unknown";
}

BaseImage DescribeBaseImage(std::string_view image) {
  BaseImage out;
  out.name = ParseImageName(image);
  std::string_view repository = out.name.repository;
  std::string_view last = LastPathPart(repository);
  std::string_view tag = out.name.tag;
  if (out.name.is_beam_sdk) {
    out.kind = BaseImageKind::kBeamSdk;
    out.python = out.name.python;
    out.has_python_tools = true;
  } else if (repository == "python" || repository == "library/python") {
    out.kind = BaseImageKind::kPython;
    out.python = LeadingMinor(tag);
    out.has_python_tools = true;
    FindDistroInTag(tag, &out);
  } else if (last.substr(0, 6) == "python" && Contains(last, "template-launcher-base")) {
    out.kind = BaseImageKind::kFlexTemplateLauncher;
    out.python = FlexTemplatePython(last);
    out.has_python_tools = true;
  } else if (repository == "nvidia/cuda" || Contains(repository, "nvidia/cuda")) {
    out.kind = BaseImageKind::kCuda;
    FindDistroInTag(tag, &out);
  } else if (last == "ubuntu" || last == "debian") {
    out.kind = BaseImageKind::kDistro;
    FindDistroOwnTag(last, tag.empty() || tag == "latest" ? (last == "ubuntu" ? "24.04" : "12") : tag, &out);
  }
  return out;
}

std::string PythonMinorOfPackage(std::string_view word) {
  std::string_view base = word.substr(word.rfind('/') == std::string_view::npos
                                          ? 0
                                          : word.rfind('/') + 1);
  if (base.substr(0, 6) != "python") return "";
  std::string minor = LeadingMinor(base.substr(6));
  if (minor.empty()) return "";
  std::string_view rest = base.substr(6 + minor.size());
  return rest.empty() || rest == "-dev" || rest == "-full" ? minor : "";
}

}  // namespace beamcompat
