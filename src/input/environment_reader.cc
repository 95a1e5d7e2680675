#include "input/environment_reader.h"

#include <google/protobuf/stubs/logging.h>

#include "base/message.h"
#include "beam_runner_api.pb.h"
#include "facts/image_name.h"
#include "input/wire_diagnosis.h"

namespace beamcompat {
namespace {

namespace pb = org::apache::beam::model::pipeline::v1;

constexpr std::string_view kSdkBasePrefix = "beam:version:sdk_base:";
constexpr std::string_view kDockerUrn = "beam:env:docker:v1";
constexpr std::string_view kAnyOfUrn = "beam:env:anyof:v1";
constexpr std::string_view kFileType = "beam:artifact:type:file:v1";
constexpr std::string_view kUrlType = "beam:artifact:type:url:v1";
constexpr std::string_view kPyPIType = "beam:artifact:type:pypi:v1";
constexpr std::string_view kStagingToRole = "beam:artifact:role:staging_to:v1";

// Parses a message nested in a `bytes` field; on failure warns with the path where it breaks.
template <class T>
bool ParseNested(const std::string& bytes, const std::string& file, const std::string& path,
                 T* message, Messages* messages) {
  google::protobuf::LogSilencer silence;  // protobuf logs bad UTF-8; we report it ourselves
  if (message->ParseFromString(bytes)) return true;
  std::optional<WireProblem> problem = FindWireProblem(*T::descriptor(), bytes);
  std::string where = path;
  std::string text = "not a valid " + T::descriptor()->name();
  if (problem) {
    if (!problem->path.empty()) where += "." + problem->path;
    text = problem->text;
  }
  messages->Warning(AtPath(file, where), "cannot read " + T::descriptor()->name() + ": " + text);
  return false;
}

// "apache/beam_python3.10_sdk" -> "3.10"; "" for any other SDK image.
std::string PythonOfSdkImage(std::string_view image) {
  constexpr std::string_view kPrefix = "apache/beam_python";
  constexpr std::string_view kSuffix = "_sdk";
  if (image.size() <= kPrefix.size() + kSuffix.size() || image.substr(0, kPrefix.size()) != kPrefix ||
      image.substr(image.size() - kSuffix.size()) != kSuffix) {
    return "";
  }
  std::string_view version =
      image.substr(kPrefix.size(), image.size() - kPrefix.size() - kSuffix.size());
  size_t dot = version.find('.');
  auto digits = [](std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (dot == std::string_view::npos || !digits(version.substr(0, dot)) ||
      !digits(version.substr(dot + 1))) {
    return "";
  }
  return std::string(version);
}

void ReadCapabilities(const std::string& file, const pb::Environment& env,
                      PipelineEnvironment* out, Messages* messages) {
  out->capabilities.assign(env.capabilities().begin(), env.capabilities().end());
  for (int i = 0; i < env.capabilities_size(); ++i) {
    const std::string& capability = env.capabilities(i);
    if (capability.compare(0, kSdkBasePrefix.size(), kSdkBasePrefix) != 0) continue;
    std::string path = out->proto_path + ".capabilities[" + std::to_string(i) + "]";
    std::optional<SdkBase> sdk_base = ParseSdkBase(capability);
    if (!sdk_base) {
      messages->Warning(AtPath(file, path), "sdk_base capability '" + capability +
                                                "' has no version; expected "
                                                "'beam:version:sdk_base:<image>:<version>'");
      continue;
    }
    sdk_base->proto_path = std::move(path);
    out->is_python = !sdk_base->python.empty();
    out->sdk_base = std::move(sdk_base);
  }
}

void ReadArtifactLocation(const std::string& file, const pb::ArtifactInformation& info,
                          const std::string& path, StagedArtifact* artifact, Messages* messages) {
  if (info.type_urn() == kFileType) {
    pb::ArtifactFilePayload payload;
    if (ParseNested(info.type_payload(), file, path + ".type_payload", &payload, messages)) {
      artifact->location = payload.path();
      artifact->sha256 = payload.sha256();
    }
  } else if (info.type_urn() == kUrlType) {
    pb::ArtifactUrlPayload payload;
    if (ParseNested(info.type_payload(), file, path + ".type_payload", &payload, messages)) {
      artifact->location = payload.url();
      artifact->sha256 = payload.sha256();
    }
  } else if (info.type_urn() == kPyPIType) {
    pb::PyPIPayload payload;
    if (ParseNested(info.type_payload(), file, path + ".type_payload", &payload, messages)) {
      artifact->location = "pypi:" + payload.artifact_id() +
                           (payload.version().empty() ? "" : "==" + payload.version());
    }
  }
}

void ReadArtifacts(const std::string& file, const pb::Environment& env, PipelineEnvironment* out,
                   Messages* messages) {
  for (int i = 0; i < env.dependencies_size(); ++i) {
    const pb::ArtifactInformation& info = env.dependencies(i);
    StagedArtifact artifact;
    artifact.proto_path = out->proto_path + ".dependencies[" + std::to_string(i) + "]";
    artifact.type_urn = info.type_urn();
    artifact.role_urn = info.role_urn();
    if (info.role_urn() == kStagingToRole) {
      pb::ArtifactStagingToRolePayload role;
      if (ParseNested(info.role_payload(), file, artifact.proto_path + ".role_payload", &role,
                      messages)) {
        artifact.staged_name = role.staged_name();
      }
    }
    ReadArtifactLocation(file, info, artifact.proto_path, &artifact, messages);
    out->artifacts.push_back(std::move(artifact));
  }
}

void ReadAlternatives(const std::string& file, const pb::Environment& env,
                      const PipelineEnvironment& parent, std::vector<PipelineEnvironment>* out,
                      Messages* messages) {
  pb::AnyOfEnvironmentPayload payload;
  if (!ParseNested(env.payload(), file, parent.proto_path + ".payload", &payload, messages)) return;
  for (int i = 0; i < payload.environments_size(); ++i) {
    std::string suffix = "[" + std::to_string(i) + "]";
    std::vector<PipelineEnvironment> alternative =
        ReadEnvironment(file, parent.id + "/anyof" + suffix, payload.environments(i),
                        parent.proto_path + ".payload.environments" + suffix, messages);
    for (PipelineEnvironment& e : alternative) {
      if (e.anyof_parent.empty()) e.anyof_parent = parent.id;
      out->push_back(std::move(e));
    }
  }
}

}  // namespace

std::optional<SdkBase> ParseSdkBase(std::string_view capability) {
  if (capability.substr(0, kSdkBasePrefix.size()) != kSdkBasePrefix) return std::nullopt;
  std::string_view rest = capability.substr(kSdkBasePrefix.size());
  size_t colon = rest.rfind(':');
  if (colon == std::string_view::npos || colon + 1 == rest.size()) return std::nullopt;
  SdkBase sdk_base;
  sdk_base.capability = std::string(capability);
  sdk_base.python = PythonOfSdkImage(rest.substr(0, colon));
  sdk_base.beam_version = std::string(rest.substr(colon + 1));
  return sdk_base;
}

std::vector<PipelineEnvironment> ReadEnvironment(const std::string& file, const std::string& id,
                                                 const pb::Environment& env,
                                                 const std::string& proto_path,
                                                 Messages* messages) {
  std::vector<PipelineEnvironment> result(1);
  PipelineEnvironment& out = result.front();
  out.id = id;
  out.urn = env.urn();
  out.proto_path = proto_path;
  if (env.urn() == kDockerUrn) {
    pb::DockerPayload docker;
    if (ParseNested(env.payload(), file, proto_path + ".payload", &docker, messages) &&
        !docker.container_image().empty()) {
      out.image = ParseImageName(docker.container_image());
    }
  }
  ReadCapabilities(file, env, &out, messages);
  ReadArtifacts(file, env, &out, messages);
  if (env.urn() == kAnyOfUrn) {
    PipelineEnvironment parent = out;  // `result` grows below
    ReadAlternatives(file, env, parent, &result, messages);
  }
  return result;
}

}  // namespace beamcompat
