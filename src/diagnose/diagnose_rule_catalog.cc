#include "diagnose/diagnose_rule_catalog.h"

#include "base/file_system.h"
#include "base/message.h"
#include "diagnose/signature_loader.h"
#include "ruleset/rule_directory.h"

namespace beamcompat {

std::vector<std::string> DiagnoseRuleDirectories(const FileSystem& fs,
                                                 const std::string& executable_dir,
                                                 const std::vector<std::string>& user_dirs) {
  std::vector<std::string> dirs;
  std::string shipped = FindBuiltinRulesDirectory(fs, executable_dir);
  if (!shipped.empty() && fs.Kind(JoinPath(shipped, "diagnose")) == FileKind::kDirectory) {
    dirs.push_back(JoinPath(shipped, "diagnose"));
  }
  for (const std::string& dir : user_dirs) {
    std::string sub = JoinPath(dir, "diagnose");
    if (fs.Kind(sub) == FileKind::kDirectory) dirs.push_back(sub);
  }
  return dirs;
}

bool LoadDiagnoseRules(const FileSystem& fs, const std::string& executable_dir,
                       const std::vector<std::string>& user_dirs,
                       std::vector<SignatureRule>* rules, Messages* messages) {
  std::vector<std::string> dirs = DiagnoseRuleDirectories(fs, executable_dir, user_dirs);
  if (dirs.empty()) {
    messages->Error(SourceLocation{},
                    "cannot find the shipped diagnose rules next to '" + executable_dir + "'");
    return false;
  }
  bool ok = true;
  for (const std::string& dir : dirs) ok = LoadSignatureRules(fs, dir, rules, messages) && ok;
  return ok;
}

bool LoadDiagnoseRuleInfos(const FileSystem& fs, const std::string& executable_dir,
                           const std::vector<std::string>& user_dirs, std::vector<RuleInfo>* infos,
                           Messages* messages) {
  std::vector<SignatureRule> rules;
  if (!LoadDiagnoseRules(fs, executable_dir, user_dirs, &rules, messages)) return false;
  for (const SignatureRule& rule : rules) infos->push_back(rule.info);
  return true;
}

}  // namespace beamcompat
