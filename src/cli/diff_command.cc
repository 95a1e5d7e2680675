// `beamcompat diff --launch L --runtime R [--format text|json|markdown]`: reads both package
// lists (through LoadInputs, so --staging supplies the launch list and --pipeline,
// --runtime-image and the lists supply each side's Python) and prints what differs. A report,
// not a check: exit 0 whenever both lists were read, 2 when an input is unusable or the
// command line is wrong.
#include <ostream>
#include <string>
#include <vector>

#include "base/kept_until_exit.h"
#include "base/message.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/diff_output.h"
#include "cli/exit_code.h"
#include "cli/load_inputs.h"
#include "cli/message_printer.h"
#include "cli/options.h"
#include "facts/fact_set.h"
#include "facts/package_diff.h"

namespace beamcompat {
namespace {

struct FormatSpec {
  const char* name;
  DiffFormat format;
};
constexpr FormatSpec kDiffFormats[] = {
    {"text", DiffFormat::kText}, {"json", DiffFormat::kJson}, {"markdown", DiffFormat::kMarkdown}};

int UsageError(const CommandContext& ctx, const std::string& text) {
  ctx.err << "beamcompat: error: " << text << "\nsee 'beamcompat diff --help'\n";
  return kExitUsageOrInput;
}

// Checks the flags diff takes; returns "" when they are usable.
std::string CheckOptions(const CommandOptions& o, DiffFormat* format) {
  if (o.launch.empty() && o.staging.empty()) {
    return "diff needs the launch packages: --launch FILE, or --staging DIR holding "
           "submission_environment_dependencies.txt";
  }
  if (o.runtime.empty()) return "diff needs the runtime packages: --runtime FILE";
  std::string name = o.format.empty() ? "text" : o.format;
  std::vector<std::string> names;
  for (const FormatSpec& spec : kDiffFormats) {
    if (name == spec.name) {
      *format = spec.format;
      return "";
    }
    names.push_back(spec.name);
  }
  return "unknown format " + Quote(name) + " for diff (expected text, json or markdown)" +
         DidYouMeanSuffix(name, names);
}

DiffSide DescribeSide(const SideFacts& side) {
  return DiffSide{&*side.packages, side.python ? side.python->value : ""};
}

}  // namespace

int RunDiff(const std::vector<std::string>& args, const CommandContext& ctx) {
  ParsedCommandLine parsed = ParseCommandLine(
      "diff", "--launch FILE --runtime FILE [--format text|json|markdown] [options]", args,
      kInputOptions | kOutputOptions, "", 0);
  if (!parsed.ok()) return UsageError(ctx, parsed.error);
  const CommandOptions& o = parsed.options;
  if (o.help) {
    ctx.out << parsed.help_text;
    return kExitClean;
  }
  DiffFormat format = DiffFormat::kText;
  if (std::string problem = CheckOptions(o, &format); !problem.empty()) {
    return UsageError(ctx, problem);
  }
  FactSet& facts = MakeKeptUntilExit<FactSet>();  // not freed: see kept_until_exit.h
  Messages messages;
  CommandOptions inputs = o;
  inputs.no_payloads = true;  // diff compares package lists; the pickled code plays no part
  bool ok = LoadInputs(inputs, ctx, &facts, &messages);
  PrintMessages(messages, ctx.err);
  if (!ok) return kExitUsageOrInput;
  if (!facts.launch.packages) {
    return UsageError(ctx,
                      "the staging directory holds no "
                      "submission_environment_dependencies.txt; pass --launch FILE");
  }
  DiffSide launch = DescribeSide(facts.launch);
  DiffSide runtime = DescribeSide(facts.runtime);
  PackageDiff diff = DiffPackageLists(*facts.launch.packages, *facts.runtime.packages,
                                      launch.python, runtime.python);
  WriteDiff(diff, launch, runtime, format, ctx.out);
  return kExitClean;
}

}  // namespace beamcompat
