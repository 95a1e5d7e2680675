#include "diagnose/module_map.h"

#include <algorithm>
#include <cctype>

namespace beamcompat {

std::string DistributionForModule(std::string_view module, const ModuleMap* table) {
  if (table != nullptr) {
    if (std::string listed = table->DistributionName(module); !listed.empty()) return listed;
  }
  std::string_view top = module.substr(0, module.find('.'));
  if (top == "google" && module.size() > 7) {  // google.cloud.X -> google-cloud-X
    std::string_view rest = module.substr(7);
    if (rest.substr(0, 6) == "cloud.") {
      std::string name(rest.substr(6, rest.find('.', 6) - 6));
      size_t version = name.rfind("_v");  // pubsub_v1, bigquery_storage_v1beta2
      if (version != std::string::npos && version + 2 < name.size() &&
          std::isdigit(static_cast<unsigned char>(name[version + 2]))) {
        name.resize(version);
      }
      std::replace(name.begin(), name.end(), '_', '-');
      return "google-cloud-" + name;
    }
  }
  return std::string(top);
}

}  // namespace beamcompat
