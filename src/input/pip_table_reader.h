// Reads `pip list` in its default columns format, the form users most often paste:
//
//   Package     Version  Editable project location
//   ----------- -------- -------------------------
//   apache-beam 2.56.0
//   mypkg       0.1.0    /home/me/src/mypkg
//
// `pip list -v` (Location, Installer) and `pip list -o` (Latest, Type) add columns; the first
// two are always the name and the installed version. One bad row is a warning.
#ifndef BEAMCOMPAT_INPUT_PIP_TABLE_READER_H_
#define BEAMCOMPAT_INPUT_PIP_TABLE_READER_H_

#include <string>
#include <string_view>

#include "facts/package.h"

namespace beamcompat {

class Messages;

// True when the first non-blank lines are a "Package  Version ..." header and its rule of
// dashes.
bool LooksLikePipTable(std::string_view contents);

PackageList ReadPipTable(const std::string& file, std::string_view contents, Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_PIP_TABLE_READER_H_
