#include "ruleset/rule_directory.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/file_system.h"
#include "base/message.h"

namespace beamcompat {
namespace {

std::string RuleYaml(const std::string& code, const std::string& name) {
  return "rules:\n"
         "  - code: " + code + "\n"
         "    name: " + name + "\n"
         "    severity: info\n"
         "    summary: s\n"
         "    rationale: r\n"
         "    fix: f\n"
         "    condition: \"true\"\n"
         "    message: m\n";
}

std::vector<std::string> Codes(RuleScope scope) {
  InMemoryFileSystem fs;
  fs.AddFile("/opt/bc/bin/rules/versions.yaml", RuleYaml("BC001", "pipeline-rule"));
  fs.AddFile("/opt/bc/bin/rules/lint/lint.yaml", RuleYaml("BL001", "repository-rule"));
  fs.AddFile("/opt/bc/bin/rules/data/tables.yaml", "not: rules\n");  // not a rule folder
  fs.AddFile("/home/me/mine/extra.yaml", RuleYaml("XX001", "user-rule"));
  RuleSet rules;
  Messages messages;
  bool ok = LoadRuleDirectories(fs, "/opt/bc/bin", {"/home/me/mine"}, &rules, &messages, scope);
  for (const Message& m : messages.all()) FAIL(m.ToString());
  CHECK(ok);
  std::vector<std::string> codes;
  for (const Rule& rule : rules.rules) codes.push_back(rule.info.code);
  return codes;
}

TEST_CASE("rule directory: the repository rules load only when asked for") {
  CHECK(Codes(RuleScope::kPipeline) == std::vector<std::string>{"BC001", "XX001"});
  CHECK(Codes(RuleScope::kAll) == std::vector<std::string>{"BC001", "BL001", "XX001"});
}

}  // namespace
}  // namespace beamcompat
