// Reads pip's two JSON package lists: `pip list --format=json` (an array of {name, version})
// and `pip inspect` (report version "1": installed distributions with their Requires-Dist,
// plus the environment's marker values and Python version). The one nlohmann adapter of the
// package-list readers: its parse errors become located messages here.
#ifndef BEAMCOMPAT_INPUT_PIP_JSON_READER_H_
#define BEAMCOMPAT_INPUT_PIP_JSON_READER_H_

#include <optional>
#include <string>
#include <string_view>

#include "facts/package.h"

namespace beamcompat {

class Messages;

// Malformed JSON, a JSON document that is not one of pip's, or an unknown pip inspect
// version return nullopt with an error naming the line:col or the JSON field
// ("runtime.json: [3].version").
std::optional<PackageList> ReadPipJson(const std::string& file, std::string_view contents,
                                       Messages* messages);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_PIP_JSON_READER_H_
