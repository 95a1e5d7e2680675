// Applies the path-based parts of a Config to what a command found: `exclude` patterns to
// the files a folder walk meets, and `per-file-ignores` to the diagnostics of a Report.
// Patterns are relative to the config file's folder; paths are relative to the working
// directory, so both are compared as paths below the config folder.
#ifndef BEAMCOMPAT_CONFIG_CONFIG_PATHS_H_
#define BEAMCOMPAT_CONFIG_CONFIG_PATHS_H_

#include <string>
#include <vector>

#include "config/config.h"
#include "config/path_pattern.h"

namespace beamcompat {

struct Report;

class ConfigPaths {
 public:
  ConfigPaths(const Config& config, std::string working_dir);

  // True when the config's `exclude` patterns exclude `path` (relative to the working dir).
  bool Excluded(const std::string& path, bool is_directory) const;

  // Drops the diagnostics whose file matches a `per-file-ignores` pattern listing their rule
  // (by code, prefix or name, as in select).
  void ApplyPerFileIgnores(Report* report) const;

 private:
  // `path` below the config folder, or "" when it is outside it.
  std::string BelowConfig(const std::string& path) const;

  std::string working_dir_;
  std::string config_dir_;  // absolute
  std::vector<PathPattern> exclude_;
  std::vector<std::pair<PathPattern, std::vector<std::string>>> per_file_;
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_CONFIG_CONFIG_PATHS_H_
