// Readers of the project files that declare a pipeline's dependencies, each into
// Declarations with locations: requirements/constraints files (pip's format, via
// input/requirements_lines.h), pyproject.toml (PEP 621 `project.dependencies` and
// `requires-python`, Poetry's `[tool.poetry.dependencies]`), setup.py (only a literal
// `install_requires=[...]` list: nothing is executed), setup.cfg `[options]` and
// `.python-version`. Problems are warnings; a reader never stops the lint run.
#ifndef BEAMCOMPAT_LINT_PROJECT_FILE_READERS_H_
#define BEAMCOMPAT_LINT_PROJECT_FILE_READERS_H_

#include <string>
#include <string_view>

#include "lint/declarations.h"

namespace beamcompat {

class Messages;

void ReadRequirementsFile(const std::string& file, std::string_view text, bool constraints,
                          Declarations* out, Messages* messages);
void ReadPyproject(const std::string& file, std::string_view text, Declarations* out,
                   Messages* messages);
void ReadSetupPy(const std::string& file, std::string_view text, Declarations* out,
                 Messages* messages);
void ReadSetupCfg(const std::string& file, std::string_view text, Declarations* out,
                  Messages* messages);
void ReadPythonVersionFile(const std::string& file, std::string_view text, Declarations* out,
                           Messages* messages);

// Poetry's constraint syntax as a PEP 440 specifier set: "^2.48.0" -> ">=2.48.0,<3.0.0",
// "~2.48.0" -> ">=2.48.0,<2.49", "2.48.0" -> "==2.48.0", "*" -> "". False on `||` and
// other forms PEP 440 cannot say.
bool PoetryToSpecifier(std::string_view constraint, std::string* specifier);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_LINT_PROJECT_FILE_READERS_H_
