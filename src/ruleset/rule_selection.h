// Which rules are in force and at which severity: ruff-style --select/--ignore/
// --extend-select (by code, code prefix, rule name or ALL) and per-rule severity overrides.
// Used by check from flags and by lint from [tool.beamcompat] config; the result feeds the
// evaluator.
#ifndef BEAMCOMPAT_RULESET_RULE_SELECTION_H_
#define BEAMCOMPAT_RULESET_RULE_SELECTION_H_

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "report/diagnostic.h"
#include "ruleset/rule.h"

namespace beamcompat {

// A rule in force and the severity the user gave it, if any.
struct SelectedRule {
  const Rule* rule = nullptr;  // points into a RuleSet that outlives the selection
  std::optional<Severity> severity_override;
  // Non-empty: the rule is in force but was not run, e.g. "payloads not read (--no-payloads)";
  // the report lists it under "not evaluated" with this reason.
  std::string skip_reason;
};

// The rules of the other commands, loaded when first asked for.
using OtherRules = std::function<const std::vector<RuleInfo>&()>;

struct RuleSelectionOptions {
  std::vector<std::string> select;         // empty: every rule
  std::vector<std::string> extend_select;  // added to `select` (or to every rule)
  std::vector<std::string> ignore;         // removed last
  // Selector -> severity, applied in order (a later entry wins for the rules it matches).
  std::vector<std::pair<std::string, Severity>> severity;
  // Asked about a selector that matches none of the rules: one naming another command's rule
  // is accepted and selects nothing here (see cli/rule_families.h).
  OtherRules other_rules;
};

// True when a selector that matched none of a command's own rules names one of `other`'s.
bool NamesOtherRule(const std::string& selector, const OtherRules& other);

// True when `selector` names the rule: "ALL", its code, a prefix of its code, or its name.
bool SelectorMatches(const std::string& selector, const RuleInfo& rule);

// The selected rules in code order. False with *error (e.g. "unknown rule selector 'BC0O1'
// (did you mean 'BC001'?)") when a selector matches no rule.
bool SelectRules(const RuleSet& rules, const RuleSelectionOptions& options,
                 std::vector<SelectedRule>* selected, std::string* error);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_RULESET_RULE_SELECTION_H_
