// The one adapter around toml++'s parser: turns its parse exceptions into a located message.
// Reading values from the parsed table does not throw, so the config and pyproject readers
// use toml++'s node API directly and only parse through here.
#ifndef BEAMCOMPAT_CONFIG_TOML_PARSE_H_
#define BEAMCOMPAT_CONFIG_TOML_PARSE_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "base/location.h"

namespace beamcompat {

class Messages;

// Returns nullopt and adds "file:line:col: error: invalid TOML: ..." on a syntax error.
std::optional<toml::table> ParseToml(const std::string& file, std::string_view text,
                                     Messages* messages);

// The 1-based position toml++ recorded for a node, in `file`.
SourceLocation TomlLocation(const std::string& file, const toml::node& node);

// The entries of a table in the order the file writes them (toml++ iterates keys sorted), so
// messages and facts follow the file.
std::vector<std::pair<const toml::key*, const toml::node*>> InFileOrder(const toml::table& table);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_CONFIG_TOML_PARSE_H_
