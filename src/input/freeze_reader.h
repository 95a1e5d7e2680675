// Reads the package lists written in pip's requirements syntax: `pip freeze` (every line
// form: ==, ===, @ url, -e with its "# Editable install ... (name==ver)" note), requirements
// files from pip-compile and poetry export (hashes, markers, options, repeated extras), and
// Beam's base_image_requirements.txt. Builds a PackageList; one bad line is a warning.
#ifndef BEAMCOMPAT_INPUT_FREEZE_READER_H_
#define BEAMCOMPAT_INPUT_FREEZE_READER_H_

#include <functional>
#include <string>
#include <string_view>

#include "base/location.h"
#include "facts/package.h"
#include "input/package_list_reader.h"
#include "input/requirements_lines.h"

namespace beamcompat {

class Messages;

// Maps a logical line to where it is in the user's file (the submission reader points into
// its one-line bytes literal).
using LineLocator = std::function<SourceLocation(const RequirementsLine&)>;

// Adds the packages of `text` to `list` and sets its format to kFreeze, or to kRequirements
// when a line has a range, a marker or a hash. Markers false for `options.markers` drop
// their line; unknown ones keep it.
void ReadFreezeText(std::string_view text, const PackageListOptions& options,
                    const LineLocator& locate, PackageList* list, Messages* messages);

// ReadFreezeText with lines located in `list->file`.
void ReadFreezeFile(std::string_view text, const PackageListOptions& options, PackageList* list,
                    Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_FREEZE_READER_H_
