#include "cli/load_inputs.h"

#include <utility>

#include "base/message.h"
#include "facts/fact_builder.h"
#include "facts/marker.h"
#include "input/package_list_reader.h"
#include "input/pipeline_reader.h"
#include "input/staging_dir.h"
#include "pickle/pickle_stage.h"
#include "ruleset/rule_directory.h"

namespace beamcompat {
namespace {

// The pipeline named by --pipeline, else the staging directory's pipeline.pb.
bool LoadPipelineInput(const CommandOptions& options, const CommandContext& ctx,
                       const std::optional<StagingDir>& staging, PayloadObserver* observer,
                       FactInputs* inputs, Messages* messages) {
  std::string file = options.pipeline;
  if (file.empty() && staging) file = staging->PathOf(kStagedPipelineFile);
  if (file.empty()) return true;
  inputs->pipeline = LoadPipeline(ctx.fs, file, messages, observer);
  if (!inputs->pipeline) return false;
  if (staging) MatchStagedArtifacts(*staging, &*inputs->pipeline);
  return true;
}

// Reads one side's list with the marker values of the side's Python, when known.
bool LoadSideList(const std::string& file, const CommandContext& ctx, const FactInputs& inputs,
                  Side side, std::optional<PackageList>* list, Messages* messages) {
  if (file.empty()) return true;
  PackageListOptions list_options;
  if (std::optional<std::string> python = PythonBeforePackages(inputs, side)) {
    list_options.markers = WorkerMarkerEnvironment(*python);
  }
  *list = LoadPackageList(ctx.fs, file, list_options, messages);
  return list->has_value();
}

}  // namespace

bool LoadInputs(const CommandOptions& options, const CommandContext& ctx, FactSet* facts,
                Messages* messages) {
  // The module data the payloads are read with loads while the inputs are read.
  std::optional<ModuleDataLoader> module_data;
  if (!options.no_payloads && (!options.pipeline.empty() || !options.staging.empty())) {
    std::string rules_dir = FindBuiltinRulesDirectory(ctx.fs, ctx.executable_dir);
    if (!rules_dir.empty()) module_data.emplace(ctx.fs, rules_dir);
  }
  FactInputs inputs;
  inputs.launch_python_flag = options.launch_python;
  inputs.runtime_python_flag = options.runtime_python;
  inputs.runtime_image_flag = options.runtime_image;
  // Payloads are decoded on a second core as the pipeline reader finds them. Declared after
  // `inputs`, whose pipeline bytes it reads, so that it stops before they are released.
  PayloadAnalyzerOptions analyzer_options;
  std::optional<PayloadPrefetch> prefetch;
  if (module_data) prefetch.emplace(analyzer_options.limits);

  std::optional<StagingDir> staging;
  if (!options.staging.empty()) {
    staging = ReadStagingDir(ctx.fs, options.staging, messages);
    if (!staging) return false;
  }
  PayloadObserver* observer = prefetch ? &*prefetch : nullptr;
  if (!LoadPipelineInput(options, ctx, staging, observer, &inputs, messages)) return false;

  std::string launch_file = options.launch;
  if (launch_file.empty() && staging && staging->Has(kSubmissionDependenciesFile)) {
    launch_file = staging->PathOf(kSubmissionDependenciesFile);
  }
  if (!LoadSideList(launch_file, ctx, inputs, Side::kLaunch, &inputs.launch_packages, messages) ||
      !LoadSideList(options.runtime, ctx, inputs, Side::kRuntime, &inputs.runtime_packages,
                    messages)) {
    return false;
  }
  if (!BuildFactSet(std::move(inputs), facts, messages)) return false;
  // Pickled payloads are read with the module data shipped next to the rules.
  if (!module_data) return true;
  return AddPickleFacts(&*module_data, &*prefetch, analyzer_options, facts, messages);
}

}  // namespace beamcompat
