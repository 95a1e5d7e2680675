#include "ruleset/rule_selection.h"

#include <doctest/doctest.h>

namespace beamcompat {
namespace {

RuleSet Rules() {
  RuleSet rules;
  const char* rows[][2] = {{"BC001", "beam-version-mismatch"},
                           {"BC006", "package-drift"},
                           {"BC013", "main-session-required"},
                           {"BL001", "image-beam-version-mismatch"}};
  for (const auto& row : rows) {
    Rule rule;
    rule.info.code = row[0];
    rule.info.name = row[1];
    rules.rules.push_back(std::move(rule));
  }
  return rules;
}

std::string Selected(const RuleSelectionOptions& options) {
  static const RuleSet rules = Rules();
  std::vector<SelectedRule> selected;
  std::string error;
  if (!SelectRules(rules, options, &selected, &error)) return "error: " + error;
  std::string out;
  for (const SelectedRule& s : selected) {
    out += s.rule->info.code;
    if (s.severity_override) out += std::string("=") + SeverityName(*s.severity_override);
    out += " ";
  }
  return out;
}

}  // namespace

TEST_CASE("rule selection: select, extend-select and ignore by code, prefix and name") {
  CHECK(Selected({}) == "BC001 BC006 BC013 BL001 ");
  CHECK(Selected({.select = {"BC"}}) == "BC001 BC006 BC013 ");
  CHECK(Selected({.select = {"BC00"}, .extend_select = {"BL001"}}) == "BC001 BC006 BL001 ");
  CHECK(Selected({.ignore = {"package-drift", "BL"}}) == "BC001 BC013 ");
  CHECK(Selected({.select = {"ALL"}, .ignore = {"BC0"}}) == "BL001 ");
  CHECK(Selected({.extend_select = {"BC001"}}) == "BC001 BC006 BC013 BL001 ");
}

TEST_CASE("rule selection: severity overrides apply in order") {
  CHECK(Selected({.select = {"BC00"},
                  .severity = {{"BC", Severity::kWarning}, {"BC006", Severity::kError}}}) ==
        "BC001=warning BC006=error ");
}

TEST_CASE("rule selection: unknown selectors are errors with a suggestion") {
  CHECK(Selected({.select = {"BC0O1"}}) ==
        "error: unknown rule selector 'BC0O1' (did you mean 'BC001'?); expected a rule code, "
        "code prefix or rule name");
  CHECK(Selected({.ignore = {"packge-drift"}}) ==
        "error: unknown rule selector 'packge-drift' (did you mean 'package-drift'?); expected "
        "a rule code, code prefix or rule name");
  CHECK(Selected({.severity = {{"XX9", Severity::kInfo}}}) ==
        "error: unknown rule selector 'XX9'; expected a rule code, code prefix or rule name");
}

TEST_CASE("rule selection: another command's rules are accepted and select nothing here") {
  int loads = 0;
  std::vector<RuleInfo> diagnose_rules(1);
  diagnose_rules[0].code = "BD060";
  diagnose_rules[0].name = "pip-no-matching-distribution";
  OtherRules other = [&]() -> const std::vector<RuleInfo>& {
    ++loads;
    return diagnose_rules;
  };
  // Selectors of this command's own rules never ask for the others.
  CHECK(Selected({.ignore = {"BC006"}, .other_rules = other}) == "BC001 BC013 BL001 ");
  CHECK(loads == 0);
  CHECK(Selected({.ignore = {"BD060", "pip-no-matching-distribution"}, .other_rules = other}) ==
        "BC001 BC006 BC013 BL001 ");
  CHECK(Selected({.select = {"BD"}, .other_rules = other}) == "");
  CHECK(Selected({.ignore = {"BD061"}, .other_rules = other}) ==
        "error: unknown rule selector 'BD061'; expected a rule code, code prefix or rule name");
}

}  // namespace beamcompat
