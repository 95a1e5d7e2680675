// What one project file declares: requirements (for any package) and Python constraints,
// each located. The readers of pyproject.toml, setup.py, setup.cfg, .python-version and
// requirements files fill it; lint/repo_facts_builder.h gathers them into RepoFacts.
#ifndef BEAMCOMPAT_LINT_DECLARATIONS_H_
#define BEAMCOMPAT_LINT_DECLARATIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/location.h"
#include "facts/repo_facts.h"
#include "input/requirements_lines.h"

namespace beamcompat {

class Messages;

// A -r or -c line of a requirements file.
struct RequirementsInclude {
  bool constraint = false;
  std::string file;  // as written
  SourceLocation where;
};

struct Declarations {
  std::vector<RepoRequirement> requirements;
  std::vector<RepoPythonDeclaration> pythons;
  std::vector<RequirementsInclude> includes;
};

// Parses one PEP 508 string into a RepoRequirement; a bad one is a warning and nullopt.
std::optional<RepoRequirement> MakeRepoRequirement(std::string_view text, std::string source,
                                                   SourceLocation where, Messages* messages);
// The requirement of a requirements-file line the line parser already read. A version from a
// pip environment variable ("apache-beam==${BEAM_VERSION}") is kept in the specifier text; with
// == or === it is a pin, to a version not known here.
RepoRequirement MakeRepoRequirement(const RequirementsLine& line, std::string source,
                                    SourceLocation where);

// A Python constraint as a PEP 440 specifier set: "3.10.12" (a .python-version) -> "==3.10.*",
// ">=3.10" stays. "" when it is neither.
std::string PythonSpecifier(std::string_view text);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_LINT_DECLARATIONS_H_
