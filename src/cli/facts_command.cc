// `beamcompat facts`: reads the inputs and prints what beamcompat learned from them (the
// FactSet), as JSON (the default) or text. The tool's own observability: every fact shows its
// value, its origin and where it was read.
#include <ostream>

#include "base/kept_until_exit.h"
#include "base/message.h"
#include "base/text.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/load_inputs.h"
#include "cli/message_printer.h"
#include "cli/options.h"
#include "facts/fact_dump.h"

namespace beamcompat {
namespace {

bool HasInput(const CommandOptions& o) {
  return !o.pipeline.empty() || !o.staging.empty() || !o.launch.empty() || !o.runtime.empty() ||
         !o.launch_python.empty() || !o.runtime_python.empty() || !o.runtime_image.empty();
}

}  // namespace

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
  if (!HasInput(options)) {
    ctx.err << "beamcompat: error: no inputs; give --pipeline, --staging, --launch, --runtime "
               "or a --*-python/--runtime-image flag; see 'beamcompat facts --help'\n";
    return kExitUsageOrInput;
  }
  const std::string format = options.format.empty() ? "json" : options.format;
  if (format != "json" && format != "text") {
    ctx.err << "beamcompat: error: unknown format " << Quote(format)
            << DidYouMeanSuffix(format, {"json", "text"}) << "; expected 'json' or 'text'\n";
    return kExitUsageOrInput;
  }
  FactSet& facts = MakeKeptUntilExit<FactSet>();  // not freed: see kept_until_exit.h
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
