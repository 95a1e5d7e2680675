// Binds a parsed condition to the fact schema at rule-load time: every fact path is resolved
// to its accessor (scope facts, or `item.<field>` of the rule's for_each collection), every
// call to its function, and literal patterns and specifier sets are compiled. Unknown names
// are errors with a did-you-mean, located at the offending token.
#ifndef BEAMCOMPAT_RULESET_CONDITION_COMPILER_H_
#define BEAMCOMPAT_RULESET_CONDITION_COMPILER_H_

#include <map>
#include <string>

#include "ruleset/condition.h"

namespace beamcompat {

class FactSchema;
struct FactCollection;

// `collection` is the rule's for_each collection, or nullptr when it has none.
bool CompileCondition(const FactSchema& schema, const FactCollection* collection, Expr* expr,
                      ExprError* error);

// The kind of value a compiled expression yields when its facts are known.
ValueKind StaticKind(const Expr& expr);

// False with *error when a compiled expression can never be true or false, e.g. a bare
// version fact: "a condition must be true or false, but 'runtime.python' is a version".
bool CheckIsCondition(const Expr& expr, ExprError* error);

// Adds every fact path the expression reads ("runtime.python", "item.key") with one node
// that reads it (the first found).
void CollectFactPaths(const Expr& expr, std::map<std::string, const Expr*>* paths);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_RULESET_CONDITION_COMPILER_H_
