#include "cli/rule_families.h"

#include <memory>
#include <optional>

#include "base/message.h"
#include "diagnose/diagnose_rule_catalog.h"
#include "ruleset/rule_directory.h"

namespace beamcompat {
namespace {

// Loads on the first call and keeps the answer; a file that does not load counts as no rules
// (its own command reports it).
template <typename Load>
OtherRules LoadedOnce(Load load) {
  auto cache = std::make_shared<std::optional<std::vector<RuleInfo>>>();
  return [cache, load]() -> const std::vector<RuleInfo>& {
    if (!cache->has_value()) {
      std::vector<RuleInfo> infos;
      Messages ignored;
      if (!load(&infos, &ignored)) infos.clear();
      cache->emplace(std::move(infos));
    }
    return **cache;
  };
}

}  // namespace

OtherRules DiagnoseRulesFor(const CommandContext& ctx, const CommandOptions& options) {
  return LoadedOnce([&fs = ctx.fs, dir = ctx.executable_dir, user = options.rules_dirs](
                        std::vector<RuleInfo>* infos, Messages* messages) {
    return LoadDiagnoseRuleInfos(fs, dir, user, infos, messages);
  });
}

OtherRules CheckAndLintRulesFor(const CommandContext& ctx, const CommandOptions& options) {
  return LoadedOnce([&fs = ctx.fs, dir = ctx.executable_dir, user = options.rules_dirs](
                        std::vector<RuleInfo>* infos, Messages* messages) {
    RuleSet rules;
    if (!LoadRuleDirectories(fs, dir, user, &rules, messages)) return false;
    for (const Rule& rule : rules.rules) infos->push_back(rule.info);
    return true;
  });
}

}  // namespace beamcompat
