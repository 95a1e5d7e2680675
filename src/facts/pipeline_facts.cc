#include "facts/pipeline_facts.h"

#include <algorithm>

namespace beamcompat {

const PipelineEnvironment* PipelineFacts::FindEnvironment(std::string_view id) const {
  auto it = std::lower_bound(
      environments.begin(), environments.end(), id,
      [](const PipelineEnvironment& env, std::string_view key) { return env.id < key; });
  return it != environments.end() && it->id == id ? &*it : nullptr;
}

}  // namespace beamcompat
