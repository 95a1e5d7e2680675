#include "ruleset/condition_compiler.h"

#include "base/text.h"
#include "engine/fact_schema.h"
#include "ruleset/condition_functions.h"

namespace beamcompat {
namespace {

constexpr std::string_view kItemPrefix = "item.";
constexpr int64_t kMaxRegexMemory = 1 << 20;

class Compiler {
 public:
  Compiler(const FactSchema& schema, const FactCollection* collection)
      : schema_(schema), collection_(collection) {}

  bool Compile(Expr* expr, ExprError* error) {
    for (auto& child : expr->children) {
      if (!Compile(child.get(), error)) return false;
    }
    if (expr->kind == ExprKind::kFact) return ResolveFact(expr, error);
    if (expr->kind == ExprKind::kCall) return ResolveCall(expr, error);
    return true;
  }

 private:
  bool ResolveFact(Expr* expr, ExprError* error) {
    const std::string& path = expr->name;
    if (path == "item" || path.starts_with(kItemPrefix)) return ResolveItemField(expr, error);
    expr->scope_fact = schema_.FindScopeFact(path);
    if (expr->scope_fact) return true;
    std::vector<std::string> candidates = schema_.ScopeFactPaths();
    if (collection_) {
      for (const std::string& field : schema_.ItemFieldNames(*collection_)) {
        candidates.push_back("item." + field);
      }
    }
    *error = {expr->column, "unknown fact " + Quote(path) + DidYouMeanSuffix(path, candidates)};
    return false;
  }

  bool ResolveItemField(Expr* expr, ExprError* error) {
    const std::string& path = expr->name;
    if (!collection_) {
      *error = {expr->column, Quote(path) + " names an item, but the rule has no for_each"};
      return false;
    }
    std::string field = path.size() > kItemPrefix.size() ? path.substr(kItemPrefix.size()) : "";
    expr->item_field = schema_.FindItemField(*collection_, field);
    if (expr->item_field) return true;
    std::vector<std::string> candidates;
    for (const std::string& name : schema_.ItemFieldNames(*collection_)) {
      candidates.push_back("item." + name);
    }
    *error = {expr->column, "unknown field " + Quote(path) + " of collection " +
                                Quote(collection_->name) + DidYouMeanSuffix(path, candidates)};
    return false;
  }

  bool ResolveCall(Expr* expr, ExprError* error) {
    const FunctionSpec* spec = FindConditionFunction(expr->name);
    if (!spec) {
      *error = {expr->column, "unknown function " + Quote(expr->name) +
                                  DidYouMeanSuffix(expr->name, ConditionFunctionNames())};
      return false;
    }
    int count = static_cast<int>(expr->children.size());
    if (count < spec->min_args || (spec->max_args >= 0 && count > spec->max_args)) {
      *error = {expr->column, Quote(expr->name) + " takes " + ArityText(*spec) + ", got " +
                                  std::to_string(count)};
      return false;
    }
    expr->function = spec;
    if (spec->literal == LiteralArg::kNone) return true;
    return CompileLiteral(expr, *spec, error);
  }

  static std::string ArityText(const FunctionSpec& spec) {
    std::string n = std::to_string(spec.min_args);
    if (spec.max_args < 0) return n + " or more arguments";
    return n + (spec.min_args == 1 ? " argument" : " arguments");
  }

  bool CompileLiteral(Expr* expr, const FunctionSpec& spec, ExprError* error) {
    const Expr& arg = *expr->children.back();
    if (arg.kind != ExprKind::kLiteral || arg.literal.kind() != ValueKind::kString) {
      *error = {arg.column,
                "the last argument of " + Quote(spec.name) + " must be a string literal"};
      return false;
    }
    const std::string& text = arg.literal.text();
    if (spec.literal == LiteralArg::kPattern) {
      RE2::Options options;
      options.set_log_errors(false);
      options.set_max_mem(kMaxRegexMemory);
      expr->regex = std::make_unique<RE2>(text, options);
      if (expr->regex->ok()) return true;
      *error = {arg.column, "invalid re2 pattern " + Quote(text) + ": " + expr->regex->error()};
      return false;
    }
    std::string err;
    expr->specifier = SpecifierSet::Parse(text, &err);
    if (expr->specifier) return true;
    *error = {arg.column, "invalid version specifier " + Quote(text) + ": " + err};
    return false;
  }

  const FactSchema& schema_;
  const FactCollection* collection_;
};

}  // namespace

bool CompileCondition(const FactSchema& schema, const FactCollection* collection, Expr* expr,
                      ExprError* error) {
  return Compiler(schema, collection).Compile(expr, error);
}

ValueKind StaticKind(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::kLiteral:
      return expr.literal.kind();
    case ExprKind::kFact:
      if (expr.scope_fact) return expr.scope_fact->kind;
      return expr.item_field ? expr.item_field->kind : ValueKind::kAbsent;
    case ExprKind::kCall:
      return expr.function ? expr.function->result : ValueKind::kAbsent;
    case ExprKind::kList:
      return ValueKind::kList;
    default:
      return ValueKind::kBool;
  }
}

bool CheckIsCondition(const Expr& expr, ExprError* error) {
  ValueKind kind = StaticKind(expr);
  if (kind == ValueKind::kBool) return true;
  std::string what = expr.kind == ExprKind::kFact   ? Quote(expr.name) + " is"
                     : expr.kind == ExprKind::kCall ? Quote(expr.name) + " returns"
                                                    : "this is";
  std::string article = kind == ValueKind::kInt || kind == ValueKind::kAbsent ? " an " : " a ";
  *error = {expr.column, "a condition must be true or false, but " + what + article +
                             ValueKindName(kind) + "; compare it, e.g. with '=='"};
  return false;
}

void CollectFactPaths(const Expr& expr, std::map<std::string, const Expr*>* paths) {
  if (expr.kind == ExprKind::kFact) paths->emplace(expr.name, &expr);
  for (const auto& child : expr.children) CollectFactPaths(*child, paths);
}

}  // namespace beamcompat
