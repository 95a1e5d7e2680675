// Documented exit codes, the convention of ruff and shellcheck: 0 clean, 1 findings at or
// above --fail-on, 2 the tool could not do its job (usage, config or unreadable input).
#ifndef BEAMCOMPAT_CLI_EXIT_CODE_H_
#define BEAMCOMPAT_CLI_EXIT_CODE_H_

namespace beamcompat {

enum ExitCode : int {
  kExitClean = 0,
  kExitFindings = 1,
  kExitUsageOrInput = 2,
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_CLI_EXIT_CODE_H_
