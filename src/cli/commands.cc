// The table of subcommands; each command lives in its own cli/<name>_command.cc.
#include "cli/command.h"
#include "cli/commands.h"

namespace beamcompat {

const std::vector<CommandSpec>& Commands() {
  static const std::vector<CommandSpec> kCommands = {
      {"check", "check a pipeline's launch and runtime environments against the rules", RunCheck},
      {"diagnose", "explain a failed job from its worker log", RunDiagnose},
      {"diff", "compare the packages of the launch and runtime environments", RunDiff},
      {"facts", "print what beamcompat learned from the inputs", RunFacts},
  };
  return kCommands;
}

}  // namespace beamcompat
