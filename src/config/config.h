// Project configuration shared by every command: `[tool.beamcompat]` in pyproject.toml or the
// top level of beamcompat.toml. Values keep where they were written so a bad rule code in
// `select` is reported at its line, and paths are already resolved against the config file's
// folder. Read by config/config_reader.h, found by config/config_discovery.h.
#ifndef BEAMCOMPAT_CONFIG_CONFIG_H_
#define BEAMCOMPAT_CONFIG_CONFIG_H_

#include <optional>
#include <string>
#include <vector>

#include "base/location.h"
#include "report/diagnostic.h"

namespace beamcompat {

template <class T>
struct Located {
  T value;
  SourceLocation where;
};

struct PerFileIgnore {
  Located<std::string> pattern;  // gitignore-style, relative to the config folder
  std::vector<Located<std::string>> codes;
};

struct SeverityOverride {
  Located<std::string> code;  // a code, prefix or name, as for select
  Severity severity = Severity::kError;
};

struct Config {
  std::string file;  // the file it came from; "" when no file was used
  std::string dir;   // that file's folder: base of relative paths and patterns
  std::vector<Located<std::string>> select;
  std::vector<Located<std::string>> ignore;
  std::vector<Located<std::string>> extend_select;
  std::vector<SeverityOverride> severity;
  std::optional<Located<Severity>> fail_on;
  std::vector<Located<std::string>> rules_dirs;  // resolved
  std::vector<PerFileIgnore> per_file_ignores;
  std::vector<Located<std::string>> exclude;     // patterns, as written
  std::optional<Located<std::string>> launch;    // resolved paths
  std::optional<Located<std::string>> runtime;
  std::optional<Located<std::string>> pipeline;
};

// Every key the config accepts, in the order `beamcompat --help` documents them.
const std::vector<std::string>& ConfigKeys();

}  // namespace beamcompat

#endif  // BEAMCOMPAT_CONFIG_CONFIG_H_
