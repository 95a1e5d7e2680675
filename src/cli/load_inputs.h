// Turns the input flags of a command (--pipeline, --staging, --launch, --runtime,
// --launch-python, --runtime-python, --runtime-image) into one FactSet. Shared by check,
// facts, diff and diagnose so every command learns the same facts the same way.
#ifndef BEAMCOMPAT_CLI_LOAD_INPUTS_H_
#define BEAMCOMPAT_CLI_LOAD_INPUTS_H_

#include "cli/command.h"
#include "cli/options.h"
#include "facts/fact_set.h"

namespace beamcompat {

class Messages;

// The pickled payloads are decoded unless options.no_payloads is set.
// Returns false when an input is unusable (the messages say which file and where); warnings
// about single lines are added to `messages` and loading goes on.
bool LoadInputs(const CommandOptions& options, const CommandContext& ctx, FactSet* facts,
                Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_CLI_LOAD_INPUTS_H_
