// Puts the project configuration under the command line: a value given as a flag wins, a
// list flag (`--ignore`, `--extend-select`, `--rules`) adds to the config's list, and
// `--select` replaces the config's select. Every command that takes selection options calls
// this after config discovery, so `[tool.beamcompat]` means the same everywhere.
#ifndef BEAMCOMPAT_CLI_CONFIG_OPTIONS_H_
#define BEAMCOMPAT_CLI_CONFIG_OPTIONS_H_

#include <string>
#include <vector>

#include "cli/options.h"
#include "config/config.h"
#include "ruleset/rule_selection.h"

namespace beamcompat {

// Fills the options the command line left unset from `config`.
void ApplyConfig(const Config& config, CommandOptions* options);

// The rule selection of the merged options plus the config's severity overrides.
RuleSelectionOptions SelectionOptions(const Config& config, const CommandOptions& options);

// "BC013, BC014, BC015, ...": the first codes of `rules`, for a message about a selection.
std::string FirstCodes(const std::vector<SelectedRule>& rules);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_CLI_CONFIG_OPTIONS_H_
