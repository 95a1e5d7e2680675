// Evaluates a compiled condition (ruleset/condition.h) over a FactSet and, inside a for_each,
// the current item. Logic is three-valued: an unknown fact makes a comparison unknown,
// `not unknown` is unknown, `and`/`or` are unknown unless decided by a known operand. A rule
// fires only when its condition is known to be true, so an absent fact never fires a rule.
#ifndef BEAMCOMPAT_ENGINE_CONDITION_EVAL_H_
#define BEAMCOMPAT_ENGINE_CONDITION_EVAL_H_

#include "engine/fact_schema.h"
#include "engine/value.h"
#include "ruleset/condition.h"

namespace beamcompat {

struct FactSet;

struct EvalContext {
  const FactSet& facts;
  const ItemRef* item = nullptr;  // the current for_each item; nullptr outside one
};

// The expression's value; absent when unknown.
Value EvaluateExpr(const Expr& expr, const EvalContext& context);

// True only when the expression is known to be true.
bool IsTrue(const Expr& expr, const EvalContext& context);

// Where the fact an expression names came from (for `location:`); empty for non-facts.
SourceLocation FactLocation(const Expr& expr, const EvalContext& context);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_ENGINE_CONDITION_EVAL_H_
