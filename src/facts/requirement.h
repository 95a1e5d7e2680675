// PEP 508 requirement strings: name, extras, specifiers or URL, marker.
#ifndef BEAMCOMPAT_FACTS_REQUIREMENT_H_
#define BEAMCOMPAT_FACTS_REQUIREMENT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/specifier.h"

namespace beamcompat {

struct Requirement {
  std::string name;  // as written
  std::string key;   // normalised
  std::vector<std::string> extras;
  SpecifierSet specifiers;
  std::string url;     // after "@", if any
  std::string marker;  // after ";", if any, trimmed
};

// Parses "requests[security]>=2.8.1,==2.8.* ; python_version < '3.11'". On failure returns
// nullopt and sets *err to what was expected, e.g. "expected a version after '=='".
std::optional<Requirement> ParseRequirement(std::string_view text, std::string* err);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_REQUIREMENT_H_
