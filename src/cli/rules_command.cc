// `beamcompat rules` lists every rule of every rule file (check, lint and diagnose) with its
// code, default severity, name and summary, as text or JSON; `beamcompat explain CODE`
// prints one rule's rationale, fix and example. Both read the same rule directories as the
// commands that run the rules, config included, so a project's own rules show up too.
#include <algorithm>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/message.h"
#include "base/text.h"
#include "cli/commands.h"
#include "cli/config_options.h"
#include "cli/exit_code.h"
#include "cli/message_printer.h"
#include "cli/options.h"
#include "cli/rule_families.h"
#include "config/config_discovery.h"
#include "diagnose/diagnose_rule_catalog.h"
#include "ruleset/rule_directory.h"
#include "ruleset/rule_selection.h"

namespace beamcompat {
namespace {

int UsageError(const CommandContext& ctx, const std::string& command, const std::string& text) {
  ctx.err << "beamcompat: error: " << text << "\nsee 'beamcompat " << command << " --help'\n";
  return kExitUsageOrInput;
}

// Config discovery plus every rule file; false (after printing why) when unusable.
bool LoadAllRules(const CommandContext& ctx, CommandOptions* options, Config* config,
                  RuleSet* rules) {
  Messages messages;
  bool ok = LoadConfig(ctx.fs, {ctx.working_dir, options->config, options->isolated}, config,
                       &messages);
  if (ok) {
    ApplyConfig(*config, options);
    ok = LoadRuleDirectories(ctx.fs, ctx.executable_dir, options->rules_dirs, rules, &messages);
  }
  std::vector<RuleInfo> diagnose;  // diagnose's signature rules are listed with the others
  if (ok) {
    ok = LoadDiagnoseRuleInfos(ctx.fs, ctx.executable_dir, options->rules_dirs, &diagnose, &messages);
  }
  for (RuleInfo& info : diagnose) {
    Rule rule;
    rule.info = std::move(info);
    rules->rules.push_back(std::move(rule));
  }
  std::sort(rules->rules.begin(), rules->rules.end(),
            [](const Rule& a, const Rule& b) { return a.info.code < b.info.code; });
  PrintMessages(messages, ctx.err);
  return ok;
}

std::string Basename(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Columns are as wide as their longest entry, so long user rule names keep the table aligned.
void WriteRulesText(const std::vector<SelectedRule>& rules, std::ostream& out) {
  size_t name_width = 0;
  for (const SelectedRule& selected : rules) {
    name_width = std::max(name_width, selected.rule->info.name.size());
  }
  for (const SelectedRule& selected : rules) {
    const RuleInfo& info = selected.rule->info;
    Severity severity = selected.severity_override.value_or(info.default_severity);
    out << fmt::format("{:<7} {:<8} {:<{}} {}\n", info.code, SeverityName(severity), info.name,
                       name_width, info.summary);
  }
}

void WriteRulesJson(const std::vector<SelectedRule>& rules, std::ostream& out) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const SelectedRule& selected : rules) {
    const RuleInfo& info = selected.rule->info;
    list.push_back({{"code", info.code},
                    {"name", info.name},
                    {"severity", SeverityName(selected.severity_override.value_or(
                                     info.default_severity))},
                    {"summary", info.summary},
                    {"defined_in", Basename(info.defined_at.file) + ":" +
                                       std::to_string(info.defined_at.line)}});
  }
  out << list.dump(2) << "\n";
}

// `text` indented by two spaces; prose (one long line) is wrapped at 88 columns, lines that
// were already short (an example) are kept as they are.
std::string Indented(const std::string& text) {
  constexpr size_t kWidth = 86;
  std::string out;
  for (std::string_view line : SplitLines(text)) {
    std::string current = " ";
    for (std::string_view word : Split(line, ' ')) {
      if (line.size() > kWidth && current.size() > 1 && current.size() + word.size() + 1 > kWidth) {
        out += " " + current + "\n";
        current = " ";
      }
      current += (current.size() > 1 ? " " : "") + std::string(word);
    }
    out += " " + current + "\n";
  }
  return out;
}

void WriteExplanation(const RuleInfo& info, std::ostream& out) {
  out << info.code << " " << info.name << " (" << SeverityName(info.default_severity) << ")\n\n"
      << info.summary << "\n";
  if (!info.rationale.empty()) out << "\nwhy:\n" << Indented(info.rationale);
  if (!info.fix.empty()) out << "\nfix:\n" << Indented(info.fix);
  if (!info.example.empty()) out << "\nexample:\n" << Indented(info.example);
  if (info.defined_at.line > 0) {
    out << "\ndefined in " << Basename(info.defined_at.file) << ":" << info.defined_at.line << "\n";
  }
}

}  // namespace

int RunRules(const std::vector<std::string>& args, const CommandContext& ctx) {
  ParsedCommandLine parsed = ParseCommandLine("rules", "[options]", args,
                                              kOutputOptions | kSelectionOptions, "", 0);
  if (!parsed.ok()) return UsageError(ctx, "rules", parsed.error);
  if (parsed.options.help) {
    ctx.out << parsed.help_text;
    return kExitClean;
  }
  CommandOptions options = parsed.options;
  std::string format = options.format.empty() ? "text" : options.format;
  if (format != "text" && format != "json") {
    return UsageError(ctx, "rules", "unknown format " + Quote(format) +
                                        DidYouMeanSuffix(format, {"text", "json"}) +
                                        "; expected text or json");
  }
  Config config;
  RuleSet rules;
  if (!LoadAllRules(ctx, &options, &config, &rules)) return kExitUsageOrInput;
  std::vector<SelectedRule> selected;
  std::string error;
  RuleSelectionOptions selection = SelectionOptions(config, options);
  selection.other_rules = DiagnoseRulesFor(ctx, options);
  if (!SelectRules(rules, selection, &selected, &error)) {
    return UsageError(ctx, "rules", error);
  }
  if (format == "json") {
    WriteRulesJson(selected, ctx.out);
  } else {
    WriteRulesText(selected, ctx.out);
  }
  return kExitClean;
}

int RunExplain(const std::vector<std::string>& args, const CommandContext& ctx) {
  ParsedCommandLine parsed =
      ParseCommandLine("explain", "CODE [options]", args, kSelectionOptions, "code", 1);
  if (!parsed.ok()) return UsageError(ctx, "explain", parsed.error);
  if (parsed.options.help) {
    ctx.out << parsed.help_text;
    return kExitClean;
  }
  CommandOptions options = parsed.options;
  if (options.positional.empty()) return UsageError(ctx, "explain", "explain needs a rule code");
  Config config;
  RuleSet rules;
  if (!LoadAllRules(ctx, &options, &config, &rules)) return kExitUsageOrInput;
  const std::string& wanted = options.positional[0];
  std::vector<std::string> known;
  for (const Rule& rule : rules.rules) {
    if (ToLower(rule.info.code) == ToLower(wanted) || rule.info.name == wanted) {
      WriteExplanation(rule.info, ctx.out);
      return kExitClean;
    }
    known.push_back(rule.info.code);
    known.push_back(rule.info.name);
  }
  ctx.err << "beamcompat: error: unknown rule " << Quote(wanted)
          << DidYouMeanSuffix(wanted, known) << "; 'beamcompat rules' lists them\n";
  return kExitUsageOrInput;
}

}  // namespace beamcompat
