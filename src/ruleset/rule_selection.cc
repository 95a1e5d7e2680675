#include "ruleset/rule_selection.h"

#include "base/text.h"

namespace beamcompat {
namespace {

bool AnyMatches(const std::vector<std::string>& selectors, const RuleInfo& rule) {
  for (const std::string& selector : selectors) {
    if (SelectorMatches(selector, rule)) return true;
  }
  return false;
}

bool CheckSelectors(const RuleSet& rules, const std::vector<std::string>& selectors,
                    const OtherRules& other, std::string* error) {
  for (const std::string& selector : selectors) {
    bool matched = false;
    std::vector<std::string> names;
    for (const Rule& rule : rules.rules) {
      matched = matched || SelectorMatches(selector, rule.info);
      names.push_back(rule.info.code);
      names.push_back(rule.info.name);
    }
    if (!matched && !NamesOtherRule(selector, other)) {
      *error = "unknown rule selector " + Quote(selector) + DidYouMeanSuffix(selector, names) +
               "; expected a rule code, code prefix or rule name";
      return false;
    }
  }
  return true;
}

}  // namespace

bool SelectorMatches(const std::string& selector, const RuleInfo& rule) {
  if (selector.empty()) return false;
  return selector == "ALL" || rule.code.starts_with(selector) || rule.name == selector;
}

bool NamesOtherRule(const std::string& selector, const OtherRules& other) {
  if (!other) return false;
  for (const RuleInfo& info : other()) {
    if (SelectorMatches(selector, info)) return true;
  }
  return false;
}

bool SelectRules(const RuleSet& rules, const RuleSelectionOptions& options,
                 std::vector<SelectedRule>* selected, std::string* error) {
  std::vector<std::string> severity_selectors;
  for (const auto& [selector, severity] : options.severity) severity_selectors.push_back(selector);
  for (const std::vector<std::string>* list :
       {&options.select, &options.extend_select, &options.ignore,
        static_cast<const std::vector<std::string>*>(&severity_selectors)}) {
    if (!CheckSelectors(rules, *list, options.other_rules, error)) return false;
  }
  for (const Rule& rule : rules.rules) {
    bool in = options.select.empty() || AnyMatches(options.select, rule.info);
    in = (in || AnyMatches(options.extend_select, rule.info)) &&
         !AnyMatches(options.ignore, rule.info);
    if (!in) continue;
    SelectedRule entry{&rule, std::nullopt, ""};
    for (const auto& [selector, severity] : options.severity) {
      if (SelectorMatches(selector, rule.info)) entry.severity_override = severity;
    }
    selected->push_back(entry);
  }
  return true;
}

}  // namespace beamcompat
