#include "facts/package.h"

namespace beamcompat {

const char* PackageListFormatName(PackageListFormat format) {
  switch (format) {
    case PackageListFormat::kFreeze:
      return "pip-freeze";
    case PackageListFormat::kRequirements:
      return "requirements";
    case PackageListFormat::kPipList:
      return "pip-list";
    case PackageListFormat::kPipListJson:
      return "pip-list-json";
    case PackageListFormat::kPipInspect:
      return "pip-inspect";
    case PackageListFormat::kBaseImageRequirements:
      return "base-image-requirements";
    case PackageListFormat::kSubmissionDependencies:
      return "submission-dependencies";
  }
  return "pip-freeze";
}

const Package* PackageList::Find(std::string_view key) const {
  auto it = index_.find(std::string(key));
  return it == index_.end() ? nullptr : &packages[it->second];
}

void PackageList::Reindex() {
  index_.clear();
  for (size_t i = 0; i < packages.size(); ++i) index_.emplace(packages[i].key, i);
}

}  // namespace beamcompat
