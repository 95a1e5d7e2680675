// Reads one Beam Environment message into PipelineEnvironment: its URN, its Docker image, its
// capabilities with the `beam:version:sdk_base:` one parsed (the launch Python and Beam
// versions), and its staged artifacts named by staged_name. Part of the pipeline reader.
#ifndef BEAMCOMPAT_INPUT_ENVIRONMENT_READER_H_
#define BEAMCOMPAT_INPUT_ENVIRONMENT_READER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/pipeline_facts.h"

namespace org::apache::beam::model::pipeline::v1 {
class Environment;
}

namespace beamcompat {

class Messages;

// "beam:version:sdk_base:apache/beam_python3.10_sdk:2.48.0" -> python "3.10", beam "2.48.0".
// Strips the prefix, splits at the last ':' and matches apache/beam_pythonX.Y_sdk; a
// non-Python SDK (apache/beam_java11_sdk:2.56.0) keeps its version and an empty python.
// nullopt when `capability` is not an sdk_base capability or has no version.
std::optional<SdkBase> ParseSdkBase(std::string_view capability);

// Reads `env` found at `proto_path` (components.environments['e']). A nested payload that does
// not parse is a warning naming its path; the rest is still read. An `anyof` environment
// yields itself followed by its alternatives, with ids "<id>/anyof[i]".
std::vector<PipelineEnvironment> ReadEnvironment(
    const std::string& file, const std::string& id,
    const org::apache::beam::model::pipeline::v1::Environment& env,
    const std::string& proto_path, Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_ENVIRONMENT_READER_H_
