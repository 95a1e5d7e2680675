#include "ruleset/payload_rules.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/message.h"
#include "engine/fact_schema.h"
#include "ruleset/rule_loader.h"
#include "support/shipped_rules.h"

namespace beamcompat {
namespace {

RuleSet OneRule(const std::string& yaml) {
  RuleSet rules;
  Messages messages;
  LoadRules({RuleFile{"user.yaml", yaml}}, FactSchema::Default(), &rules, &messages);
  for (const Message& m : messages.all()) FAIL(m.ToString());
  REQUIRE(rules.rules.size() == 1);
  return rules;
}

std::string Rule(const std::string& extra) {
  return "rules:\n"
         "  - code: USR001\n"
         "    name: user-rule\n"
         "    severity: warning\n"
         "    summary: s\n"
         "    rationale: r\n"
         "    fix: f\n" +
         extra + "    message: m\n";
}

TEST_CASE("payload rules: exactly the shipped pickle rules read the payloads") {
  const RuleSet& rules = ShippedRules();
  std::vector<std::string> readers;
  for (const beamcompat::Rule& rule : rules.rules) {
    if (RuleReadsPayloads(rule)) readers.push_back(rule.info.code);
  }
  // BC006 reads package_pairs.referenced_by_pickles, which is simply false without payloads.
  CHECK(readers == std::vector<std::string>{"BC010", "BC011", "BC012", "BC013", "BC014",
                                            "BC015", "BC016", "BC090"});
}

TEST_CASE("payload rules: a user rule reading a pickles.* fact reads the payloads") {
  RuleSet rules = OneRule(Rule("    condition: \"'dill' in pickles.picklers\"\n"));
  CHECK(RuleReadsPayloads(rules.rules[0]));
}

TEST_CASE("payload rules: a user rule iterating over referenced modules reads the payloads") {
  RuleSet rules =
      OneRule(Rule("    for_each: referenced_modules\n    condition: item.stdlib\n"));
  CHECK(RuleReadsPayloads(rules.rules[0]));
}

TEST_CASE("payload rules: a user rule over package lists does not") {
  RuleSet rules = OneRule(
      Rule("    for_each: package_pairs\n"
           "    condition: item.launch_version != item.runtime_version\n"));
  CHECK_FALSE(RuleReadsPayloads(rules.rules[0]));
}

}  // namespace
}  // namespace beamcompat
