// Reads one environment's package list in any supported format, detected from content:
// pip freeze (and requirements files from pip-compile / poetry export), pip list
// --format=json, pip inspect, Beam's base_image_requirements.txt and Beam's staged
// submission_environment_dependencies.txt.
#ifndef BEAMCOMPAT_INPUT_PACKAGE_LIST_READER_H_
#define BEAMCOMPAT_INPUT_PACKAGE_LIST_READER_H_

#include <optional>
#include <string>
#include <string_view>

#include "facts/marker.h"
#include "facts/package.h"

namespace beamcompat {

class FileSystem;
class Messages;

struct PackageListOptions {
  // Marker values of the side the list describes (e.g. from --runtime-python); markers that
  // need a missing value keep the line.
  MarkerEnvironment markers;
};

// Parses `contents` read from `file`. Unusable input (empty, not UTF-8, a JSON document that
// is not one of pip's) returns nullopt with an error in `messages`; a single line that fits no
// form is a warning and is skipped. Every message names the file and line (or JSON field).
std::optional<PackageList> ParsePackageList(const std::string& file, std::string_view contents,
                                            const PackageListOptions& options,
                                            Messages* messages);

// Reads the file through `fs` ("-" is not special here), then parses it.
std::optional<PackageList> LoadPackageList(const FileSystem& fs, const std::string& file,
                                           const PackageListOptions& options,
                                           Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_PACKAGE_LIST_READER_H_
