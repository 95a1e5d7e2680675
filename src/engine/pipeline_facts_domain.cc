// Facts read from pipeline.pb: `pipeline.*` and the collections `environments` (Python
// environments: image, sdk_base capability, staged files), `artifacts` (files staged for
// Python environments, with wheel tags when the file is a wheel) and `transforms`.
#include <string>

#include "engine/fact_schema.h"
#include "facts/fact_set.h"
#include "facts/wheel_tags.h"

namespace beamcompat {
namespace {

constexpr const char* kPipelineMissing = "no pipeline given";
constexpr const char* kPipelineSupply = "give --pipeline or --staging";
constexpr std::string_view kRequirementsName = "requirements.txt";
constexpr std::string_view kPipRequirementsRole = "beam:artifact:role:pip_requirements_file:v1";

bool HasPipeline(const FactSet& facts) { return facts.pipeline.has_value(); }

SourceLocation At(const FactSet& facts, const std::string& path) {
  return AtPath(facts.pipeline->file, path);
}

// --- pipeline.* ------------------------------------------------------------------------

Value PipelineFile(const FactSet& facts) {
  return facts.pipeline ? Value::String(facts.pipeline->file) : Value();
}

Value PipelineFormat(const FactSet& facts) {
  return facts.pipeline ? Value::String(facts.pipeline->format) : Value();
}

Value PythonEnvironmentCount(const FactSet& facts) {
  if (!facts.pipeline) return Value();
  int64_t count = 0;
  for (const PipelineEnvironment& env : facts.pipeline->environments) count += env.is_python;
  return Value::Int(count);
}

Value TransformCount(const FactSet& facts) {
  if (!facts.pipeline) return Value();
  return Value::Int(static_cast<int64_t>(facts.pipeline->transforms.size()));
}

Value Requirements(const FactSet& facts) {
  return facts.pipeline ? Value::List(facts.pipeline->requirements) : Value();
}

SourceLocation PipelineWhere(const FactSet& facts) {
  return facts.pipeline ? AtLine(facts.pipeline->file, 0) : SourceLocation();
}

const ScopeFact kPipelineScope[] = {
    {"pipeline.file", ValueKind::kString, "the pipeline file", kPipelineMissing,
     kPipelineSupply, &PipelineFile, &PipelineWhere},
    {"pipeline.format", ValueKind::kString, "binary, text or json", kPipelineMissing,
     kPipelineSupply, &PipelineFormat, &PipelineWhere},
    {"pipeline.python_environment_count", ValueKind::kInt, "number of Python environments",
     kPipelineMissing, kPipelineSupply, &PythonEnvironmentCount, &PipelineWhere},
    {"pipeline.transform_count", ValueKind::kInt, "number of transforms", kPipelineMissing,
     kPipelineSupply, &TransformCount, &PipelineWhere},
    {"pipeline.requirements", ValueKind::kList, "Pipeline.requirements URNs", kPipelineMissing,
     kPipelineSupply, &Requirements, &PipelineWhere},
};

// --- environments ----------------------------------------------------------------------

const PipelineEnvironment& Env(const ItemRef& item) {
  return *static_cast<const PipelineEnvironment*>(item.primary);
}

void EnumerateEnvironments(const FactSet& facts, std::vector<ItemRef>* items) {
  for (const PipelineEnvironment& env : facts.pipeline->environments) {
    if (env.is_python) items->push_back({&env, nullptr});
  }
}

SourceLocation EnvWhere(const FactSet& facts, const ItemRef& item) {
  return At(facts, Env(item).proto_path);
}

SourceLocation SdkBaseWhere(const FactSet& facts, const ItemRef& item) {
  const auto& sdk = Env(item).sdk_base;
  return At(facts, sdk ? sdk->proto_path : Env(item).proto_path);
}

const StagedArtifact* RequirementsArtifact(const PipelineEnvironment& env) {
  for (const StagedArtifact& artifact : env.artifacts) {
    if (artifact.staged_name == kRequirementsName || artifact.role_urn == kPipRequirementsRole) {
      return &artifact;
    }
  }
  return nullptr;
}

Value EnvId(const FactSet&, const ItemRef& item) { return Value::String(Env(item).id); }
Value EnvUrn(const FactSet&, const ItemRef& item) { return Value::String(Env(item).urn); }

template <Value (*Part)(const ImageName&)>
Value EnvImagePart(const FactSet&, const ItemRef& item) {
  const auto& image = Env(item).image;
  return image ? Part(*image) : Value();
}

Value Raw(const ImageName& image) { return Value::StringOrAbsent(image.raw); }
Value Tag(const ImageName& image) { return Value::StringOrAbsent(image.tag); }
Value Python(const ImageName& image) { return Value::VersionOrAbsent(image.python); }
Value Beam(const ImageName& image) { return Value::VersionOrAbsent(image.beam_version); }
Value IsBeamSdk(const ImageName& image) { return Value::Bool(image.is_beam_sdk); }
Value IsDevTag(const ImageName& image) { return Value::Bool(image.is_dev_tag); }
Value IsFloating(const ImageName& image) { return Value::Bool(image.is_floating_tag); }

Value SdkBaseText(const FactSet&, const ItemRef& item) {
  const auto& sdk = Env(item).sdk_base;
  return sdk ? Value::String(sdk->capability) : Value();
}

Value SdkPython(const FactSet&, const ItemRef& item) {
  const auto& sdk = Env(item).sdk_base;
  return sdk ? Value::VersionOrAbsent(sdk->python) : Value();
}

Value SdkBeam(const FactSet&, const ItemRef& item) {
  const auto& sdk = Env(item).sdk_base;
  return sdk ? Value::VersionOrAbsent(sdk->beam_version) : Value();
}

Value RequirementsFile(const FactSet&, const ItemRef& item) {
  const StagedArtifact* artifact = RequirementsArtifact(Env(item));
  return artifact ? Value::String(artifact->staged_name) : Value();
}

SourceLocation RequirementsWhere(const FactSet& facts, const ItemRef& item) {
  const StagedArtifact* artifact = RequirementsArtifact(Env(item));
  return At(facts, artifact ? artifact->proto_path : Env(item).proto_path);
}

Value ArtifactNames(const FactSet&, const ItemRef& item) {
  std::vector<std::string> names;
  for (const StagedArtifact& artifact : Env(item).artifacts) names.push_back(artifact.staged_name);
  return Value::List(std::move(names));
}

const ItemField kEnvironmentFields[] = {
    {"id", ValueKind::kString, "environment id", &EnvId, &EnvWhere},
    {"urn", ValueKind::kString, "environment URN (beam:env:docker:v1, ...)", &EnvUrn, &EnvWhere},
    {"image", ValueKind::kString, "Docker image of the environment", &EnvImagePart<&Raw>,
     &EnvWhere},
    {"image.tag", ValueKind::kString, "image tag", &EnvImagePart<&Tag>, &EnvWhere},
    {"image.python", ValueKind::kVersion, "Python minor a Beam SDK image implies",
     &EnvImagePart<&Python>, &EnvWhere},
    {"image.beam_version", ValueKind::kVersion, "Beam version a Beam SDK image tag implies",
     &EnvImagePart<&Beam>, &EnvWhere},
    {"image.is_beam_sdk", ValueKind::kBool, "a Beam-published Python SDK image",
     &EnvImagePart<&IsBeamSdk>, &EnvWhere},
    {"image.is_dev_tag", ValueKind::kBool, "a dev tag (beam-master-YYYYMMDD)",
     &EnvImagePart<&IsDevTag>, &EnvWhere},
    {"image.is_floating_tag", ValueKind::kBool, "no tag, or 'latest'",
     &EnvImagePart<&IsFloating>, &EnvWhere},
    {"sdk_base", ValueKind::kString, "the sdk_base capability", &SdkBaseText, &SdkBaseWhere},
    {"sdk_python", ValueKind::kVersion, "launch Python minor, from sdk_base", &SdkPython,
     &SdkBaseWhere},
    {"sdk_beam_version", ValueKind::kVersion, "launch Beam version, from sdk_base", &SdkBeam,
     &SdkBaseWhere},
    {"requirements_file", ValueKind::kString, "staged name of a staged requirements file",
     &RequirementsFile, &RequirementsWhere},
    {"artifact_names", ValueKind::kList, "staged names of every staged file", &ArtifactNames,
     &EnvWhere},
};

// --- artifacts -------------------------------------------------------------------------

const StagedArtifact& Artifact(const ItemRef& item) {
  return *static_cast<const StagedArtifact*>(item.primary);
}

void EnumerateArtifacts(const FactSet& facts, std::vector<ItemRef>* items) {
  for (const PipelineEnvironment& env : facts.pipeline->environments) {
    if (!env.is_python) continue;
    for (const StagedArtifact& artifact : env.artifacts) items->push_back({&artifact, &env});
  }
}

SourceLocation ArtifactWhere(const FactSet& facts, const ItemRef& item) {
  return At(facts, Artifact(item).proto_path);
}

Value StagedName(const FactSet&, const ItemRef& item) {
  return Value::String(Artifact(item).staged_name);
}
Value TypeUrn(const FactSet&, const ItemRef& item) {
  return Value::String(Artifact(item).type_urn);
}
Value RoleUrn(const FactSet&, const ItemRef& item) {
  return Value::String(Artifact(item).role_urn);
}
Value ArtifactLocation(const FactSet&, const ItemRef& item) {
  return Value::StringOrAbsent(Artifact(item).location);
}
Value ArtifactEnvironment(const FactSet&, const ItemRef& item) {
  return Value::String(static_cast<const PipelineEnvironment*>(item.secondary)->id);
}
Value IsWheel(const FactSet&, const ItemRef& item) {
  return Value::Bool(ParseWheelFileName(Artifact(item).staged_name).has_value());
}

template <Value (*Part)(const WheelTags&)>
Value WheelPart(const FactSet&, const ItemRef& item) {
  std::optional<WheelTags> wheel = ParseWheelFileName(Artifact(item).staged_name);
  return wheel ? Part(*wheel) : Value();
}

Value WheelDistribution(const WheelTags& w) { return Value::String(w.distribution); }
Value WheelVersion(const WheelTags& w) { return Value::VersionText(w.version); }
Value WheelPythonTags(const WheelTags& w) { return Value::List(w.python_tags); }
Value WheelAbiTags(const WheelTags& w) { return Value::List(w.abi_tags); }
Value WheelPlatformTags(const WheelTags& w) { return Value::List(w.platform_tags); }
Value WheelAbi3Min(const WheelTags& w) { return Value::VersionOrAbsent(w.abi3_min_python); }

const ItemField kArtifactFields[] = {
    {"staged_name", ValueKind::kString, "the name the worker sees", &StagedName, &ArtifactWhere},
    {"type_urn", ValueKind::kString, "artifact type URN", &TypeUrn, &ArtifactWhere},
    {"role_urn", ValueKind::kString, "artifact role URN", &RoleUrn, &ArtifactWhere},
    {"location", ValueKind::kString, "file path or URL (informative)", &ArtifactLocation,
     &ArtifactWhere},
    {"environment_id", ValueKind::kString, "the environment staging it", &ArtifactEnvironment,
     &ArtifactWhere},
    {"is_wheel", ValueKind::kBool, "the staged name is a wheel file name", &IsWheel,
     &ArtifactWhere},
    {"wheel.distribution", ValueKind::kString, "wheel distribution name",
     &WheelPart<&WheelDistribution>, &ArtifactWhere},
    {"wheel.version", ValueKind::kVersion, "wheel version", &WheelPart<&WheelVersion>,
     &ArtifactWhere},
    {"wheel.python_tags", ValueKind::kList, "PEP 425 Python tags (cp310, py3)",
     &WheelPart<&WheelPythonTags>, &ArtifactWhere},
    {"wheel.abi_tags", ValueKind::kList, "PEP 425 ABI tags (cp310, abi3, none)",
     &WheelPart<&WheelAbiTags>, &ArtifactWhere},
    {"wheel.platform_tags", ValueKind::kList, "PEP 425 platform tags",
     &WheelPart<&WheelPlatformTags>, &ArtifactWhere},
    {"wheel.abi3_min_python", ValueKind::kVersion, "lowest CPython of an abi3 wheel",
     &WheelPart<&WheelAbi3Min>, &ArtifactWhere},
};

// --- transforms ------------------------------------------------------------------------

const TransformFacts& Transform(const ItemRef& item) {
  return *static_cast<const TransformFacts*>(item.primary);
}

void EnumerateTransforms(const FactSet& facts, std::vector<ItemRef>* items) {
  items->reserve(items->size() + facts.pipeline->transforms.size());
  for (const TransformFacts& transform : facts.pipeline->transforms) {
    items->push_back({&transform, nullptr});
  }
}

SourceLocation TransformWhere(const FactSet& facts, const ItemRef& item) {
  return At(facts, Transform(item).proto_path());
}

Value TransformId(const FactSet&, const ItemRef& item) {
  return Value::String(std::string(Transform(item).id));
}
Value TransformName(const FactSet&, const ItemRef& item) {
  return Value::String(std::string(Transform(item).unique_name));
}
Value TransformUrn(const FactSet&, const ItemRef& item) {
  return Value::StringOrAbsent(std::string(Transform(item).urn));
}
Value TransformEnvironment(const FactSet&, const ItemRef& item) {
  return Value::StringOrAbsent(std::string(Transform(item).environment_id));
}
Value PayloadCount(const FactSet&, const ItemRef& item) {
  return Value::Int(static_cast<int64_t>(Transform(item).payloads.size()));
}

const ItemField kTransformFields[] = {
    {"id", ValueKind::kString, "transform id", &TransformId, &TransformWhere},
    {"unique_name", ValueKind::kString, "the transform's full label", &TransformName,
     &TransformWhere},
    {"urn", ValueKind::kString, "spec URN", &TransformUrn, &TransformWhere},
    {"environment_id", ValueKind::kString, "its environment", &TransformEnvironment,
     &TransformWhere},
    {"payload_count", ValueKind::kInt, "pickled payloads it carries", &PayloadCount,
     &TransformWhere},
};

const FactCollection kPipelineCollections[] = {
    {"environments", "Python environments of the pipeline", kPipelineMissing, kPipelineSupply,
     &HasPipeline, &EnumerateEnvironments, kEnvironmentFields},
    {"artifacts", "files staged for Python environments", kPipelineMissing, kPipelineSupply,
     &HasPipeline, &EnumerateArtifacts, kArtifactFields},
    {"transforms", "transforms of the pipeline, sorted by id", kPipelineMissing,
     kPipelineSupply, &HasPipeline, &EnumerateTransforms, kTransformFields},
};

}  // namespace

const FactDomain& PipelineFactDomain() {
  static const FactDomain kDomain{kPipelineScope, kPipelineCollections, {}};
  return kDomain;
}

}  // namespace beamcompat
