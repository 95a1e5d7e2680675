#include "facts/fact_builder.h"

#include <string_view>
#include <unordered_map>
#include <utility>

#include "base/message.h"
#include "base/text.h"

namespace beamcompat {
namespace {

using StringFact = std::optional<Fact<std::string>>;

// "3.10.12" -> "3.10"; "" when `text` is not a Python version (X.Y or X.Y.Z).
std::string MajorMinor(std::string_view text) {
  std::vector<std::string_view> parts = Split(text, '.');
  if (parts.size() < 2 || parts.size() > 3) return "";
  for (std::string_view part : parts) {
    if (part.empty() || part.find_first_not_of("0123456789") != std::string_view::npos) return "";
  }
  return std::string(parts[0]) + "." + std::string(parts[1]);
}

StringFact FlagFact(const std::string& value, const char* flag, Messages* messages) {
  if (value.empty()) return std::nullopt;
  std::string python = MajorMinor(value);
  if (python.empty()) {
    messages->Error(SourceLocation{}, std::string(flag) + " " + Quote(value) +
                                          " is not a Python version; expected X.Y, e.g. '3.10'");
    return std::nullopt;
  }
  return Fact<std::string>{python, std::string(flag) + " flag", SourceLocation{}};
}

// The list's own Python version when `pip_inspect_only` matches its format.
StringFact ListPython(const std::optional<PackageList>& list, bool pip_inspect) {
  if (!list || !list->python_version) return std::nullopt;
  if ((list->format == PackageListFormat::kPipInspect) != pip_inspect) return std::nullopt;
  std::string python = MajorMinor(list->python_version->value);
  if (python.empty()) return std::nullopt;
  Fact<std::string> fact = *list->python_version;
  fact.value = python;
  return fact;
}

StringFact ListBeam(const std::optional<PackageList>& list) {
  if (!list) return std::nullopt;
  const Package* beam = list->Find("apache-beam");
  if (beam == nullptr || beam->version_text.empty()) return std::nullopt;
  return Fact<std::string>{beam->version_text, "apache-beam in package list", beam->where};
}

// The pipeline and its primary Python environment, found once (it scans every transform).
struct PipelineSource {
  explicit PipelineSource(const FactInputs& inputs)
      : pipeline(inputs.pipeline ? &*inputs.pipeline : nullptr),
        primary(pipeline ? PrimaryPythonEnvironment(*pipeline) : nullptr) {}
  const PipelineFacts* pipeline;
  const PipelineEnvironment* primary;  // null without a pipeline or a Python environment
};

StringFact SdkBaseFact(const PipelineSource& source, bool beam) {
  if (source.primary == nullptr || !source.primary->sdk_base) return std::nullopt;
  const SdkBase& sdk = *source.primary->sdk_base;
  return Fact<std::string>{beam ? sdk.beam_version : sdk.python, "sdk_base capability",
                           AtPath(source.pipeline->file, sdk.proto_path)};
}

std::optional<Fact<ImageName>> RuntimeImage(const FactInputs& inputs,
                                            const PipelineSource& source) {
  if (!inputs.runtime_image_flag.empty()) {
    return Fact<ImageName>{ParseImageName(inputs.runtime_image_flag), "--runtime-image flag",
                           SourceLocation{}};
  }
  const PipelineEnvironment* env = source.primary;
  if (env == nullptr || !env->image) return std::nullopt;
  return Fact<ImageName>{*env->image, "pipeline docker environment",
                         AtPath(source.pipeline->file, env->proto_path + ".payload")};
}

// The Python or Beam version an image name states (Beam-published SDK images only).
StringFact ImageFact(const std::optional<Fact<ImageName>>& image, bool beam) {
  if (!image || !image->value.is_beam_sdk) return std::nullopt;
  const std::string& value = beam ? image->value.beam_version : image->value.python;
  if (value.empty()) return std::nullopt;
  return Fact<std::string>{value, "container image name", image->where};
}

StringFact FirstOf(std::initializer_list<StringFact> candidates) {
  for (const StringFact& candidate : candidates) {
    if (candidate) return candidate;
  }
  return std::nullopt;
}

// Python environments with different sdk_base capabilities: the launch side is ambiguous.
void WarnDisagreeingEnvironments(const PipelineSource& source, Messages* messages) {
  const PipelineEnvironment* primary = source.primary;
  if (primary == nullptr || !primary->sdk_base) return;
  for (const PipelineEnvironment& env : source.pipeline->environments) {
    if (!env.is_python || !env.sdk_base ||
        env.sdk_base->capability == primary->sdk_base->capability) {
      continue;
    }
    messages->Warning(AtPath(source.pipeline->file, env.sdk_base->proto_path),
                      "environment " + Quote(env.id) + " has sdk_base " +
                          Quote(env.sdk_base->capability) + " but " + Quote(primary->id) +
                          " has " + Quote(primary->sdk_base->capability) + "; using " +
                          Quote(primary->id));
  }
}

}  // namespace

const PipelineEnvironment* PrimaryPythonEnvironment(const PipelineFacts& pipeline) {
  // Pipelines have a handful of environments and up to ~100k transforms: count per
  // environment in one pass, remembering the last id seen (transforms share few ids).
  std::unordered_map<std::string_view, size_t> uses;
  std::string_view last;
  size_t* last_count = nullptr;
  for (const TransformFacts& transform : pipeline.transforms) {
    if (last_count == nullptr || transform.environment_id != last) {
      last = transform.environment_id;
      last_count = &uses[last];
    }
    ++*last_count;
  }
  auto uses_of = [&uses](std::string_view id) {
    auto it = uses.find(id);
    return it == uses.end() ? size_t{0} : it->second;
  };
  const PipelineEnvironment* best = nullptr;
  size_t best_uses = 0;
  for (const PipelineEnvironment& env : pipeline.environments) {
    if (!env.is_python) continue;
    size_t count = uses_of(env.id) + (env.anyof_parent.empty() ? 0 : uses_of(env.anyof_parent));
    if (best == nullptr || count > best_uses) {
      best = &env;
      best_uses = count;
    }
  }
  return best;
}

std::optional<std::string> PythonBeforePackages(const FactInputs& inputs, Side side) {
  Messages ignored;  // flag errors are reported by BuildFactSet
  PipelineSource source(inputs);
  StringFact fact =
      side == Side::kLaunch
          ? FirstOf({FlagFact(inputs.launch_python_flag, "--launch-python", &ignored),
                     SdkBaseFact(source, false)})
          : FirstOf({FlagFact(inputs.runtime_python_flag, "--runtime-python", &ignored),
                     ImageFact(RuntimeImage(inputs, source), false)});
  if (!fact) return std::nullopt;
  return fact->value;
}

bool BuildFactSet(FactInputs inputs, FactSet* facts, Messages* messages) {
  int errors_before = messages->error_count();
  PipelineSource source(inputs);
  WarnDisagreeingEnvironments(source, messages);

  facts->launch.python = FirstOf({FlagFact(inputs.launch_python_flag, "--launch-python", messages),
                                  ListPython(inputs.launch_packages, true),
                                  SdkBaseFact(source, false),
                                  ListPython(inputs.launch_packages, false)});
  facts->launch.beam_version =
      FirstOf({SdkBaseFact(source, true), ListBeam(inputs.launch_packages)});

  facts->runtime.image = RuntimeImage(inputs, source);
  facts->runtime.python =
      FirstOf({FlagFact(inputs.runtime_python_flag, "--runtime-python", messages),
               ListPython(inputs.runtime_packages, true), ImageFact(facts->runtime.image, false),
               ListPython(inputs.runtime_packages, false)});
  facts->runtime.beam_version =
      FirstOf({ImageFact(facts->runtime.image, true), ListBeam(inputs.runtime_packages)});

  facts->launch.packages = std::move(inputs.launch_packages);
  facts->runtime.packages = std::move(inputs.runtime_packages);
  facts->pipeline = std::move(inputs.pipeline);
  return messages->error_count() == errors_before;
}

}  // namespace beamcompat
