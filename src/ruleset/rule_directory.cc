#include "ruleset/rule_directory.h"

#include <filesystem>

#include "base/file_system.h"
#include "base/message.h"
#include "engine/fact_schema.h"

namespace beamcompat {
namespace {

bool IsRuleFileName(const std::string& name) {
  return name.ends_with(".yaml") || name.ends_with(".yml");
}

}  // namespace

std::string FindBuiltinRulesDirectory(const FileSystem& fs, const std::string& executable_dir) {
  // Lexical only (no disk access): "/opt/bc/bin" -> "/opt/bc/share/beamcompat/rules".
  std::filesystem::path installed =
      (std::filesystem::path(executable_dir) / "../share/beamcompat/rules").lexically_normal();
  const std::string candidates[] = {JoinPath(executable_dir, "rules"), installed.string()};
  for (const std::string& dir : candidates) {
    if (fs.Kind(dir) == FileKind::kDirectory) return dir;
  }
  return "";
}

bool ReadRuleDirectory(const FileSystem& fs, const std::string& dir, std::vector<RuleFile>* files,
                       Messages* messages) {
  if (fs.Kind(dir) != FileKind::kDirectory) {
    messages->Error(AtLine(dir, 0), "cannot read rules: not a directory");
    return false;
  }
  bool ok = true;
  for (const std::string& name : fs.ListDirectory(dir)) {
    if (!IsRuleFileName(name)) continue;
    RuleFile file{JoinPath(dir, name), ""};
    std::string err;
    if (!fs.ReadFile(file.path, &file.text, &err)) {
      messages->Error(AtLine(file.path, 0), err);
      ok = false;
      continue;
    }
    files->push_back(std::move(file));
  }
  return ok;
}

bool LoadRuleDirectories(const FileSystem& fs, const std::string& executable_dir,
                         const std::vector<std::string>& user_dirs, RuleSet* rules,
                         Messages* messages, RuleScope scope) {
  std::vector<RuleFile> files;
  std::string builtin = FindBuiltinRulesDirectory(fs, executable_dir);
  bool ok = true;
  if (builtin.empty()) {
    messages->Error(AtLine(JoinPath(executable_dir, "rules"), 0),
                    "cannot find the shipped rules (looked in <bindir>/rules and "
                    "<bindir>/../share/beamcompat/rules); reinstall beamcompat");
    ok = false;
  } else {
    ok = ReadRuleDirectory(fs, builtin, &files, messages);
    if (scope == RuleScope::kAll) {
      ok = ReadRuleDirectory(fs, JoinPath(builtin, "lint"), &files, messages) && ok;
    }
  }
  for (const std::string& dir : user_dirs) ok = ReadRuleDirectory(fs, dir, &files, messages) && ok;
  return LoadRules(files, FactSchema::Default(), rules, messages) && ok;
}

}  // namespace beamcompat
