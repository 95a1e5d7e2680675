// Which distribution provides an importable module: `yaml` -> PyYAML, `cv2` ->
// opencv-python, `google.cloud.bigquery` -> google-cloud-bigquery. Diagnoses name the
// package to install, and look it up in the launch and runtime lists, by this name. A small
// table of well-known mismatches; anything else is assumed to be named like its top-level
// module (PEP 503-normalised on lookup).
#ifndef BEAMCOMPAT_DIAGNOSE_MODULE_MAP_H_
#define BEAMCOMPAT_DIAGNOSE_MODULE_MAP_H_

#include <string>
#include <string_view>

namespace beamcompat {

// The distribution for a dotted module name, spelled as its project spells it.
std::string DistributionForModule(std::string_view module);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_DIAGNOSE_MODULE_MAP_H_
