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
      {"lint", "lint a repository's Dockerfiles, requirements and pyproject for Beam mistakes",
       RunLint},
      {"rules", "list every rule: code, severity, name and summary", RunRules},
      {"explain", "explain one rule: why it matters, how to fix it, an example", RunExplain},
  };
  return kCommands;
}

}  // namespace beamcompat
