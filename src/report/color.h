// Whether to colour terminal output: --color always|never wins; with auto, a non-empty
// NO_COLOR turns colour off, a non-empty FORCE_COLOR turns it on, and otherwise colour
// follows whether the output is a terminal (no-color.org, force-color.org).
#ifndef BEAMCOMPAT_REPORT_COLOR_H_
#define BEAMCOMPAT_REPORT_COLOR_H_

#include <map>
#include <string>

namespace beamcompat {

// False with *error ("unknown --color value 'sometimes'; expected auto, always or never").
bool ResolveColor(const std::string& flag, const std::map<std::string, std::string>& env,
                  bool out_is_tty, bool* color, std::string* error);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_REPORT_COLOR_H_
