// Reads the beamcompat configuration out of a TOML file: the `[tool.beamcompat]` table of a
// pyproject.toml, or the top level of a beamcompat.toml. Unknown keys and wrongly typed
// values are errors at their `file:line:col`, with a did-you-mean for misspelt keys.
#ifndef BEAMCOMPAT_CONFIG_CONFIG_READER_H_
#define BEAMCOMPAT_CONFIG_CONFIG_READER_H_

#include <optional>
#include <string>
#include <string_view>

#include "config/config.h"

namespace beamcompat {

class Messages;

enum class ConfigFileKind { kPyproject, kBeamcompatToml };

// Kind from the file name: "pyproject.toml" -> kPyproject, anything else kBeamcompatToml.
ConfigFileKind ConfigFileKindOf(const std::string& file);

// True when a pyproject.toml text has a [tool.beamcompat] table (discovery skips the others).
// Unparsable text counts as having one, so its syntax error is reported, not hidden.
bool PyprojectHasBeamcompatTable(std::string_view text);

// Returns nullopt when the file is unusable; every problem is in `messages`.
std::optional<Config> ParseConfig(const std::string& file, std::string_view text,
                                  ConfigFileKind kind, Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_CONFIG_CONFIG_READER_H_
