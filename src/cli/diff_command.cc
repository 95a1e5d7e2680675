// `beamcompat diff --launch L --runtime R [--format text|json|markdown]`: reads both package
// lists and prints what differs. A report, not a check: exit 0 whenever both lists were read,
// 2 when an input is unusable or the command line is wrong.
#include <ostream>
#include <string>
#include <vector>

#include "base/message.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/diff_output.h"
#include "cli/exit_code.h"
#include "cli/options.h"
#include "facts/marker.h"
#include "facts/package_diff.h"
#include "facts/version.h"
#include "input/package_list_reader.h"

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
  if (o.launch.empty() || o.runtime.empty()) return "diff needs both --launch and --runtime";
  for (const auto& [flag, value] : {std::pair{"--pipeline", &o.pipeline},
                                    {"--staging", &o.staging},
                                    {"--runtime-image", &o.runtime_image},
                                    {"--output", &o.output}}) {
    if (!value->empty()) return std::string("diff does not use '") + flag + "'";
  }
  for (const auto& [flag, value] :
       {std::pair{"--launch-python", &o.launch_python}, {"--runtime-python", &o.runtime_python}}) {
    std::optional<Version> version = Version::Parse(*value);
    if (!value->empty() && (!version || version->release().size() < 2)) {
      return std::string(flag) + " expects a Python version like 3.10 or 3.10.12, found " +
             Quote(*value);
    }
  }
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

// Marker values of a launch machine: only its Python is known.
MarkerEnvironment LaunchMarkers(const std::string& python) {
  MarkerEnvironment env;
  std::optional<Version> version = Version::Parse(python);
  if (!version) return env;
  env["python_version"] = std::to_string(version->major()) + "." + std::to_string(version->minor());
  if (version->release().size() >= 3) env["python_full_version"] = python;
  return env;
}

void PrintMessages(const Messages& messages, std::ostream& err) {
  for (const Message& m : messages.all()) {
    if (m.level != MessageLevel::kError) {
      err << m.ToString() << "\n";
      continue;
    }
    std::string where = m.where.ToString();
    err << "beamcompat: error: " << (where.empty() ? "" : where + ": ") << m.text << "\n";
  }
}

std::string SidePython(const std::string& flag, const std::optional<PackageList>& list) {
  if (!flag.empty()) return flag;
  return list && list->python_version ? list->python_version->value : "";
}

}  // namespace

int RunDiff(const std::vector<std::string>& args, const CommandContext& ctx) {
  ParsedCommandLine parsed =
      ParseCommandLine("diff", "--launch FILE --runtime FILE [--format text|json|markdown]", args,
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
  Messages messages;
  PackageListOptions launch_options, runtime_options;
  launch_options.markers = LaunchMarkers(o.launch_python);
  runtime_options.markers = WorkerMarkerEnvironment(o.runtime_python);
  std::optional<PackageList> launch = LoadPackageList(ctx.fs, o.launch, launch_options, &messages);
  std::optional<PackageList> runtime =
      LoadPackageList(ctx.fs, o.runtime, runtime_options, &messages);
  PrintMessages(messages, ctx.err);
  if (!launch || !runtime) return kExitUsageOrInput;

  DiffSide launch_side{&*launch, SidePython(o.launch_python, launch)};
  DiffSide runtime_side{&*runtime, SidePython(o.runtime_python, runtime)};
  PackageDiff diff = DiffPackageLists(*launch, *runtime, launch_side.python, runtime_side.python);
  WriteDiff(diff, launch_side, runtime_side, format, ctx.out);
  return kExitClean;
}

}  // namespace beamcompat
