// `beamcompat lint [PATH ...]`: reads a repository's Dockerfiles, requirements and project
// files, builds RepoFacts and runs the lint rules (codes BL*) over them, with the project
// configuration, per-file ignores and inline suppressions applied. Exit codes as every
// command: 0 clean, 1 findings at or above --fail-on, 2 usage, config or input errors.
#include <memory>
#include <ostream>

#include "base/kept_until_exit.h"
#include "base/message.h"
#include "base/text.h"
#include "cli/commands.h"
#include "cli/config_options.h"
#include "cli/exit_code.h"
#include "cli/message_printer.h"
#include "cli/options.h"
#include "cli/rule_families.h"
#include "config/config_discovery.h"
#include "config/config_paths.h"
#include "engine/evaluator.h"
#include "facts/fact_set.h"
#include "lint/repo_facts_builder.h"
#include "lint/repo_scanner.h"
#include "report/color.h"
#include "report/output_format.h"
#include "report/reporter.h"
#include "report/statistics.h"
#include "report/suppressions.h"
#include "ruleset/rule_directory.h"

namespace beamcompat {
namespace {

constexpr const char* kLintPrefix = "BL";

int UsageError(const CommandContext& ctx, const std::string& text) {
  ctx.err << "beamcompat: error: " << text << "\nsee 'beamcompat lint --help'\n";
  return kExitUsageOrInput;
}

// Everything the run needs that comes from flags and config, checked up front.
struct LintSetup {
  CommandOptions options;
  Config config;
  const OutputFormatSpec* format = nullptr;
  Severity fail_on = Severity::kError;
  bool color = false;
};

// Returns "" when the options are usable.
std::string Resolve(const CommandContext& ctx, LintSetup* setup) {
  CommandOptions& o = setup->options;
  std::string error;
  setup->format = FindOutputFormat(o.format.empty() ? "text" : o.format, &error);
  if (setup->format == nullptr) return error;
  if (o.fail_on && !ParseSeverity(*o.fail_on, &setup->fail_on)) {
    return "unknown --fail-on value " + Quote(*o.fail_on) +
           DidYouMeanSuffix(*o.fail_on, {"error", "warning", "info"}) +
           "; expected error, warning or info";
  }
  if (!ResolveColor(o.color, ctx.env, ctx.out_is_tty, &setup->color, &error)) return error;
  return "";
}

// Loads every rule file and keeps the selected lint rules. False on a bad rule file or
// selector (printed through `messages` or `error`).
bool SelectLintRules(const CommandContext& ctx, const LintSetup& setup, RuleSet* rules,
                     std::vector<SelectedRule>* selected, Messages* messages,
                     std::string* error) {
  if (!LoadRuleDirectories(ctx.fs, ctx.executable_dir, setup.options.rules_dirs, rules,
                           messages)) {
    return false;
  }
  std::vector<SelectedRule> all;
  RuleSelectionOptions selection = SelectionOptions(setup.config, setup.options);
  selection.other_rules = DiagnoseRulesFor(ctx, setup.options);
  if (!SelectRules(*rules, selection, &all, error)) {
    return false;
  }
  for (const SelectedRule& rule : all) {
    if (rule.rule->info.code.rfind(kLintPrefix, 0) == 0) selected->push_back(rule);
  }
  if (selected->empty() && !all.empty()) {
    // A [tool.beamcompat] select written for check, or a mistyped --select: say why the
    // repository is not checked rather than pass it silently.
    ctx.err << "beamcompat: warning: the selection names only rules of `beamcompat check` ("
            << FirstCodes(all) << "); lint checks no rule\n";
  }
  return true;
}

void WriteReport(const CommandContext& ctx, const LintSetup& setup, const Report& report) {
  if (setup.options.statistics) {
    WriteStatistics(report, ctx.out);
    return;
  }
  ReporterOptions options;
  options.color = setup.color;
  options.tool_version = BEAMCOMPAT_VERSION;
  setup.format->make(options)->Write(report, ctx.out);
}

int LintExitCode(const LintSetup& setup, const Report& report, const Messages& messages) {
  if (messages.has_errors()) return kExitUsageOrInput;
  if (setup.options.exit_zero) return kExitClean;
  return HasFindingsAtOrAbove(report, setup.fail_on) ? kExitFindings : kExitClean;
}

}  // namespace

int RunLint(const std::vector<std::string>& args, const CommandContext& ctx) {
  ParsedCommandLine parsed =
      ParseCommandLine("lint", "[PATH ...] [options]", args,
                       kOutputOptions | kSelectionOptions | kFailOptions, "path", -1);
  if (!parsed.ok()) return UsageError(ctx, parsed.error);
  if (parsed.options.help) {
    ctx.out << parsed.help_text;
    return kExitClean;
  }
  LintSetup setup;
  setup.options = parsed.options;
  Messages messages;
  if (!LoadConfig(ctx.fs, {ctx.working_dir, setup.options.config, setup.options.isolated},
                  &setup.config, &messages)) {
    PrintMessages(messages, ctx.err);
    return kExitUsageOrInput;
  }
  ApplyConfig(setup.config, &setup.options);
  if (std::string error = Resolve(ctx, &setup); !error.empty()) return UsageError(ctx, error);
  RuleSet rules;
  std::vector<SelectedRule> selected;
  std::string error;
  if (!SelectLintRules(ctx, setup, &rules, &selected, &messages, &error)) {
    PrintMessages(messages, ctx.err);
    return error.empty() ? kExitUsageOrInput : UsageError(ctx, error);
  }
  ConfigPaths paths(setup.config, ctx.working_dir);
  std::vector<std::string> roots = setup.options.positional;
  if (roots.empty()) roots.push_back(".");
  std::vector<RepoFile> files = ScanRepository(
      ctx.fs, roots, [&](const std::string& p, bool dir) { return paths.Excluded(p, dir); },
      &messages);
  FactSet& facts = MakeKeptUntilExit<FactSet>();  // not freed: see kept_until_exit.h
  facts.repo = BuildRepoFacts(ctx.fs, files, &messages);
  Report report = Evaluate(selected, facts);
  paths.ApplyPerFileIgnores(&report);
  ApplySuppressions(ctx.fs, facts.repo->files, &report, &messages);
  PrintMessages(messages, ctx.err);
  WriteReport(ctx, setup, report);
  return LintExitCode(setup, report, messages);
}

}  // namespace beamcompat
