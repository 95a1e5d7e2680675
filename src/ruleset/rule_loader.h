// Loads rule files (YAML) into a RuleSet: the only user of yaml-cpp, whose exceptions stop
// here. Every problem is a located message `file:line:col: error: ...` (1-based): YAML
// syntax, unknown keys (with did-you-mean), missing keys, bad codes, names and severities,
// duplicate codes across files, and errors inside conditions and message templates, located
// at the offending token inside the string. A file with errors contributes no rules.
//
// File format:
//   rules:
//     - code: BC001                      # two to four capitals and three digits
//       name: beam-version-mismatch      # kebab-case
//       severity: error                  # error | warning | info
//       summary: one line
//       rationale: why it matters
//       fix: what to do
//       example: optional
//       for_each: package_pairs          # optional: one finding per offending item
//       requires: [runtime.python]       # optional: scope facts that must be known
//       condition: item.launch_version != item.runtime_version
//       severity_cases:                  # optional: first matching case sets the severity
//         - when: major(item.launch_version) == major(item.runtime_version)
//           severity: warning
//       message: "{item.name} is {item.launch_version} at launch"
//       help: ["template", ...]          # or one string
//       location: item.runtime_version   # optional: the fact whose source locates the finding
#ifndef BEAMCOMPAT_RULESET_RULE_LOADER_H_
#define BEAMCOMPAT_RULESET_RULE_LOADER_H_

#include <string>
#include <vector>

#include "ruleset/rule.h"

namespace beamcompat {

class FactSchema;
class Messages;

struct RuleFile {
  std::string path;  // as shown in messages
  std::string text;
};

// Adds the rules of every file to *rules (then sorted by code). Returns false when any
// file had an error; the rules of error-free files are still added.
bool LoadRules(const std::vector<RuleFile>& files, const FactSchema& schema, RuleSet* rules,
               Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_RULESET_RULE_LOADER_H_
