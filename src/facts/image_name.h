// Container image names and what they say about the runtime: Beam's own SDK images
// (apache/beam_python3.10_sdk:2.48.0) and Dataflow's mirrors
// (gcr.io/cloud-dataflow/v1beta3/beam_python3.10_sdk:2.48.0, dataflow.gcr.io/v1beta3/...).
#ifndef BEAMCOMPAT_FACTS_IMAGE_NAME_H_
#define BEAMCOMPAT_FACTS_IMAGE_NAME_H_

#include <string>
#include <string_view>

namespace beamcompat {

struct ImageName {
  std::string raw;         // as given
  std::string registry;    // "gcr.io", "" for Docker Hub
  std::string repository;  // "cloud-dataflow/v1beta3/beam_python3.10_sdk", "apache/beam_python3.10_sdk"
  std::string tag;         // "" when none
  std::string digest;      // "sha256:..." when pinned by digest
  bool is_beam_sdk = false;  // a Beam-published Python SDK image (Beam's or Dataflow's mirror)
  std::string python;        // "3.10" for Beam SDK images
  std::string beam_version;  // the tag when it is a version ("2.48.0"); else ""
  bool is_dev_tag = false;   // "beam-master-YYYYMMDD" and the like
  bool is_floating_tag = false;  // no tag, or "latest"
};

// Never fails: an unrecognised name is kept with is_beam_sdk = false.
ImageName ParseImageName(std::string_view image);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_IMAGE_NAME_H_
