// Maps an offset inside a YAML scalar's value back to a 1-based line and column of the
// file, so that an error inside a condition string points at the offending token. Handles
// plain, quoted and block (| and >) scalars; escapes in double-quoted strings are not
// undone, so columns after an escape may be off by its length.
#ifndef BEAMCOMPAT_RULESET_SCALAR_POSITION_H_
#define BEAMCOMPAT_RULESET_SCALAR_POSITION_H_

#include <cstddef>
#include <string_view>

#include "base/text.h"

namespace beamcompat {

// `line0`/`column0` are the 0-based position of the scalar's first character (its quote or
// block indicator) as YAML parsers report it; `offset` is 0-based in the scalar's value.
LineColumn ScalarOffsetPosition(std::string_view file_text, int line0, int column0,
                                size_t offset);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_RULESET_SCALAR_POSITION_H_
