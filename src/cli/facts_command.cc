// `beamcompat facts`: reads the inputs and prints what beamcompat learned from them (the
// FactSet), as JSON (the default) or text. The tool's own observability: every fact shows its
// value, its origin and where it was read.
#include <ostream>

#include "base/message.h"
#include "base/text.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/load_inputs.h"
#include "cli/message_printer.h"
#include "cli/options.h"
#include "facts/fact_dump.h"

namespace beamcompat {

int RunFacts(const std::vector<std::string>& args, const CommandContext& ctx) {
  ParsedCommandLine parsed = ParseCommandLine(
      "facts", "[--pipeline FILE | --staging DIR] [--launch FILE] [--runtime FILE] [options]",
      args, kInputOptions | kOutputOptions, "", 0);
  if (!parsed.ok()) {
    ctx.err << "beamcompat: error: " << parsed.error << "\n\n" << parsed.help_text;
    return kExitUsageOrInput;
  }
  const CommandOptions& options = parsed.options;
  if (options.help) {
    ctx.out << parsed.help_text;
    return kExitClean;
  }
  const std::string format = options.format.empty() ? "json" : options.format;
  if (format != "json" && format != "text") {
    ctx.err << "beamcompat: error: unknown format " << Quote(format)
            << DidYouMeanSuffix(format, {"json", "text"}) << "; expected 'json' or 'text'\n";
    return kExitUsageOrInput;
  }
  FactSet facts;
  Messages messages;
  bool ok = LoadInputs(options, ctx, &facts, &messages);
  PrintMessages(messages, ctx.err);
  if (!ok) return kExitUsageOrInput;
  if (format == "json") {
    WriteFactsJson(facts, ctx.out);
  } else {
    WriteFactsText(facts, ctx.out);
  }
  return kExitClean;
}

}  // namespace beamcompat
