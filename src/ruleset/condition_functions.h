// The functions a condition may call, as one constant table: name, arity, what it does, and
// which argument must be a literal compiled at load time (a re2 pattern or a PEP 440
// specifier set). `beamcompat explain` and the README list them from this table.
#ifndef BEAMCOMPAT_RULESET_CONDITION_FUNCTIONS_H_
#define BEAMCOMPAT_RULESET_CONDITION_FUNCTIONS_H_

#include <span>
#include <string_view>
#include <vector>

#include "engine/value.h"

namespace beamcompat {

struct Expr;

enum class LiteralArg { kNone, kPattern, kSpecifier };

struct FunctionSpec {
  const char* name;
  int min_args;
  int max_args;  // -1: any number
  const char* signature;  // "major(version) -> int"
  ValueKind result;       // what it returns (when its arguments are known)
  const char* help;
  LiteralArg literal = LiteralArg::kNone;  // which kind the last argument must be
  // With absent_in_absent_out, any absent argument makes the result absent (unknown) without
  // calling `call`.
  bool absent_in_absent_out = true;
  // `call` is the call node: compiled regex/specifier live there.
  Value (*apply)(const std::vector<Value>& args, const Expr& call);
};

std::span<const FunctionSpec> ConditionFunctions();
const FunctionSpec* FindConditionFunction(std::string_view name);
std::vector<std::string> ConditionFunctionNames();

}  // namespace beamcompat

#endif  // BEAMCOMPAT_RULESET_CONDITION_FUNCTIONS_H_
