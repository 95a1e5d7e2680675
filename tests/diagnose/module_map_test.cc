#include "diagnose/module_map.h"

#include <doctest/doctest.h>

namespace beamcompat {

TEST_CASE("DiagnoseModuleMap names the distribution of well-known and ordinary modules") {
  CHECK(DistributionForModule("yaml") == "PyYAML");
  CHECK(DistributionForModule("cv2.dnn") == "opencv-python");
  CHECK(DistributionForModule("google.protobuf.internal") == "protobuf");
  CHECK(DistributionForModule("google.cloud.bigquery_storage_v1") == "google-cloud-bigquery-storage");
  CHECK(DistributionForModule("google.cloud.firestore.client") == "google-cloud-firestore");
  CHECK(DistributionForModule("numpy._core.numeric") == "numpy");
  CHECK(DistributionForModule("yamlish") == "yamlish");
}

}  // namespace beamcompat
