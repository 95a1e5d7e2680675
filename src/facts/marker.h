// PEP 508 environment markers ("python_version >= '3.9' and sys_platform == 'linux'"),
// evaluated against one side's marker values.
#ifndef BEAMCOMPAT_FACTS_MARKER_H_
#define BEAMCOMPAT_FACTS_MARKER_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace beamcompat {

// Marker variable -> value ("python_version" -> "3.10"). A variable that is absent is unknown.
using MarkerEnvironment = std::map<std::string, std::string, std::less<>>;

// The values a Beam worker has, derived from its Python version ("3.10" or "3.10.12"):
// Linux, x86_64, CPython.
MarkerEnvironment WorkerMarkerEnvironment(std::string_view python_version);

enum class MarkerResult { kTrue, kFalse, kUnknown };

// kUnknown when the marker needs a variable the environment lacks. On a syntax error
// returns nullopt and sets *err.
std::optional<MarkerResult> EvaluateMarker(std::string_view marker, const MarkerEnvironment& env,
                                           std::string* err);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_MARKER_H_
