// `beamcompat check`: reads the project config ([tool.beamcompat], under the flags), the
// inputs into a FactSet, loads the rules (shipped plus --rules DIR), selects them, evaluates
// and prints the report (or, with --statistics, counts per rule). Exit 0 when nothing is at or
// above --fail-on, 1 when something is, 2 on usage, rule-file or input errors.
#include <memory>
#include <ostream>
#include <string_view>

#include "base/kept_until_exit.h"
#include "base/message.h"
#include "cli/commands.h"
#include "cli/config_options.h"
#include "cli/exit_code.h"
#include "cli/load_inputs.h"
#include "cli/message_printer.h"
#include "cli/options.h"
#include "cli/rule_families.h"
#include "config/config_discovery.h"
#include "config/config_paths.h"
#include "engine/evaluator.h"
#include "report/color.h"
#include "report/output_format.h"
#include "report/statistics.h"
#include "report/suppressions.h"
#include "ruleset/payload_rules.h"
#include "ruleset/rule_directory.h"
#include "ruleset/rule_selection.h"

namespace beamcompat {
namespace {

// Repository rules belong to `lint`, which reads the facts they need; check runs every other
// rule (its own BC rules and any user rules).
constexpr std::string_view kRepositoryRulePrefix = "BL";

constexpr const char* kUsage =
    "[--pipeline FILE | --staging DIR] [--launch FILE] [--runtime FILE] [options]";

int UsageError(const CommandContext& ctx, const std::string& message) {
  ctx.err << "beamcompat: error: " << message << "\n";
  return kExitUsageOrInput;
}

bool HasInputs(const CommandOptions& o) {
  return !o.pipeline.empty() || !o.staging.empty() || !o.launch.empty() || !o.runtime.empty() ||
         !o.launch_python.empty() || !o.runtime_python.empty() || !o.runtime_image.empty();
}

// Output settings checked before any input is read, so a typo fails fast.
struct OutputChoice {
  std::unique_ptr<Reporter> reporter;
  Severity fail_on = Severity::kError;
};

bool ChooseOutput(const CommandOptions& o, const CommandContext& ctx, OutputChoice* choice,
                  std::string* error) {
  const OutputFormatSpec* format = FindOutputFormat(o.format.empty() ? "text" : o.format, error);
  if (!format) return false;
  ReporterOptions reporter_options;
  reporter_options.tool_version = BEAMCOMPAT_VERSION;
  if (!ResolveColor(o.color, ctx.env, ctx.out_is_tty, &reporter_options.color, error)) {
    return false;
  }
  if (o.fail_on && !ParseSeverity(*o.fail_on, &choice->fail_on)) {
    *error = "unknown --fail-on value '" + *o.fail_on + "'; expected error, warning or info";
    return false;
  }
  choice->reporter = format->make(reporter_options);
  return true;
}

// Rule-file errors are printed as they are located: "rules/x.yaml:3:5: error: ...".
bool LoadSelectedRules(const Config& config, const CommandOptions& o, const CommandContext& ctx,
                       RuleSet* rules, std::vector<SelectedRule>* selected) {
  Messages messages;
  bool ok = LoadRuleDirectories(ctx.fs, ctx.executable_dir, o.rules_dirs, rules, &messages,
                                RuleScope::kPipeline);
  RuleSelectionOptions selection = SelectionOptions(config, o);
  selection.other_rules = DiagnoseRulesFor(ctx, o);
  std::string error;
  std::vector<SelectedRule> all;
  bool selection_ok = ok && SelectRules(*rules, selection, &all, &error);
  if (ok && !selection_ok) {
    // A selector may name a repository rule (a [tool.beamcompat] table shared with lint):
    // load those too before calling it unknown; they are dropped below either way.
    *rules = RuleSet();
    messages = Messages();
    all.clear();
    ok = LoadRuleDirectories(ctx.fs, ctx.executable_dir, o.rules_dirs, rules, &messages,
                             RuleScope::kAll);
    selection_ok = ok && SelectRules(*rules, selection, &all, &error);
  }
  for (const Message& message : messages.all()) ctx.err << message.ToString() << "\n";
  if (!ok) return false;
  if (!selection_ok) {
    UsageError(ctx, error);
    return false;
  }
  for (const SelectedRule& rule : all) {
    if (!rule.rule->info.code.starts_with(kRepositoryRulePrefix)) selected->push_back(rule);
  }
  if (selected->empty() && !all.empty()) {
    // A shared [tool.beamcompat] table or a mistyped --select: say why nothing is checked.
    ctx.err << "beamcompat: warning: the selection names only repository rules ("
            << FirstCodes(all) << "), which `beamcompat lint` checks; check evaluates no rule\n";
  }
  return true;
}

// Payloads are decoded only when a selected rule reads them. With --no-payloads, those rules
// are listed as not evaluated (when a pipeline is given; otherwise the missing pipeline is
// the reason).
void PlanPayloadReading(CommandOptions* o, std::vector<SelectedRule>* selected) {
  bool needed = false;
  bool has_pipeline = !o->pipeline.empty() || !o->staging.empty();
  for (SelectedRule& rule : *selected) {
    if (!RuleReadsPayloads(*rule.rule)) continue;
    if (!o->no_payloads) {
      needed = true;
    } else if (has_pipeline) {
      rule.skip_reason = "payloads not decoded (drop --no-payloads to read them)";
    }
  }
  o->no_payloads = !needed;
}

}  // namespace

int RunCheck(const std::vector<std::string>& args, const CommandContext& ctx) {
  ParsedCommandLine parsed =
      ParseCommandLine("check", kUsage, args,
                       kInputOptions | kOutputOptions | kSelectionOptions | kFailOptions, "", 0);
  if (!parsed.ok()) {
    ctx.err << "beamcompat: error: " << parsed.error << "\n\n" << parsed.help_text;
    return kExitUsageOrInput;
  }
  CommandOptions options = parsed.options;
  if (options.help) {
    ctx.out << parsed.help_text;
    return kExitClean;
  }
  Config config;
  Messages config_messages;
  bool config_ok = LoadConfig(ctx.fs, {ctx.working_dir, options.config, options.isolated},
                              &config, &config_messages);
  PrintMessages(config_messages, ctx.err);
  if (!config_ok) return kExitUsageOrInput;
  ApplyConfig(config, &options);
  if (!HasInputs(options)) {
    return UsageError(ctx,
                      "nothing to check; give --pipeline or --staging, --launch and --runtime");
  }
  OutputChoice output;
  std::string error;
  if (!ChooseOutput(options, ctx, &output, &error)) return UsageError(ctx, error);
  RuleSet rules;
  std::vector<SelectedRule> selected;
  if (!LoadSelectedRules(config, options, ctx, &rules, &selected)) return kExitUsageOrInput;
  PlanPayloadReading(&options, &selected);
  FactSet& facts = MakeKeptUntilExit<FactSet>();  // not freed: see kept_until_exit.h
  Messages messages;
  bool ok = LoadInputs(options, ctx, &facts, &messages);
  PrintMessages(messages, ctx.err);
  if (!ok) return kExitUsageOrInput;
  Report report = Evaluate(selected, facts);
  ConfigPaths(config, ctx.working_dir).ApplyPerFileIgnores(&report);
  Messages suppression_messages;
  ApplySuppressions(ctx.fs, {}, &report, &suppression_messages);
  PrintMessages(suppression_messages, ctx.err);
  if (options.statistics) {
    WriteStatistics(report, ctx.out);
  } else {
    output.reporter->Write(report, ctx.out);
  }
  if (options.exit_zero) return kExitClean;
  return HasFindingsAtOrAbove(report, output.fail_on) ? kExitFindings : kExitClean;
}

}  // namespace beamcompat
