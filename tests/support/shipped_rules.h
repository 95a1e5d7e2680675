// Test helper: the rules shipped in rules/ (not the diagnose signatures), loaded once per
// test binary; a loading error fails the test that asked.
#ifndef BEAMCOMPAT_TESTS_SUPPORT_SHIPPED_RULES_H_
#define BEAMCOMPAT_TESTS_SUPPORT_SHIPPED_RULES_H_

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/file_system.h"
#include "base/message.h"
#include "engine/fact_schema.h"
#include "ruleset/rule_directory.h"
#include "ruleset/rule_loader.h"

namespace beamcompat {

inline const RuleSet& ShippedRules() {
  static const RuleSet rules = [] {
    RuleSet loaded;
    Messages messages;
    RealFileSystem fs;
    std::vector<RuleFile> files;
    ReadRuleDirectory(fs, std::string(BEAMCOMPAT_SOURCE_DIR) + "/rules", &files, &messages);
    LoadRules(files, FactSchema::Default(), &loaded, &messages);
    for (const Message& m : messages.all()) FAIL(m.ToString());
    return loaded;
  }();
  return rules;
}

}  // namespace beamcompat

#endif  // BEAMCOMPAT_TESTS_SUPPORT_SHIPPED_RULES_H_
