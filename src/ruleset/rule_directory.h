// Where rule files come from: the rules shipped with beamcompat, found next to the binary
// (`<bindir>/rules` in a build tree, `<bindir>/../share/beamcompat/rules` once installed),
// plus user directories given with --rules. Every `*.yaml`/`*.yml` in a directory is a rule
// file, read in name order. The shipped repository rules that `lint` runs live apart, in
// `rules/lint/`: `check` runs in milliseconds and parsing YAML is most of its start-up, so
// it reads them only when a selector names one.
#ifndef BEAMCOMPAT_RULESET_RULE_DIRECTORY_H_
#define BEAMCOMPAT_RULESET_RULE_DIRECTORY_H_

#include <string>
#include <vector>

#include "ruleset/rule_loader.h"

namespace beamcompat {

class FileSystem;
class Messages;

// The shipped rules directory, or "" when neither place has one.
std::string FindBuiltinRulesDirectory(const FileSystem& fs, const std::string& executable_dir);

// Appends the rule files of `dir`; false with an error when it is not a readable directory.
bool ReadRuleDirectory(const FileSystem& fs, const std::string& dir, std::vector<RuleFile>* files,
                       Messages* messages);

// Which of the shipped rules to load: the pipeline rules (`rules/*.yaml`), or those plus
// the repository rules (`rules/lint/*.yaml`).
enum class RuleScope { kPipeline, kAll };

// Shipped rules plus each of `user_dirs`, loaded and compiled into *rules.
bool LoadRuleDirectories(const FileSystem& fs, const std::string& executable_dir,
                         const std::vector<std::string>& user_dirs, RuleSet* rules,
                         Messages* messages, RuleScope scope = RuleScope::kAll);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_RULESET_RULE_DIRECTORY_H_
