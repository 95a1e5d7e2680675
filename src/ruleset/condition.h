// The condition language's syntax tree. A condition is a small expression written in a YAML
// string:
//
//   launch.beam_version != runtime.beam_version
//     and not ('rc' in launch.beam_version
//              and base_version(launch.beam_version) == runtime.beam_version)
//
// Grammar (lowest precedence first):
//   expr    := and ('or' and)*
//   and     := not ('and' not)*
//   not     := 'not' not | compare
//   compare := primary (('=='|'!='|'<'|'<='|'>'|'>='|'in'|'not' 'in') primary)?
//   primary := STRING | NUMBER | VERSION | 'true' | 'false' | PATH | NAME '(' args ')'
//            | '(' expr ')' | '[' (expr (',' expr)*)? ']'
// STRING is '...' or "..."; only \\, \' and \" are escapes, other backslashes are kept so
// re2 patterns read as written. PATH is a dotted fact name (`runtime.image.python`, `item.key`).
// NUMBER is digits (an int); VERSION is digits with dots (`3.10`, `2.48.0`), compared by PEP 440.
// Every node keeps the 1-based column of its first character; the loader turns it into a
// file position. Facts and functions are resolved and regexes compiled when the rule is
// loaded (see ruleset/condition_compiler.h), so evaluation never parses anything.
#ifndef BEAMCOMPAT_RULESET_CONDITION_H_
#define BEAMCOMPAT_RULESET_CONDITION_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "engine/value.h"
#include "facts/specifier.h"

namespace beamcompat {

struct ScopeFact;
struct ItemField;
struct FunctionSpec;

enum class ExprKind { kLiteral, kFact, kCall, kList, kNot, kAnd, kOr, kCompare, kIn, kNotIn };

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  int column = 1;                 // 1-based, in the expression text
  Value literal;                  // kLiteral
  std::string name;               // kFact: the path as written; kCall: the function name
  CompareOp op = CompareOp::kEq;  // kCompare
  std::vector<std::unique_ptr<Expr>> children;  // operands, call arguments, list items

  // Filled when the condition is compiled against the fact schema:
  const ScopeFact* scope_fact = nullptr;   // kFact outside `item.` (points into static tables)
  const ItemField* item_field = nullptr;   // kFact `item.<field>`
  const FunctionSpec* function = nullptr;  // kCall
  std::unique_ptr<RE2> regex;              // kCall with a pattern argument
  std::optional<SpecifierSet> specifier;   // kCall satisfies()
};

// A located syntax or resolution error inside one expression string.
struct ExprError {
  int column = 1;
  std::string message;
};

}  // namespace beamcompat

#endif  // BEAMCOMPAT_RULESET_CONDITION_H_
