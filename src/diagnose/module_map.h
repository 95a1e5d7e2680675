// Which distribution provides an importable module, for the package a diagnosis names:
// `yaml` -> PyYAML, `cv2` -> opencv-python, `google.cloud.bigquery` -> google-cloud-bigquery.
// The well-known mismatches come from the shipped table (rules/data/module_distributions.yaml,
// the one the pickle rules use); anything else is named like its top-level module, with
// google.cloud.X -> google-cloud-X (PEP 503-normalised on lookup).
#ifndef BEAMCOMPAT_DIAGNOSE_MODULE_MAP_H_
#define BEAMCOMPAT_DIAGNOSE_MODULE_MAP_H_

#include <string>
#include <string_view>

#include "pickle/module_map.h"

namespace beamcompat {

// The distribution for a dotted module name, spelled as its project spells it. `table` may be
// null (no module data could be read): then only the naming rules apply.
std::string DistributionForModule(std::string_view module, const ModuleMap* table);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_DIAGNOSE_MODULE_MAP_H_
