// Entry point of the CLI as a library function: dispatches to a subcommand and returns the
// process exit code. main.cc only builds the real context and calls this.
#ifndef BEAMCOMPAT_CLI_RUN_H_
#define BEAMCOMPAT_CLI_RUN_H_

#include <string>
#include <vector>

#include "cli/command.h"

namespace beamcompat {

// `args` excludes the program name.
int Run(const std::vector<std::string>& args, const CommandContext& ctx);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_CLI_RUN_H_
