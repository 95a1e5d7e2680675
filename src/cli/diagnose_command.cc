// `beamcompat diagnose worker.log`: explains a failed job from its worker log (or stdin).
// With --pipeline/--launch/--runtime the diagnoses are tied to those facts and the `check`
// findings that explain them are shown with them.
#include <algorithm>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>

#include "base/file_system.h"
#include "base/kept_until_exit.h"
#include "base/message.h"
#include "base/text.h"
#include "cli/commands.h"
#include "cli/config_options.h"
#include "cli/exit_code.h"
#include "cli/load_inputs.h"
#include "cli/message_printer.h"
#include "cli/options.h"
#include "cli/rule_families.h"
#include "config/config_discovery.h"
#include "diagnose/check_link.h"
#include "diagnose/diagnose_rule_catalog.h"
#include "diagnose/diagnose_report.h"
#include "diagnose/diagnoser.h"
#include "engine/evaluator.h"
#include "pickle/module_map.h"
#include "report/color.h"
#include "report/output_format.h"
#include "report/reporter.h"
#include "ruleset/rule_directory.h"
#include "ruleset/rule_selection.h"

namespace beamcompat {
namespace {

constexpr const char* kUsage =
    "[options] [LOG]\n\nLOG is a worker log, console output or a Cloud Logging JSON export "
    "(gcloud logging read --format=json); standard input when absent or '-'.";

bool MatchesAny(const std::vector<std::string>& selectors, const RuleInfo& info) {
  for (const std::string& s : selectors) {
    if (SelectorMatches(s, info)) return true;
  }
  return false;
}

// --select/--extend-select/--ignore apply to the diagnose rules and to the check findings
// shown with them.
bool IsSelected(const RuleInfo& info, const CommandOptions& o) {
  bool selected = o.select.empty() || MatchesAny(o.select, info) || MatchesAny(o.extend_select, info);
  return selected && !MatchesAny(o.ignore, info);
}

// Every selector must name a diagnose rule, or a rule of check or lint (a shared
// [tool.beamcompat] table; check rules also select the linked findings).
bool CheckSelectors(const std::vector<SignatureRule>& rules, const CommandOptions& o,
                    const OtherRules& other, std::string* error) {
  std::vector<std::string> known;
  for (const SignatureRule& rule : rules) {
    known.push_back(rule.info.code);
    known.push_back(rule.info.name);
  }
  for (const auto* list : {&o.select, &o.extend_select, &o.ignore}) {
    for (const std::string& selector : *list) {
      bool matches = false;
      for (const SignatureRule& rule : rules) matches = matches || SelectorMatches(selector, rule.info);
      if (matches || NamesOtherRule(selector, other)) continue;
      *error = "unknown rule selector " + Quote(selector) + DidYouMeanSuffix(selector, known);
      return false;
    }
  }
  return true;
}

std::vector<SignatureRule> Select(std::vector<SignatureRule> rules, const CommandOptions& o) {
  std::vector<SignatureRule> kept;
  for (SignatureRule& rule : rules) {
    if (IsSelected(rule.info, o)) kept.push_back(std::move(rule));
  }
  return kept;
}

bool LoadSignatures(const CommandOptions& o, const CommandContext& ctx, SignatureRuleSet* set,
                    Messages* messages) {
  std::vector<SignatureRule> rules;
  if (!LoadDiagnoseRules(ctx.fs, ctx.executable_dir, o.rules_dirs, &rules, messages)) return false;
  std::string error;
  if (!CheckSelectors(rules, o, CheckAndLintRulesFor(ctx, o), &error)) {
    messages->Error(SourceLocation{}, error);
    return false;
  }
  std::vector<SignatureRule> kept = Select(std::move(rules), o);
  if (kept.empty() && !o.select.empty()) {
    ctx.err << "beamcompat: warning: the selection names no diagnose rule (BD...); diagnose "
               "matches no failure\n";
  }
  if (!set->Build(std::move(kept), &error)) {
    messages->Error(SourceLocation{}, error);
    return false;
  }
  return true;
}

bool HasFactInputs(const CommandOptions& o) {
  return !o.pipeline.empty() || !o.staging.empty() || !o.launch.empty() || !o.runtime.empty() ||
         !o.launch_python.empty() || !o.runtime_python.empty() || !o.runtime_image.empty();
}

int UsageError(const CommandContext& ctx, const std::string& text) {
  ctx.err << "beamcompat: error: " << text << "\n";
  return kExitUsageOrInput;
}

// Output format, colour and --fail-on, checked before any work is done.
bool CheckFlags(const CommandOptions& o, const CommandContext& ctx, std::unique_ptr<Reporter>* reporter,
                int* code) {
  std::string error;
  const OutputFormatSpec* format = FindOutputFormat(o.format.empty() ? "text" : o.format, &error);
  ReporterOptions options;
  options.tool_version = BEAMCOMPAT_VERSION;
  if (format && !ResolveColor(o.color, ctx.env, ctx.out_is_tty, &options.color, &error)) format = nullptr;
  Severity unused;
  if (format && o.fail_on && !ParseSeverity(*o.fail_on, &unused)) {
    error = "unknown --fail-on value " + Quote(*o.fail_on) + ", expected 'error', 'warning' or 'info'";
    format = nullptr;
  }
  if (!format) {
    *code = UsageError(ctx, error);
    return false;
  }
  *reporter = format->make(options);
  return true;
}

// The shipped module data (rules/data), which both readings of the module map use.
std::string ModuleDataDir(const CommandContext& ctx) {
  return JoinPath(FindBuiltinRulesDirectory(ctx.fs, ctx.executable_dir), "data");
}

// The check findings for the facts, to show next to the diagnoses they explain, and the
// module map (rules/data) that finds which listed distribution provides a module.
bool RunChecks(const CommandOptions& o, const CommandContext& ctx, const FactSet& facts,
               Report* checks, std::optional<ModuleMap>* modules, Messages* messages) {
  RuleSet rules;
  // The pipeline rules only: the repository rules need a scanned repository.
  if (!LoadRuleDirectories(ctx.fs, ctx.executable_dir, o.rules_dirs, &rules, messages,
                           RuleScope::kPipeline)) {
    return false;
  }
  *modules = ModuleMap::Load(ctx.fs, ModuleDataDir(ctx), messages);
  if (!*modules) return false;
  *checks = Evaluate(SelectAll(rules), facts);
  std::erase_if(checks->diagnostics, [&](const Diagnostic& d) {
    return !IsSelected(RuleInfo{.code = d.code, .name = d.name}, o);
  });
  return true;
}

bool NamesPackage(const std::vector<Diagnosis>& diagnoses) {
  return std::any_of(diagnoses.begin(), diagnoses.end(),
                     [](const Diagnosis& d) { return !d.rule->package.empty(); });
}

// Without inputs, the table naming distributions (rules/data/module_distributions.yaml) is
// read only when a diagnosis names a package to install.
bool LoadDistributionTable(const CommandContext& ctx, std::optional<ModuleMap>* modules) {
  Messages messages;
  *modules = ModuleMap::LoadDistributions(ctx.fs, ModuleDataDir(ctx), &messages);
  PrintMessages(messages, ctx.err);
  return modules->has_value();
}

void AddReadNotes(const std::string& log, const LogReadResult& read, int overflow, Report* report) {
  std::string unit = read.format == LogFormat::kCloudLoggingJson ? " entries" : " lines";
  report->notes.push_back("read " + log + ": " + std::to_string(read.lines) + unit + " (" +
                          LogFormatName(read.format) + ")");
  if (!read.warning.empty()) report->notes.push_back(log + ": " + read.warning);
  if (overflow > 0) {
    report->notes.push_back(std::to_string(overflow) +
                            " more failures were counted but not kept (too many distinct failures)");
  }
}

void PrintStatistics(const Report& report, std::ostream& out) {
  std::map<std::string, int> per_rule;
  for (const Diagnostic& d : report.diagnostics) per_rule[d.code + " " + d.name] += std::max(d.count, 1);
  for (const auto& [rule, count] : per_rule) out << count << "\t" << rule << "\n";
}

struct LogRun {
  LogReadResult read;
  std::vector<Diagnosis> diagnoses;
  int overflow = 0;
};

bool ReadAndDiagnose(const std::string& log, const SignatureRuleSet& rules,
                     const CommandContext& ctx, LogRun* run, std::string* error) {
  std::unique_ptr<std::istream> file;
  if (log != "-" && !(file = ctx.fs.OpenForReading(log, error))) return false;
  std::istream& in = file ? *file : ctx.in;
  Diagnoser diagnoser(rules);
  run->read = ReadLog(in, [&](const LogLine& line) { diagnoser.Feed(line); });
  diagnoser.Finish();
  if (in.bad()) {
    *error = "cannot read " + Quote(log == "-" ? "<stdin>" : log);
    return false;
  }
  run->diagnoses = diagnoser.diagnoses();
  run->overflow = diagnoser.overflow();
  return true;
}

}  // namespace

int RunDiagnose(const std::vector<std::string>& args, const CommandContext& ctx) {
  ParsedCommandLine parsed = ParseCommandLine(
      "diagnose", kUsage, args, kInputOptions | kOutputOptions | kSelectionOptions | kFailOptions,
      "log", 1);
  CommandOptions o = parsed.options;
  if (!parsed.ok()) return UsageError(ctx, parsed.error + "\n\n" + parsed.help_text);
  if (o.help) {
    ctx.out << parsed.help_text;
    return kExitClean;
  }
  Config config;  // [tool.beamcompat] / beamcompat.toml under the command line
  Messages config_messages;
  if (!LoadConfig(ctx.fs, {ctx.working_dir, o.config, o.isolated}, &config, &config_messages)) {
    PrintMessages(config_messages, ctx.err);
    return kExitUsageOrInput;
  }
  ApplyConfig(config, &o);
  std::unique_ptr<Reporter> reporter;
  int code = kExitClean;
  if (!CheckFlags(o, ctx, &reporter, &code)) return code;
  Messages messages;
  SignatureRuleSet rules;
  FactSet& facts = MakeKeptUntilExit<FactSet>();  // not freed: see kept_until_exit.h
  bool with_facts = HasFactInputs(o);
  bool ok = LoadSignatures(o, ctx, &rules, &messages) &&
            (!with_facts || LoadInputs(o, ctx, &facts, &messages));
  Report checks;
  std::optional<ModuleMap> modules;
  ok = ok && (!with_facts || RunChecks(o, ctx, facts, &checks, &modules, &messages));
  PrintMessages(messages, ctx.err);
  if (!ok) return kExitUsageOrInput;
  std::string log = o.positional.empty() ? "-" : o.positional[0];
  std::string name = log == "-" ? "<stdin>" : log;
  LogRun run;
  std::string error;
  if (!ReadAndDiagnose(log, rules, ctx, &run, &error)) return UsageError(ctx, error);
  if (!modules && NamesPackage(run.diagnoses) && !LoadDistributionTable(ctx, &modules)) {
    return kExitUsageOrInput;
  }
  DiagnoseSource source{name, run.read.format == LogFormat::kCloudLoggingJson};
  Report report = BuildDiagnoseReport(run.diagnoses, rules, source, with_facts ? &facts : nullptr,
                                      modules ? &*modules : nullptr);
  if (with_facts) LinkCheckDiagnostics(run.diagnoses, checks, &report);
  AddReadNotes(name, run.read, run.overflow, &report);
  reporter->Write(report, ctx.out);
  if (o.statistics) PrintStatistics(report, ctx.out);
  Severity threshold = Severity::kError;
  if (o.fail_on) ParseSeverity(*o.fail_on, &threshold);
  return !o.exit_zero && HasFindingsAtOrAbove(report, threshold) ? kExitFindings : kExitClean;
}

}  // namespace beamcompat
