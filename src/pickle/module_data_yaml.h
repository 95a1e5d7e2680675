// The yaml-cpp adapter of the module map (module_map.h): the only file of src/pickle/ that
// calls yaml-cpp, so its exceptions and 0-based marks stay here and come out as located
// messages ("rules/data/module_distributions.yaml:12:3: error: ...").
#ifndef BEAMCOMPAT_PICKLE_MODULE_DATA_YAML_H_
#define BEAMCOMPAT_PICKLE_MODULE_DATA_YAML_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pickle/module_map.h"

namespace beamcompat {

class Messages;

struct PythonVersionData {
  std::string python;  // "3.10"
  std::vector<std::string> stdlib;
  std::vector<std::string> builtins;
};

struct DistributionData {
  std::vector<std::pair<std::string, std::vector<std::string>>> modules;
  std::vector<ModuleVersionFact> version_facts;  // versions not parsed yet
};

bool ParsePythonVersionsYaml(std::string_view text, const std::string& file,
                             std::vector<PythonVersionData>* out, Messages* messages);
bool ParseDistributionsYaml(std::string_view text, const std::string& file, DistributionData* out,
                            Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_PICKLE_MODULE_DATA_YAML_H_
