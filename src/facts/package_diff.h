// The comparison of two environments' package lists (launch vs runtime) by PEP 503 name:
// versions that differ, packages only one side has, and packages left out of the comparison
// because pip freeze omits them (pip always; setuptools, wheel, distribute below Python 3.12).
// `beamcompat diff` prints it; rules may read it too.
#ifndef BEAMCOMPAT_FACTS_PACKAGE_DIFF_H_
#define BEAMCOMPAT_FACTS_PACKAGE_DIFF_H_

#include <string>
#include <vector>

#include "facts/package.h"

namespace beamcompat {

enum class PackageChange {
  kRuntimeNewer,  // both versions parse and the runtime's is higher
  kRuntimeOlder,
  kDifferent,  // the two cannot be ordered (a URL, an editable, a non-PEP 440 version)
  kLaunchOnly,
  kRuntimeOnly,
};
const char* PackageChangeName(PackageChange change);  // "runtime newer", "launch only", ...

struct PackageDelta {
  std::string key;
  PackageChange change = PackageChange::kDifferent;
  const Package* launch = nullptr;   // points into the launch PackageList; null if absent
  const Package* runtime = nullptr;  // points into the runtime PackageList; null if absent
};

struct PackageDiff {
  std::vector<PackageDelta> changed;       // sorted by key
  std::vector<PackageDelta> launch_only;   // sorted by key
  std::vector<PackageDelta> runtime_only;  // sorted by key
  // One side only, but only because the other side's pip freeze leaves them out.
  std::vector<PackageDelta> omitted_by_freeze;
  size_t identical = 0;
};

// `launch_python` / `runtime_python`: each side's Python ("3.11", "3.12.1"), "" if unknown;
// they decide whether a freeze could have left out setuptools and wheel. The result points
// into both lists, which must outlive it.
PackageDiff DiffPackageLists(const PackageList& launch, const PackageList& runtime,
                             const std::string& launch_python, const std::string& runtime_python);

// How a package is installed, for display: "2.56.0", "@ git+https://...", "-e /src/x",
// "-e /src/x (0.3.0)", ">=1.4,<2".
std::string DescribeInstalled(const Package& package);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_PACKAGE_DIFF_H_
