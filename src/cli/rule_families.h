// One [tool.beamcompat] table serves check, lint and diagnose, but their rules live in
// different files: check and lint read rules/*.yaml and rules/lint/, diagnose reads
// rules/diagnose/. A selector that names none of the running command's rules is looked up
// among the other commands' rules before it is called unknown, so `ignore = ["BD001"]` does
// not break check, nor `ignore = ["no-constraints"]` diagnose. The other rules are loaded
// only for such a selector: the common case parses nothing more.
#ifndef BEAMCOMPAT_CLI_RULE_FAMILIES_H_
#define BEAMCOMPAT_CLI_RULE_FAMILIES_H_

#include "cli/command.h"
#include "cli/options.h"
#include "ruleset/rule_selection.h"

namespace beamcompat {

// For check and lint: the diagnose rules.
OtherRules DiagnoseRulesFor(const CommandContext& ctx, const CommandOptions& options);
// For diagnose: the rules of check and lint.
OtherRules CheckAndLintRulesFor(const CommandContext& ctx, const CommandOptions& options);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_CLI_RULE_FAMILIES_H_
