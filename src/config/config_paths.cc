#include "config/config_paths.h"

#include <algorithm>

#include "base/file_system.h"
#include "config/config_discovery.h"
#include "report/diagnostic.h"
#include "ruleset/rule_selection.h"

namespace beamcompat {

ConfigPaths::ConfigPaths(const Config& config, std::string working_dir)
    : working_dir_(std::move(working_dir)) {
  config_dir_ = NormalizePath(JoinPath(working_dir_, config.dir));
  for (const auto& pattern : config.exclude) exclude_.emplace_back(pattern.value);
  for (const PerFileIgnore& entry : config.per_file_ignores) {
    std::vector<std::string> codes;
    for (const auto& code : entry.codes) codes.push_back(code.value);
    per_file_.emplace_back(PathPattern(entry.pattern.value), std::move(codes));
  }
}

std::string ConfigPaths::BelowConfig(const std::string& path) const {
  std::string relative = RelativePath(config_dir_, NormalizePath(JoinPath(working_dir_, path)));
  return relative.rfind("..", 0) == 0 ? "" : relative;
}

bool ConfigPaths::Excluded(const std::string& path, bool is_directory) const {
  if (exclude_.empty()) return false;
  std::string below = BelowConfig(path);
  return !below.empty() && IsExcludedBy(exclude_, below, is_directory);
}

void ConfigPaths::ApplyPerFileIgnores(Report* report) const {
  if (per_file_.empty()) return;
  auto ignored = [&](const Diagnostic& d) {
    std::string below = BelowConfig(d.location.file);
    if (below.empty()) return false;
    RuleInfo rule;
    rule.code = d.code;
    rule.name = d.name;
    for (const auto& [pattern, codes] : per_file_) {
      if (!pattern.Matches(below, false)) continue;
      for (const std::string& code : codes) {
        if (SelectorMatches(code, rule)) return true;
      }
    }
    return false;
  };
  auto& diagnostics = report->diagnostics;
  diagnostics.erase(std::remove_if(diagnostics.begin(), diagnostics.end(), ignored),
                    diagnostics.end());
}

}  // namespace beamcompat
