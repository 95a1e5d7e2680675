// Installed-package facts of one environment, whatever list format they were read from.
#ifndef BEAMCOMPAT_FACTS_PACKAGE_H_
#define BEAMCOMPAT_FACTS_PACKAGE_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/location.h"
#include "facts/fact.h"
#include "facts/marker.h"
#include "facts/version.h"

namespace beamcompat {

enum class PackageListFormat {
  kFreeze,                  // pip freeze / pip list --format=freeze / uv pip freeze
  kRequirements,            // a requirements file (pip-compile, poetry export)
  kPipList,                 // pip list (its default columns)
  kPipListJson,             // pip list --format=json
  kPipInspect,              // pip inspect
  kBaseImageRequirements,   // Beam's base_image_requirements.txt
  kSubmissionDependencies,  // Beam's staged submission_environment_dependencies.txt
};
const char* PackageListFormatName(PackageListFormat format);  // "pip-freeze", "pip-inspect", ...

enum class InstallKind {
  kPinned,     // name==version
  kArbitrary,  // name===version (not PEP 440)
  kDirectUrl,  // name @ https://... or file://...
  kVcs,        // name @ git+...
  kEditable,   // -e ...
  kRange,      // a requirements line with a range or no version at all
};

struct Package {
  std::string name;          // as the list spells it
  std::string key;           // PEP 503 normalised
  std::string version_text;  // as written; empty when the list gives none
  std::optional<Version> version;
  InstallKind kind = InstallKind::kPinned;
  std::string url;                 // direct URL, VCS URL or editable path
  std::string specifier;           // requirements files: the specifier set as written
  std::vector<std::string> extras;
  std::string marker;              // requirements files: the marker, if any
  std::vector<std::string> requires_dist;  // pip inspect only (PEP 508 strings)
  std::string requires_python;             // pip inspect only
  SourceLocation where;
};

// One environment's package list. Packages keep file order; Find() looks them up by key.
struct PackageList {
  std::string file;
  PackageListFormat format = PackageListFormat::kFreeze;
  std::vector<Package> packages;
  std::optional<Fact<std::string>> python_version;  // "3.10.12" or "3.10", when the list says
  MarkerEnvironment marker_environment;             // pip inspect's `environment`
  std::vector<std::string> not_followed;            // -r/-c files named but not read

  const Package* Find(std::string_view key) const;
  // Rebuilds the key index; call after changing `packages`.
  void Reindex();

 private:
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_PACKAGE_H_
