#include "cli/config_options.h"

namespace beamcompat {
namespace {

std::vector<std::string> Values(const std::vector<Located<std::string>>& located) {
  std::vector<std::string> out;
  for (const auto& value : located) out.push_back(value.value);
  return out;
}

// Config entries first, then the command line's.
void Prepend(const std::vector<Located<std::string>>& config, std::vector<std::string>* list) {
  std::vector<std::string> merged = Values(config);
  merged.insert(merged.end(), list->begin(), list->end());
  *list = std::move(merged);
}

void Default(const std::optional<Located<std::string>>& config, std::string* value) {
  if (value->empty() && config) *value = config->value;
}

}  // namespace

void ApplyConfig(const Config& config, CommandOptions* options) {
  if (options->select.empty()) options->select = Values(config.select);
  Prepend(config.ignore, &options->ignore);
  Prepend(config.extend_select, &options->extend_select);
  Prepend(config.rules_dirs, &options->rules_dirs);
  if (!options->fail_on && config.fail_on) {
    options->fail_on = SeverityName(config.fail_on->value);
  }
  Default(config.launch, &options->launch);
  Default(config.runtime, &options->runtime);
  Default(config.pipeline, &options->pipeline);
}

RuleSelectionOptions SelectionOptions(const Config& config, const CommandOptions& options) {
  RuleSelectionOptions selection;
  selection.select = options.select;
  selection.extend_select = options.extend_select;
  selection.ignore = options.ignore;
  for (const SeverityOverride& entry : config.severity) {
    selection.severity.emplace_back(entry.code.value, entry.severity);
  }
  return selection;
}

std::string FirstCodes(const std::vector<SelectedRule>& rules) {
  constexpr size_t kShown = 3;
  std::string codes;
  for (size_t i = 0; i < rules.size() && i < kShown; ++i) {
    codes += (i == 0 ? "" : ", ") + rules[i].rule->info.code;
  }
  if (rules.size() > kShown) codes += ", ...";
  return codes;
}

}  // namespace beamcompat
