// Recognises the package installs inside one shell command of a RUN instruction: pip in all
// its spellings (`pip`, `pip3.11`, `/opt/venv/bin/pip`, `python3 -m pip`, `uv pip`) and apt
// (`apt-get install`, `apt install`). What each argument means follows pip's and apt's own
// option tables, so a value of `-i URL` is never taken for a requirement.
#ifndef BEAMCOMPAT_LINT_INSTALL_COMMAND_H_
#define BEAMCOMPAT_LINT_INSTALL_COMMAND_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace beamcompat {

enum class PipArgumentKind {
  kRequirement,       // a PEP 508 string: apache-beam[gcp]==2.48.0
  kRequirementsFile,  // -r FILE
  kConstraintsFile,   // -c FILE
  kEditable,          // -e PATH
  kLocalPath,         // ./dist/x.whl, . , /src
  kUrl,               // https://..., git+https://...
};
const char* PipArgumentKindName(PipArgumentKind kind);  // "requirement", "requirements-file", ...

struct PipArgument {
  PipArgumentKind kind = PipArgumentKind::kRequirement;
  std::string text;
  size_t word = 0;  // index of the word holding the value in the command
};

struct PipInstall {
  std::string installer;  // "pip", "pip3", "python3 -m pip", "uv pip", as written
  size_t first_word = 0;  // index of the installer's first word
  std::vector<PipArgument> arguments;
  bool no_deps = false;
  bool upgrade = false;
  bool user = false;
};

struct AptInstall {
  std::string installer;  // "apt-get", "apt"
  size_t first_word = 0;
  std::vector<std::string> packages;
  std::vector<size_t> package_words;  // word index of each package
};

// `words` are one simple command's words (quotes removed). Leading `VAR=value` assignments,
// `sudo`, `env` and `exec` are skipped. Returns nullopt when the command is not an install.
std::optional<PipInstall> ParsePipInstall(const std::vector<std::string>& words);
std::optional<AptInstall> ParseAptInstall(const std::vector<std::string>& words);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_LINT_INSTALL_COMMAND_H_
