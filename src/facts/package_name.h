// PEP 503 project-name normalisation: the only form in which names are compared.
#ifndef BEAMCOMPAT_FACTS_PACKAGE_NAME_H_
#define BEAMCOMPAT_FACTS_PACKAGE_NAME_H_

#include <string>
#include <string_view>

namespace beamcompat {

// "PyYAML" -> "pyyaml", "Foo__Bar..baz" -> "foo-bar-baz".
std::string NormalizePackageName(std::string_view name);

// True for a valid PEP 508 name ([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9], any case).
bool IsValidPackageName(std::string_view name);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_FACTS_PACKAGE_NAME_H_
