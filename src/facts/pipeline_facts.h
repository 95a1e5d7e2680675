// What beamcompat learns from a pipeline.pb: its environments (image, sdk_base capability,
// staged artifacts) and its transforms with the pickled payloads they carry. Filled by the
// pipeline reader; payload bytes are views into storage this struct keeps alive.
#ifndef BEAMCOMPAT_FACTS_PIPELINE_FACTS_H_
#define BEAMCOMPAT_FACTS_PIPELINE_FACTS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/image_name.h"

namespace beamcompat {

// beam:version:sdk_base:apache/beam_python3.10_sdk:2.48.0
struct SdkBase {
  std::string capability;    // the whole string
  std::string python;        // "3.10"
  std::string beam_version;  // "2.48.0", unmodified ("2.50.0rc1", "2.61.0.dev0")
  std::string proto_path;    // components.environments['e'].capabilities[4]
};

struct StagedArtifact {
  std::string staged_name;  // matched on this, never on paths
  std::string type_urn;
  std::string role_urn;
  std::string location;  // file path or URL, informative only
  std::string sha256;
  std::string proto_path;  // components.environments['e'].dependencies[2]
  // With --staging DIR: whether DIR holds a file of this staged name; unset otherwise.
  std::optional<bool> present_in_staging;
};

struct PipelineEnvironment {
  std::string id;
  std::string urn;  // beam:env:docker:v1, ...
  std::optional<ImageName> image;  // docker environments
  std::vector<std::string> capabilities;
  std::optional<SdkBase> sdk_base;
  bool is_python = false;  // has a Python sdk_base capability
  std::vector<StagedArtifact> artifacts;
  std::string proto_path;  // components.environments['e']
  std::string anyof_parent;  // set on the alternatives of a beam:env:anyof:v1 environment
};

// A pickled function the worker will load: a DoFn, CombineFn, WindowFn or source.
// The views point into the pipeline's bytes (PipelineFacts::storage).
struct PickledPayload {
  std::string_view urn;    // beam:dofn:pickled_python_info:v1, beam:combinefn:pickled_python:v1
  std::string proto_path;  // components.transforms['t'].spec.payload.do_fn.payload
  std::string_view encoded;  // base64 text (any BytesValue wrapper already removed)
};

// One transform. A pipeline can hold 50k of them, so the texts are views into the pipeline's
// bytes (PipelineFacts::storage) rather than copies.
struct TransformFacts {
  std::string_view id;
  std::string_view unique_name;
  std::string_view urn;
  std::string_view environment_id;
  std::vector<PickledPayload> payloads;

  std::string proto_path() const;  // components.transforms['t']
};

// "components.<field>['<key>']", the logical place of a map entry of Components; keys with
// control characters are quoted with escapes.
std::string ComponentPath(std::string_view field, std::string_view key);
void AppendComponentPath(std::string* out, std::string_view field, std::string_view key);

struct PipelineFacts {
  std::string file;
  std::string format;  // "binary", "text" or "json"
  std::vector<PipelineEnvironment> environments;  // sorted by id
  std::vector<TransformFacts> transforms;         // sorted by id
  // Indices into `transforms` in the order the file holds them. Reading payloads in this order
  // reads the file front to back; in id order, every payload is a cache miss somewhere in it.
  // Empty when unknown (facts not made by the pipeline reader).
  std::vector<uint32_t> file_order;
  // Pickled window functions of components.windowing_strategies, sorted by strategy id.
  std::vector<PickledPayload> windowing_payloads;
  std::vector<std::string> requirements;
  std::string staging_dir;  // the --staging directory the pipeline was read from, if any
  std::shared_ptr<const void> storage;  // owns the bytes that transforms and payloads view

  const PipelineEnvironment* FindEnvironment(std::string_view id) const;
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_PIPELINE_FACTS_H_
