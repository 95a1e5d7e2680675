// The table of subcommands; each command lives in its own cli/<name>_command.cc.
#include "cli/command.h"
#include "cli/commands.h"

namespace beamcompat {

const std::vector<CommandSpec>& Commands() {
  static const std::vector<CommandSpec> kCommands = {
      {"facts", "print what beamcompat learned from the inputs", RunFacts},
      {"diff", "compare the packages of the launch and runtime environments", RunDiff},
      {"lint", "lint a repository's Dockerfiles, requirements and pyproject for Beam mistakes",
       RunLint},
  };
  return kCommands;
}

}  // namespace beamcompat
