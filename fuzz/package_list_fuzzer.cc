// Fuzz target for the package-list readers: any bytes go through format detection and the
// matching reader (freeze/requirements, pip JSON, submission bytes literal, base image),
// then through the diff against themselves. Must never crash, hang or leave a parsed list
// whose packages lack a key.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/message.h"
#include "facts/marker.h"
#include "facts/package_diff.h"
#include "input/package_list_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace beamcompat;
  std::string_view contents(reinterpret_cast<const char*>(data), size);
  PackageListOptions options;
  options.markers = WorkerMarkerEnvironment("3.10.12");
  Messages messages;
  std::optional<PackageList> list = ParsePackageList("fuzz.txt", contents, options, &messages);
  if (!list) {
    if (!messages.has_errors()) std::abort();  // an unusable input must say why
    return 0;
  }
  for (const Package& package : list->packages) {
    if (package.key.empty() || list->Find(package.key) == nullptr) std::abort();
  }
  PackageDiff diff = DiffPackageLists(*list, *list, "3.10", "3.12");
  if (!diff.changed.empty() || !diff.launch_only.empty()) std::abort();
  return 0;
}
