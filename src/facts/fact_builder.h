// Builds the FactSet from what the readers produced. Decides each side's Python and Beam
// versions and the runtime image by a fixed order of sources (flags, pip inspect's
// environment, the sdk_base capability, the container image name, the package lists) and
// records in every fact where it came from. Pure: no I/O; cli/load_inputs does the reading.
#ifndef BEAMCOMPAT_FACTS_FACT_BUILDER_H_
#define BEAMCOMPAT_FACTS_FACT_BUILDER_H_

#include <optional>
#include <string>

#include "facts/fact_set.h"

namespace beamcompat {

class Messages;

struct FactInputs {
  std::string launch_python_flag;   // --launch-python; "" when not given
  std::string runtime_python_flag;  // --runtime-python
  std::string runtime_image_flag;   // --runtime-image
  std::optional<PipelineFacts> pipeline;
  std::optional<PackageList> launch_packages;
  std::optional<PackageList> runtime_packages;
};

// The Python environment whose sdk_base and image describe the job: the one most transforms
// run in (an anyof alternative counts its parent's transforms); ties go to the first id.
const PipelineEnvironment* PrimaryPythonEnvironment(const PipelineFacts& pipeline);

// The Python ("3.10") of `side` known without its package list (flags, sdk_base capability,
// container image): the list reader evaluates environment markers with it. nullopt if unknown.
std::optional<std::string> PythonBeforePackages(const FactInputs& inputs, Side side);

// Fills `facts`. Returns false when a flag value is unusable (an error names the flag);
// disagreements between sources that are not used are warnings.
bool BuildFactSet(FactInputs inputs, FactSet* facts, Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_FACT_BUILDER_H_
