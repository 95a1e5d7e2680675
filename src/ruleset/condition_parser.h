// Parses a condition string into an Expr tree (grammar in ruleset/condition.h). Names are
// not resolved here: see ruleset/condition_compiler.h.
#ifndef BEAMCOMPAT_RULESET_CONDITION_PARSER_H_
#define BEAMCOMPAT_RULESET_CONDITION_PARSER_H_

#include <memory>
#include <string_view>

#include "ruleset/condition.h"

namespace beamcompat {

// nullptr with *error set ("expected ')' to close '(', got end of condition").
std::unique_ptr<Expr> ParseCondition(std::string_view text, ExprError* error);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_RULESET_CONDITION_PARSER_H_
