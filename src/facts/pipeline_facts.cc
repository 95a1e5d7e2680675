#include "facts/pipeline_facts.h"

#include <algorithm>

#include "base/text.h"

namespace beamcompat {

void AppendComponentPath(std::string* out, std::string_view field, std::string_view key) {
  bool plain = std::none_of(key.begin(), key.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  out->append("components.").append(field).append("[");
  if (plain) {
    out->append("'").append(key).append("'");
  } else {
    out->append(Quote(key));
  }
  out->append("]");
}

std::string ComponentPath(std::string_view field, std::string_view key) {
  std::string path;
  path.reserve(16 + field.size() + key.size());
  AppendComponentPath(&path, field, key);
  return path;
}

std::string TransformFacts::proto_path() const { return ComponentPath("transforms", id); }

const PipelineEnvironment* PipelineFacts::FindEnvironment(std::string_view id) const {
  auto it = std::lower_bound(
      environments.begin(), environments.end(), id,
      [](const PipelineEnvironment& env, std::string_view key) { return env.id < key; });
  return it != environments.end() && it->id == id ? &*it : nullptr;
}

}  // namespace beamcompat
