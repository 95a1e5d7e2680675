#include "diagnose/signature_loader.h"

#include <doctest/doctest.h>

#include "base/file_system.h"
#include "base/message.h"

namespace beamcompat {
namespace {

std::string FirstError(std::string_view yaml) {
  std::vector<SignatureRule> rules;
  Messages messages;
  ParseSignatureRules(yaml, "r.yaml", &rules, &messages);
  return messages.empty() ? "" : messages.all()[0].ToString();
}

constexpr std::string_view kValid = R"(rules:
  - code: BD100
    name: test-rule
    class: missing_module
    summary: s
    match:
      exception: "No module named '(?P<module>\\w+)'"
    message: "missing {module} in {function}"
    package: "{module}"
    help: ["install {distribution}"]
)";

}  // namespace

TEST_CASE("SignatureLoader reads a rule with its patterns and templates") {
  std::vector<SignatureRule> rules;
  Messages messages;
  REQUIRE(ParseSignatureRules(kValid, "r.yaml", &rules, &messages));
  REQUIRE(rules.size() == 1);
  const SignatureRule& rule = rules[0];
  CHECK(rule.info.code == "BD100");
  CHECK(rule.info.default_severity == Severity::kError);
  CHECK(rule.diagnosis_class == DiagnosisClass::kMissingModule);
  REQUIRE(rule.exception != nullptr);
  CHECK(rule.exception->NamedCapturingGroups().count("module") == 1);
  CHECK(rule.help == std::vector<std::string>{"install {distribution}"});
  CHECK(rule.info.defined_at.ToString() == "r.yaml:2:5");
}

TEST_CASE("SignatureLoader locates unknown keys with a did-you-mean") {
  std::string yaml(kValid);
  yaml.replace(yaml.find("    message:"), 12, "    mesage:");
  CHECK(FirstError(yaml) == "r.yaml:8:5: error: unknown key 'mesage' in rule 'BD100' (did you mean 'message'?)");
}

TEST_CASE("SignatureLoader rejects unknown classes, bad patterns and placeholders") {
  std::string bad_class(kValid);
  bad_class.replace(bad_class.find("missing_module"), 14, "missing_modul");
  CHECK(FirstError(bad_class) == "r.yaml:4:12: error: unknown class 'missing_modul' (did you mean 'missing_module'?)");
  std::string bad_re(kValid);
  bad_re.replace(bad_re.find("(?P<module>"), 11, "(?P<module");
  CHECK(FirstError(bad_re) == "r.yaml:7:18: error: invalid pattern in 'exception': invalid named capture group: (?P<module\\w+)'");
  std::string bad_placeholder(kValid);
  bad_placeholder.replace(bad_placeholder.find("{function}"), 10, "{functon}");
  CHECK(FirstError(bad_placeholder) == "r.yaml:8:14: error: unknown placeholder '{functon}' in 'message' (did you mean 'function'?)");
}

TEST_CASE("SignatureLoader needs exactly one kind of match and valid conditions") {
  std::string both(kValid);
  both.insert(both.find("    message:"), "      line: \"x\"\n");
  CHECK(FirstError(both) == "r.yaml:7:7: error: 'match' needs exactly one of 'exception', 'line' or 'fallback: true'");
  std::string when(kValid);
  when.insert(when.find("    message:"), "      when: [\"{module} != {other}\"]\n");
  CHECK(FirstError(when) == "r.yaml:8:13: error: condition names 'other', which no pattern captures");
}

TEST_CASE("SignatureLoader reports YAML syntax errors and duplicate codes") {
  CHECK(FirstError("rules: [\n  - code: x\n") .rfind("r.yaml:", 0) == 0);
  InMemoryFileSystem fs;
  fs.AddFile("d/a.yaml", std::string(kValid));
  fs.AddFile("d/b.yaml", std::string(kValid));
  std::vector<SignatureRule> rules;
  Messages messages;
  CHECK_FALSE(LoadSignatureRules(fs, "d", &rules, &messages));
  REQUIRE(messages.all().size() == 1);
  CHECK(messages.all()[0].ToString() == "d/b.yaml:2:5: error: duplicate rule code 'BD100', first defined at d/a.yaml:2:5");
  CHECK(rules.size() == 1);
}

TEST_CASE("SignatureLoader loads every shipped diagnose rule without errors") {
  RealFileSystem fs;
  std::vector<SignatureRule> rules;
  Messages messages;
  bool ok = LoadSignatureRules(fs, std::string(BEAMCOMPAT_SOURCE_DIR) + "/rules/diagnose", &rules, &messages);
  for (const Message& m : messages.all()) CAPTURE(m.ToString());
  CHECK(ok);
  CHECK(messages.empty());
  CHECK(rules.size() >= 30);
  SignatureRuleSet set;
  std::string error;
  CHECK(set.Build(std::move(rules), &error));
  REQUIRE(set.fallback() != nullptr);
  CHECK(set.fallback()->info.code == "BD900");
}

}  // namespace beamcompat
