#include "facts/image_name.h"

#include <cctype>

namespace beamcompat {
namespace {

// Registries whose images are Docker Hub's ("apache/..." with no registry).
bool IsDockerHub(std::string_view registry) {
  return registry.empty() || registry == "docker.io" || registry == "index.docker.io" ||
         registry == "registry-1.docker.io";
}

// The first path component names a registry when it looks like a host: it has a '.' or a
// ':' (port), or is "localhost" (Docker's own rule).
bool LooksLikeRegistry(std::string_view component) {
  return component.find_first_of(".:") != std::string_view::npos || component == "localhost";
}

bool IsDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "beam_python3.10_sdk" -> "3.10"; "" when the name is not a Beam Python SDK image.
std::string PythonOfSdkRepository(std::string_view last_component) {
  constexpr std::string_view kPrefix = "beam_python";
  constexpr std::string_view kSuffix = "_sdk";
  if (last_component.size() <= kPrefix.size() + kSuffix.size() ||
      last_component.substr(0, kPrefix.size()) != kPrefix ||
      last_component.substr(last_component.size() - kSuffix.size()) != kSuffix) {
    return "";
  }
  std::string_view version = last_component.substr(
      kPrefix.size(), last_component.size() - kPrefix.size() - kSuffix.size());
  size_t dot = version.find('.');
  if (dot == std::string_view::npos || !IsDigits(version.substr(0, dot)) ||
      !IsDigits(version.substr(dot + 1))) {
    return "";
  }
  return std::string(version);
}

// Where Beam and Dataflow publish the Python SDK images (beam.md §4.1).
bool IsBeamPublisher(std::string_view registry, std::string_view owner) {
  if (IsDockerHub(registry)) return owner == "apache";
  if (registry == "gcr.io") return owner == "cloud-dataflow/v1beta3";
  if (registry == "dataflow.gcr.io") return owner == "v1beta3";
  return false;
}

// A release-like tag: "2.48.0", "2.50.0rc1", "2.61.0.dev0" (digits first, a dotted release).
bool IsVersionTag(std::string_view tag) {
  size_t release_end = tag.find_first_not_of("0123456789.");
  std::string_view release = tag.substr(0, release_end);
  while (!release.empty() && release.back() == '.') release.remove_suffix(1);
  if (release.empty() || release.front() == '.' || release.find('.') == std::string_view::npos) {
    return false;
  }
  for (char c : tag.substr(release.size())) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') {
      return false;
    }
  }
  return true;
}

bool IsDevTag(std::string_view tag) {
  constexpr std::string_view kMaster = "beam-master-";
  if (tag.substr(0, kMaster.size()) == kMaster) return true;
  return tag.find(".dev") != std::string_view::npos ||
         tag.find("SNAPSHOT") != std::string_view::npos;
}

// Splits "registry/path/name:tag@digest" into its parts.
void SplitReference(std::string_view image, ImageName* name) {
  size_t at = image.find('@');
  if (at != std::string_view::npos) {
    name->digest = std::string(image.substr(at + 1));
    image = image.substr(0, at);
  }
  size_t last_slash = image.rfind('/');
  size_t colon = image.rfind(':');
  if (colon != std::string_view::npos && (last_slash == std::string_view::npos || colon > last_slash)) {
    name->tag = std::string(image.substr(colon + 1));
    image = image.substr(0, colon);
  }
  size_t first_slash = image.find('/');
  if (first_slash != std::string_view::npos && LooksLikeRegistry(image.substr(0, first_slash))) {
    name->registry = std::string(image.substr(0, first_slash));
    image = image.substr(first_slash + 1);
  }
  name->repository = std::string(image);
}

}  // namespace

ImageName ParseImageName(std::string_view image) {
  ImageName name;
  name.raw = std::string(image);
  SplitReference(image, &name);
  name.is_floating_tag = name.digest.empty() && (name.tag.empty() || name.tag == "latest");
  name.is_dev_tag = IsDevTag(name.tag);

  std::string_view repository = name.repository;
  size_t slash = repository.rfind('/');
  std::string_view last = slash == std::string_view::npos ? repository : repository.substr(slash + 1);
  std::string_view owner =
      slash == std::string_view::npos ? std::string_view() : repository.substr(0, slash);
  std::string python = PythonOfSdkRepository(last);
  if (!python.empty() && IsBeamPublisher(name.registry, owner)) {
    name.is_beam_sdk = true;
    name.python = std::move(python);
    if (IsVersionTag(name.tag)) name.beam_version = name.tag;
  }
  return name;
}

}  // namespace beamcompat
