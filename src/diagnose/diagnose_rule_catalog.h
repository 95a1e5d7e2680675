// Where the diagnose signature rules live and what `beamcompat rules`/`explain` show of
// them: the shipped <rules>/diagnose/*.yaml plus <DIR>/diagnose/ of each --rules DIR. Shared
// by `diagnose` (which runs them) and the rule listing commands (which list every rule).
#ifndef BEAMCOMPAT_DIAGNOSE_DIAGNOSE_RULE_CATALOG_H_
#define BEAMCOMPAT_DIAGNOSE_DIAGNOSE_RULE_CATALOG_H_

#include <string>
#include <vector>

#include "diagnose/signature_rule.h"
#include "report/diagnostic.h"

namespace beamcompat {

class FileSystem;
class Messages;

// The directories holding diagnose rules, shipped first; empty when none is found.
std::vector<std::string> DiagnoseRuleDirectories(const FileSystem& fs,
                                                 const std::string& executable_dir,
                                                 const std::vector<std::string>& user_dirs);

// Loads every diagnose rule of those directories; false (with located messages) on errors.
bool LoadDiagnoseRules(const FileSystem& fs, const std::string& executable_dir,
                       const std::vector<std::string>& user_dirs,
                       std::vector<SignatureRule>* rules, Messages* messages);

// The same rules' descriptions, for listings.
bool LoadDiagnoseRuleInfos(const FileSystem& fs, const std::string& executable_dir,
                           const std::vector<std::string>& user_dirs, std::vector<RuleInfo>* infos,
                           Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_DIAGNOSE_DIAGNOSE_RULE_CATALOG_H_
