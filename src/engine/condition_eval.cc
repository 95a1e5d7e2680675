#include "engine/condition_eval.h"

#include "ruleset/condition_functions.h"

namespace beamcompat {
namespace {

Value FromOptional(std::optional<bool> b) { return b ? Value::Bool(*b) : Value(); }

std::optional<bool> Truth(const Value& v) {
  if (v.kind() == ValueKind::kBool) return v.AsBool();
  return std::nullopt;
}

Value EvalNot(const Expr& expr, const EvalContext& context) {
  std::optional<bool> b = Truth(EvaluateExpr(*expr.children[0], context));
  return b ? Value::Bool(!*b) : Value();
}

// `and` stops at the first false, `or` at the first true; otherwise unknown wins.
Value EvalLogic(const Expr& expr, const EvalContext& context, bool deciding) {
  std::optional<bool> lhs = Truth(EvaluateExpr(*expr.children[0], context));
  if (lhs && *lhs == deciding) return Value::Bool(deciding);
  std::optional<bool> rhs = Truth(EvaluateExpr(*expr.children[1], context));
  if (rhs && *rhs == deciding) return Value::Bool(deciding);
  if (lhs && rhs) return Value::Bool(!deciding);
  return Value();
}

Value EvalCall(const Expr& expr, const EvalContext& context) {
  std::vector<Value> args;
  args.reserve(expr.children.size());
  for (const auto& child : expr.children) {
    args.push_back(EvaluateExpr(*child, context));
    if (args.back().absent() && expr.function->absent_in_absent_out) return Value();
  }
  return expr.function->apply(args, expr);
}

Value EvalList(const Expr& expr, const EvalContext& context) {
  std::vector<std::string> items;
  for (const auto& child : expr.children) {
    Value v = EvaluateExpr(*child, context);
    if (!v.absent()) items.push_back(v.ToString());
  }
  return Value::List(std::move(items));
}

Value EvalFact(const Expr& expr, const EvalContext& context) {
  if (expr.scope_fact) return expr.scope_fact->get(context.facts);
  if (expr.item_field && context.item) return expr.item_field->get(context.facts, *context.item);
  return Value();
}

}  // namespace

Value EvaluateExpr(const Expr& expr, const EvalContext& context) {
  switch (expr.kind) {
    case ExprKind::kLiteral:
      return expr.literal;
    case ExprKind::kFact:
      return EvalFact(expr, context);
    case ExprKind::kCall:
      return EvalCall(expr, context);
    case ExprKind::kList:
      return EvalList(expr, context);
    case ExprKind::kNot:
      return EvalNot(expr, context);
    case ExprKind::kAnd:
      return EvalLogic(expr, context, false);
    case ExprKind::kOr:
      return EvalLogic(expr, context, true);
    case ExprKind::kCompare:
      return FromOptional(CompareValues(EvaluateExpr(*expr.children[0], context), expr.op,
                                        EvaluateExpr(*expr.children[1], context)));
    case ExprKind::kIn:
    case ExprKind::kNotIn: {
      std::optional<bool> in = ValueIn(EvaluateExpr(*expr.children[0], context),
                                       EvaluateExpr(*expr.children[1], context));
      if (in && expr.kind == ExprKind::kNotIn) in = !*in;
      return FromOptional(in);
    }
  }
  return Value();
}

bool IsTrue(const Expr& expr, const EvalContext& context) {
  std::optional<bool> b = Truth(EvaluateExpr(expr, context));
  return b && *b;
}

SourceLocation FactLocation(const Expr& expr, const EvalContext& context) {
  if (expr.scope_fact) return expr.scope_fact->where(context.facts);
  if (expr.item_field && context.item) return expr.item_field->where(context.facts, *context.item);
  return {};
}

}  // namespace beamcompat
