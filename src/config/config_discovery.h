// Finds the configuration in force for a run, the way ruff does: `--isolated` uses none,
// `--config FILE` uses that file, otherwise the nearest folder from the working directory up
// that holds a beamcompat.toml, or a pyproject.toml with a [tool.beamcompat] table (in that
// order within one folder). The file is named relative to the working directory in messages.
#ifndef BEAMCOMPAT_CONFIG_CONFIG_DISCOVERY_H_
#define BEAMCOMPAT_CONFIG_CONFIG_DISCOVERY_H_

#include <string>

#include "config/config.h"

namespace beamcompat {

class FileSystem;
class Messages;

struct ConfigRequest {
  std::string working_dir;    // absolute; where discovery starts
  std::string explicit_file;  // --config
  bool isolated = false;      // --isolated
};

// Sets *config (an empty Config when none applies). Returns false when the chosen file is
// unreadable or invalid; the messages say where.
bool LoadConfig(const FileSystem& fs, const ConfigRequest& request, Config* config,
                Messages* messages);

// Resolves "." and ".." segments of an absolute path.
std::string NormalizePath(const std::string& path);

// The path of `target` (absolute) as seen from `from` (absolute folder), e.g. "../x.toml".
std::string RelativePath(const std::string& from, const std::string& target);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_CONFIG_CONFIG_DISCOVERY_H_
