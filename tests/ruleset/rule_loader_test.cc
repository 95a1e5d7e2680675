#include "ruleset/rule_loader.h"

#include <doctest/doctest.h>

#include <string>

#include "base/message.h"
#include "engine/fact_schema.h"

namespace beamcompat {
namespace {

constexpr const char* kValidRule = R"(rules:
  - code: BC101
    name: drift
    severity: info
    summary: s
    rationale: r
    fix: f
    for_each: package_pairs
    condition: item.launch_version != item.runtime_version
    message: "{item.name} {item.launch_version} -> {item.runtime_version}"
    help: "pin {item.name}"
    location: item.runtime_version
)";

// Loads one file and returns every message, one a line.
std::string LoadErrors(const std::string& text, RuleSet* rules = nullptr) {
  RuleSet local;
  Messages messages;
  LoadRules({{"rules/x.yaml", text}}, FactSchema::Default(), rules ? rules : &local, &messages);
  std::string out;
  for (const Message& m : messages.all()) out += m.ToString() + "\n";
  return out;
}

std::string WithLine(const std::string& text, const std::string& from, const std::string& to) {
  std::string out = text;
  size_t at = out.find(from);
  REQUIRE(at != std::string::npos);
  return out.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("rule loader: a valid rule compiles with its facts") {
  RuleSet rules;
  CHECK(LoadErrors(kValidRule, &rules) == "");
  REQUIRE(rules.rules.size() == 1);
  const Rule& rule = rules.rules[0];
  CHECK(rule.info.code == "BC101");
  CHECK(rule.info.default_severity == Severity::kInfo);
  CHECK(rule.info.defined_at.ToString() == "rules/x.yaml:2:11");
  CHECK(std::string(rule.for_each->name) == "package_pairs");
  CHECK(rule.help.size() == 1);
  REQUIRE(rule.facts_read.size() == 3);
  CHECK(rule.facts_read[0].first == "item.launch_version");
  CHECK(rule.facts_read[1].first == "item.name");
}

TEST_CASE("rule loader: unknown keys, severities and collections suggest the right name") {
  CHECK(LoadErrors(WithLine(kValidRule, "    severity: info", "    severty: info")) ==
        "rules/x.yaml:4:5: error: unknown key 'severty' (did you mean 'severity'?)\n"
        "rules/x.yaml:2:5: error: missing required key 'severity'\n");
  CHECK(LoadErrors(WithLine(kValidRule, "severity: info", "severity: warn")) ==
        "rules/x.yaml:4:15: error: unknown severity 'warn'; expected error, warning or info\n");
  CHECK(LoadErrors(WithLine(kValidRule, "severity: info", "severity: errr")) ==
        "rules/x.yaml:4:15: error: unknown severity 'errr' (did you mean 'error'?); expected "
        "error, warning or info\n");
  CHECK(LoadErrors(WithLine(kValidRule, "for_each: package_pairs", "for_each: package_pair")) ==
        "rules/x.yaml:8:15: error: unknown collection 'package_pair' (did you mean "
        "'package_pairs'?)\n");
  CHECK(LoadErrors(WithLine(kValidRule, "rules:", "rulez:")) ==
        "rules/x.yaml:1:1: error: unknown key 'rulez' (did you mean 'rules'?)\n"
        "rules/x.yaml:1:1: error: missing required key 'rules'\n");
}

TEST_CASE("rule loader: unknown facts inside expressions point at the token") {
  CHECK(LoadErrors(WithLine(kValidRule, "condition: item.launch_version != item.runtime_version",
                            "condition: item.launch_version != item.runtime_versoin")) ==
        "rules/x.yaml:9:39: error: unknown field 'item.runtime_versoin' of collection "
        "'package_pairs' (did you mean 'item.runtime_version'?)\n");
  CHECK(LoadErrors(WithLine(kValidRule, "condition: item.launch_version != item.runtime_version",
                            "condition: runtime.pyton == '3.10'")) ==
        "rules/x.yaml:9:16: error: unknown fact 'runtime.pyton' (did you mean "
        "'runtime.python'?)\n");
  CHECK(LoadErrors(WithLine(kValidRule, "help: \"pin {item.name}\"", "help: \"pin {item.nam}\"")) ==
        "rules/x.yaml:11:17: error: unknown field 'item.nam' of collection 'package_pairs' "
        "(did you mean 'item.name'?)\n");
  CHECK(LoadErrors(WithLine(kValidRule, "condition: item.launch_version != item.runtime_version",
                            "condition: majr(item.launch_version) > 1")) ==
        "rules/x.yaml:9:16: error: unknown function 'majr' (did you mean 'major'?)\n");
  CHECK(LoadErrors(WithLine(kValidRule, "condition: item.launch_version != item.runtime_version",
                            "condition: matches(item.name, '(')")) ==
        "rules/x.yaml:9:35: error: invalid re2 pattern '(': missing ): (\n");
  CHECK(LoadErrors(WithLine(kValidRule, "condition: item.launch_version != item.runtime_version",
                            "condition: satisfies(item.launch_version, '>=x')")) ==
        "rules/x.yaml:9:47: error: invalid version specifier '>=x': invalid version 'x' after "
        "'>='\n");
}

TEST_CASE("rule loader: conditions must be true or false") {
  auto with_condition = [](const std::string& condition) {
    return LoadErrors(
        WithLine(kValidRule, "item.launch_version != item.runtime_version", condition));
  };
  CHECK(with_condition("item.launch_version") ==
        "rules/x.yaml:9:16: error: a condition must be true or false, but 'item.launch_version' "
        "is a version; compare it, e.g. with '=='\n");
  CHECK(with_condition("major(item.launch_version)") ==
        "rules/x.yaml:9:16: error: a condition must be true or false, but 'major' returns an "
        "int; compare it, e.g. with '=='\n");
  CHECK(with_condition("\"'yes'\"") ==
        "rules/x.yaml:9:17: error: a condition must be true or false, but this is a string; "
        "compare it, e.g. with '=='\n");
  CHECK(with_condition("exists(item.name) and item.key == 'x'") == "");
  CHECK(with_condition("true") == "");
}

TEST_CASE("rule loader: errors in block scalars map to the right line") {
  std::string text =
      WithLine(kValidRule, "    condition: item.launch_version != item.runtime_version",
               "    condition: >-\n"
               "      item.launch_version != item.runtime_version\n"
               "      and item.key != 'numpy' and\n"
               "      exist(item.key)");
  CHECK(LoadErrors(text) ==
        "rules/x.yaml:12:7: error: unknown function 'exist' (did you mean 'exists'?)\n");
  std::string syntax =
      WithLine(kValidRule, "    condition: item.launch_version != item.runtime_version",
               "    condition: |\n"
               "      item.launch_version !=\n"
               "        (item.runtime_version");
  CHECK(LoadErrors(syntax) ==
        "rules/x.yaml:11:30: error: expected ')' to close '(', got end of condition\n");
}

TEST_CASE("rule loader: item facts need for_each; location must be a fact") {
  CHECK(LoadErrors(WithLine(kValidRule, "    for_each: package_pairs\n", "")) ==
        "rules/x.yaml:8:16: error: 'item.launch_version' names an item, but the rule has no "
        "for_each\n"
        "rules/x.yaml:9:16: error: 'item.name' names an item, but the rule has no for_each\n"
        "rules/x.yaml:10:17: error: 'item.name' names an item, but the rule has no for_each\n"
        "rules/x.yaml:11:15: error: 'item.runtime_version' names an item, but the rule has no "
        "for_each\n");
  CHECK(LoadErrors(WithLine(kValidRule, "location: item.runtime_version",
                            "location: major(item.runtime_version)")) ==
        "rules/x.yaml:12:15: error: expected a fact path for 'location', e.g. "
        "'item.runtime_version'\n");
  CHECK(LoadErrors(WithLine(kValidRule, "    help:", "    requires: [runtime.pythn]\n    help:")) ==
        "rules/x.yaml:11:16: error: unknown fact 'runtime.pythn' (did you mean "
        "'runtime.python'?)\n");
}

TEST_CASE("rule loader: codes, names and duplicates") {
  CHECK(LoadErrors(WithLine(kValidRule, "code: BC101", "code: bc101")) ==
        "rules/x.yaml:2:11: error: bad rule code 'bc101'; expected two to four capitals and "
        "three digits, e.g. 'BC001'\n");
  CHECK(LoadErrors(WithLine(kValidRule, "name: drift", "name: Drift_Rule")) ==
        "rules/x.yaml:3:11: error: bad rule name 'Drift_Rule'; expected kebab-case, e.g. "
        "'beam-version-mismatch'\n");
  std::string twice = std::string(kValidRule) + std::string(kValidRule).substr(7);
  CHECK(LoadErrors(twice) ==
        "rules/x.yaml:13:11: error: duplicate rule code 'BC101'; first defined at "
        "rules/x.yaml:2:11\n");
  CHECK(LoadErrors(WithLine(kValidRule, "    fix: f", "    fix: f\n    fix: g")) ==
        "rules/x.yaml:8:5: error: duplicate key 'fix'\n");
}

TEST_CASE("rule loader: YAML syntax errors and wrong shapes") {
  CHECK(LoadErrors("rules: [\n") == "rules/x.yaml:2:1: error: end of sequence flow not found\n");
  CHECK(LoadErrors("- a\n") == "rules/x.yaml:1:1: error: expected a mapping with a 'rules' list\n");
  CHECK(LoadErrors("rules: 3\n") ==
        "rules/x.yaml:1:8: error: expected 'rules' to be a list of rules\n");
  CHECK(LoadErrors("rules:\n  - just text\n") ==
        "rules/x.yaml:2:5: error: expected a rule: a mapping with 'code', 'name', "
        "'condition', ...\n");
  CHECK(LoadErrors(WithLine(kValidRule, "summary: s", "summary: [s]")) ==
        "rules/x.yaml:5:14: error: expected text for 'summary'\n");
}

TEST_CASE("rule loader: severity cases") {
  RuleSet rules;
  std::string text =
      WithLine(kValidRule, "    help:",
               "    severity_cases:\n"
               "      - when: major(item.launch_version) != major(item.runtime_version)\n"
               "        severity: warning\n"
               "    help:");
  CHECK(LoadErrors(text, &rules) == "");
  REQUIRE(rules.rules.size() == 1);
  CHECK(rules.rules[0].severity_cases.size() == 1);
  CHECK(rules.rules[0].severity_cases[0].severity == Severity::kWarning);
  CHECK(LoadErrors(WithLine(text, "        severity: warning", "        sevrity: warning")) ==
        "rules/x.yaml:13:9: error: unknown key 'sevrity' (did you mean 'severity'?)\n"
        "rules/x.yaml:12:9: error: missing required key 'severity'\n");
}

}  // namespace beamcompat
