#include "facts/package_diff.h"

#include <algorithm>
#include <map>

#include "facts/version.h"

namespace beamcompat {
namespace {

// Formats written by pip freeze (or in its syntax), which leave out pip and, below Python
// 3.12, setuptools, wheel and distribute.
bool IsFreezeLike(PackageListFormat format) {
  return format == PackageListFormat::kFreeze || format == PackageListFormat::kRequirements ||
         format == PackageListFormat::kBaseImageRequirements ||
         format == PackageListFormat::kSubmissionDependencies;
}

// True when `list` (of a side running `python`) would not show `key` even if installed.
bool FreezeOmits(const PackageList& list, const std::string& python, const std::string& key) {
  if (!IsFreezeLike(list.format)) return false;
  if (key == "pip") return true;
  if (key != "setuptools" && key != "wheel" && key != "distribute") return false;
  std::optional<Version> version = Version::Parse(python);
  if (!version) return true;  // unknown Python: it may be below 3.12
  return version->major() < 3 || (version->major() == 3 && version->minor() < 12);
}

PackageChange Compare(const Package& launch, const Package& runtime, bool* identical) {
  if (launch.version && runtime.version && launch.url == runtime.url) {
    auto order = *runtime.version <=> *launch.version;
    *identical = order == 0;
    return order > 0 ? PackageChange::kRuntimeNewer : PackageChange::kRuntimeOlder;
  }
  *identical = DescribeInstalled(launch) == DescribeInstalled(runtime);
  return PackageChange::kDifferent;
}

}  // namespace

const char* PackageChangeName(PackageChange change) {
  switch (change) {
    case PackageChange::kRuntimeNewer:
      return "runtime newer";
    case PackageChange::kRuntimeOlder:
      return "runtime older";
    case PackageChange::kDifferent:
      return "different";
    case PackageChange::kLaunchOnly:
      return "launch only";
    case PackageChange::kRuntimeOnly:
      return "runtime only";
  }
  return "different";
}

std::string DescribeInstalled(const Package& package) {
  switch (package.kind) {
    case InstallKind::kEditable:
      return "-e " + package.url +
             (package.version_text.empty() ? "" : " (" + package.version_text + ")");
    case InstallKind::kVcs:
    case InstallKind::kDirectUrl:
      return "@ " + package.url;
    case InstallKind::kRange:
      return package.specifier.empty() ? "(any version)" : package.specifier;
    case InstallKind::kPinned:
    case InstallKind::kArbitrary:
      break;
  }
  return package.version ? package.version->normalized() : package.version_text;
}

PackageDiff DiffPackageLists(const PackageList& launch, const PackageList& runtime,
                             const std::string& launch_python, const std::string& runtime_python) {
  // Sorted by key; the first entry of a key wins, as in PackageList::Find.
  std::map<std::string, std::pair<const Package*, const Package*>> by_key;
  for (const Package& p : launch.packages) {
    auto& slot = by_key.try_emplace(p.key).first->second;
    if (slot.first == nullptr) slot.first = &p;
  }
  for (const Package& p : runtime.packages) {
    auto& slot = by_key.try_emplace(p.key).first->second;
    if (slot.second == nullptr) slot.second = &p;
  }
  PackageDiff diff;
  for (const auto& [key, sides] : by_key) {
    auto [l, r] = sides;
    if (l && r) {
      bool identical = false;
      PackageChange change = Compare(*l, *r, &identical);
      if (identical) {
        ++diff.identical;
      } else {
        diff.changed.push_back({key, change, l, r});
      }
    } else if (l) {
      bool omitted = FreezeOmits(runtime, runtime_python, key);
      (omitted ? diff.omitted_by_freeze : diff.launch_only)
          .push_back({key, PackageChange::kLaunchOnly, l, nullptr});
    } else {
      bool omitted = FreezeOmits(launch, launch_python, key);
      (omitted ? diff.omitted_by_freeze : diff.runtime_only)
          .push_back({key, PackageChange::kRuntimeOnly, nullptr, r});
    }
  }
  return diff;
}

}  // namespace beamcompat
