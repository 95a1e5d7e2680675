// Declarations of every subcommand's entry point (see cli/command.h for the contract).
#ifndef BEAMCOMPAT_CLI_COMMANDS_H_
#define BEAMCOMPAT_CLI_COMMANDS_H_

#include <string>
#include <vector>

#include "cli/command.h"

namespace beamcompat {

// cli/check_command.cc: evaluate the rules over the inputs.
int RunCheck(const std::vector<std::string>& args, const CommandContext& ctx);
// cli/diagnose_command.cc: explain a failed job from its worker log.
int RunDiagnose(const std::vector<std::string>& args, const CommandContext& ctx);
// cli/diff_command.cc: compare the packages of the launch and runtime environments.
int RunDiff(const std::vector<std::string>& args, const CommandContext& ctx);
int RunFacts(const std::vector<std::string>& args, const CommandContext& ctx);

// cli/lint_command.cc: lint a repository's Dockerfiles, requirements and project files.
int RunLint(const std::vector<std::string>& args, const CommandContext& ctx);

// cli/rules_command.cc: list every rule; print one rule's rationale, fix and example.
int RunRules(const std::vector<std::string>& args, const CommandContext& ctx);
int RunExplain(const std::vector<std::string>& args, const CommandContext& ctx);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_CLI_COMMANDS_H_
