// The table of subcommands; each command lives in its own cli/<name>_command.cc.
#include "cli/command.h"
#include "cli/commands.h"

namespace beamcompat {

const std::vector<CommandSpec>& Commands() {
  static const std::vector<CommandSpec> kCommands = {
      {"facts", "print what beamcompat learned from the inputs", RunFacts},
  };
  return kCommands;
}

}  // namespace beamcompat
