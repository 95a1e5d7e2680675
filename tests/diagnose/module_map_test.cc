#include "diagnose/module_map.h"

#include <doctest/doctest.h>

#include <array>

#include "base/file_system.h"
#include "base/message.h"

namespace beamcompat {

TEST_CASE("DiagnoseModuleMap names the distribution of well-known and ordinary modules") {
  RealFileSystem fs;
  Messages messages;
  std::optional<ModuleMap> table = ModuleMap::LoadDistributions(
      fs, std::string(BEAMCOMPAT_SOURCE_DIR) + "/rules/data", &messages);
  REQUIRE(table);
  // From the shipped table, spelled as the projects spell them.
  CHECK(DistributionForModule("yaml", &*table) == "PyYAML");
  CHECK(DistributionForModule("cv2.dnn", &*table) == "opencv-python");
  CHECK(DistributionForModule("google.protobuf.internal", &*table) == "protobuf");
  CHECK(DistributionForModule("sklearn.ensemble", &*table) == "scikit-learn");
  // Naming rules for what the table does not list, with or without the table.
  for (const ModuleMap* map : std::array<const ModuleMap*, 2>{&*table, nullptr}) {
    CHECK(DistributionForModule("google.cloud.firestore_admin_v1", map) ==
          "google-cloud-firestore-admin");
    CHECK(DistributionForModule("numpy._core.numeric", map) == "numpy");
    CHECK(DistributionForModule("yamlish", map) == "yamlish");
  }
  CHECK(DistributionForModule("yaml", nullptr) == "yaml");
}

}  // namespace beamcompat
