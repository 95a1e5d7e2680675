// Scope facts of the two environments: `launch.*` (where the pipeline is built) and
// `runtime.*` (the worker container). The fact builder (facts/fact_builder.h) has already
// chosen each side's Python, Beam version and image from its sources; these accessors only
// expose them, plus whether a value was read from pipeline.pb itself (the image or sdk_base
// of a pipeline environment), which rules use to leave such cases to BC003.
#include <string>

#include "engine/fact_schema.h"
#include "facts/fact_set.h"

namespace beamcompat {
namespace {

struct Resolved {
  Value value;
  SourceLocation where;
};

template <class T>
SourceLocation FactWhere(const Fact<T>& fact) {
  if (!fact.where.empty()) return fact.where;
  SourceLocation where;
  where.file = fact.origin;  // a flag: "--runtime-python flag"
  return where;
}

Resolved VersionFact(const std::optional<Fact<std::string>>& fact) {
  if (!fact || fact->value.empty()) return {};
  return {Value::VersionText(fact->value), FactWhere(*fact)};
}

template <Side S>
Resolved ResolvePython(const FactSet& facts) {
  return VersionFact(facts.side(S).python);
}

template <Side S>
Resolved ResolveBeamVersion(const FactSet& facts) {
  return VersionFact(facts.side(S).beam_version);
}

// True when the fact was read from the pipeline file (a proto path inside it).
bool FromPipeline(const FactSet& facts, const std::optional<Fact<std::string>>& fact) {
  return facts.pipeline && fact && !fact->where.path.empty() &&
         fact->where.file == facts.pipeline->file;
}

template <Side S>
Resolved ResolvePythonFromPipeline(const FactSet& facts) {
  const auto& fact = facts.side(S).python;
  if (!fact) return {};
  return {Value::Bool(FromPipeline(facts, fact)), FactWhere(*fact)};
}

template <Side S>
Resolved ResolveBeamFromPipeline(const FactSet& facts) {
  const auto& fact = facts.side(S).beam_version;
  if (!fact) return {};
  return {Value::Bool(FromPipeline(facts, fact)), FactWhere(*fact)};
}

template <Resolved (*F)(const FactSet&)>
Value GetOf(const FactSet& facts) {
  return F(facts).value;
}

template <Resolved (*F)(const FactSet&)>
SourceLocation WhereOf(const FactSet& facts) {
  return F(facts).where;
}

// --- the runtime image and its parts ---------------------------------------------------

template <Value (*Part)(const ImageName&)>
Value ImagePart(const FactSet& facts) {
  const auto& image = facts.runtime.image;
  return image ? Part(image->value) : Value();
}

SourceLocation ImageWhere(const FactSet& facts) {
  return facts.runtime.image ? FactWhere(*facts.runtime.image) : SourceLocation();
}

Value ImageRaw(const ImageName& image) { return Value::StringOrAbsent(image.raw); }
Value ImageRepository(const ImageName& image) { return Value::StringOrAbsent(image.repository); }
Value ImageTag(const ImageName& image) { return Value::StringOrAbsent(image.tag); }
Value ImagePython(const ImageName& image) { return Value::VersionOrAbsent(image.python); }
Value ImageBeam(const ImageName& image) { return Value::VersionOrAbsent(image.beam_version); }
Value ImageIsBeamSdk(const ImageName& image) { return Value::Bool(image.is_beam_sdk); }
Value ImageIsDevTag(const ImageName& image) { return Value::Bool(image.is_dev_tag); }
Value ImageIsFloating(const ImageName& image) { return Value::Bool(image.is_floating_tag); }

// --- package lists ---------------------------------------------------------------------

template <Side S>
Value PackageKeys(const FactSet& facts) {
  const auto& list = facts.side(S).packages;
  if (!list) return Value();
  std::vector<std::string> keys;
  keys.reserve(list->packages.size());
  for (const Package& package : list->packages) keys.push_back(package.key);
  return Value::List(std::move(keys));
}

template <Side S>
Value PackageFile(const FactSet& facts) {
  const auto& list = facts.side(S).packages;
  return list ? Value::String(list->file) : Value();
}

template <Side S>
Value PackageFormat(const FactSet& facts) {
  const auto& list = facts.side(S).packages;
  return list ? Value::String(PackageListFormatName(list->format)) : Value();
}

template <Side S>
SourceLocation PackagesWhere(const FactSet& facts) {
  const auto& list = facts.side(S).packages;
  return list ? AtLine(list->file, 0) : SourceLocation();
}

constexpr const char* kLaunchPythonSupply =
    "give --launch-python, a pip inspect list as --launch, or --pipeline";
constexpr const char* kRuntimePythonSupply =
    "give --runtime-python, --runtime-image, or a pip inspect list as --runtime";
constexpr const char* kLaunchBeamSupply =
    "give --launch with a list that has apache-beam, or --pipeline";
constexpr const char* kRuntimeBeamSupply =
    "give --runtime with a list that has apache-beam, or a Beam SDK image as --runtime-image";
constexpr const char* kImageSupply = "give --runtime-image";

const ScopeFact kSideFacts[] = {
    {"launch.python", ValueKind::kVersion, "Python version of the launch environment",
     "no launch Python version known", kLaunchPythonSupply, &GetOf<&ResolvePython<Side::kLaunch>>,
     &WhereOf<&ResolvePython<Side::kLaunch>>},
    {"runtime.python", ValueKind::kVersion, "Python version of the worker container",
     "no runtime Python version known", kRuntimePythonSupply,
     &GetOf<&ResolvePython<Side::kRuntime>>, &WhereOf<&ResolvePython<Side::kRuntime>>},
    {"launch.beam_version", ValueKind::kVersion, "apache-beam version that built the pipeline",
     "no launch Beam version known", kLaunchBeamSupply, &GetOf<&ResolveBeamVersion<Side::kLaunch>>,
     &WhereOf<&ResolveBeamVersion<Side::kLaunch>>},
    {"runtime.beam_version", ValueKind::kVersion, "apache-beam version in the worker container",
     "no runtime Beam version known", kRuntimeBeamSupply,
     &GetOf<&ResolveBeamVersion<Side::kRuntime>>, &WhereOf<&ResolveBeamVersion<Side::kRuntime>>},
    {"runtime.python.from_pipeline", ValueKind::kBool,
     "runtime.python was read from pipeline.pb (its environment's image)",
     "no runtime Python version known", kRuntimePythonSupply,
     &GetOf<&ResolvePythonFromPipeline<Side::kRuntime>>,
     &WhereOf<&ResolvePythonFromPipeline<Side::kRuntime>>},
    {"runtime.beam_version.from_pipeline", ValueKind::kBool,
     "runtime.beam_version was read from pipeline.pb (its environment's image)",
     "no runtime Beam version known", kRuntimeBeamSupply,
     &GetOf<&ResolveBeamFromPipeline<Side::kRuntime>>,
     &WhereOf<&ResolveBeamFromPipeline<Side::kRuntime>>},
    {"runtime.image", ValueKind::kString, "the worker container image, as given",
     "no runtime image given", kImageSupply, &ImagePart<&ImageRaw>, &ImageWhere},
    {"runtime.image.repository", ValueKind::kString, "the image repository without the tag",
     "no runtime image given", kImageSupply, &ImagePart<&ImageRepository>, &ImageWhere},
    {"runtime.image.tag", ValueKind::kString, "the image tag", "no runtime image given",
     kImageSupply, &ImagePart<&ImageTag>, &ImageWhere},
    {"runtime.image.python", ValueKind::kVersion, "Python minor of a Beam SDK image",
     "no runtime image given", kImageSupply, &ImagePart<&ImagePython>, &ImageWhere},
    {"runtime.image.beam_version", ValueKind::kVersion, "Beam version tag of a Beam SDK image",
     "no runtime image given", kImageSupply, &ImagePart<&ImageBeam>, &ImageWhere},
    {"runtime.image.is_beam_sdk", ValueKind::kBool, "the image is a Beam-published SDK image",
     "no runtime image given", kImageSupply, &ImagePart<&ImageIsBeamSdk>, &ImageWhere},
    {"runtime.image.is_dev_tag", ValueKind::kBool, "the tag is a dev tag (beam-master-*)",
     "no runtime image given", kImageSupply, &ImagePart<&ImageIsDevTag>, &ImageWhere},
    {"runtime.image.is_floating_tag", ValueKind::kBool, "no tag, or 'latest'",
     "no runtime image given", kImageSupply, &ImagePart<&ImageIsFloating>, &ImageWhere},
    {"launch.packages", ValueKind::kList, "normalised names of the launch packages",
     "no launch package list given", "give --launch", &PackageKeys<Side::kLaunch>,
     &PackagesWhere<Side::kLaunch>},
    {"runtime.packages", ValueKind::kList, "normalised names of the runtime packages",
     "no runtime package list given", "give --runtime", &PackageKeys<Side::kRuntime>,
     &PackagesWhere<Side::kRuntime>},
    {"launch.packages.file", ValueKind::kString, "the launch package list file",
     "no launch package list given", "give --launch", &PackageFile<Side::kLaunch>,
     &PackagesWhere<Side::kLaunch>},
    {"runtime.packages.file", ValueKind::kString, "the runtime package list file",
     "no runtime package list given", "give --runtime", &PackageFile<Side::kRuntime>,
     &PackagesWhere<Side::kRuntime>},
    {"launch.packages.format", ValueKind::kString, "format of the launch list (pip-freeze, ...)",
     "no launch package list given", "give --launch", &PackageFormat<Side::kLaunch>,
     &PackagesWhere<Side::kLaunch>},
    {"runtime.packages.format", ValueKind::kString, "format of the runtime list",
     "no runtime package list given", "give --runtime", &PackageFormat<Side::kRuntime>,
     &PackagesWhere<Side::kRuntime>},
};

}  // namespace

const FactDomain& SideFactDomain() {
  static const FactDomain kDomain{kSideFacts, {}, {}};
  return kDomain;
}

}  // namespace beamcompat
