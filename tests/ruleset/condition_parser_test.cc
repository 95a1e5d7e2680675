#include "ruleset/condition_parser.h"

#include <doctest/doctest.h>

#include <string>

namespace beamcompat {
namespace {

// A compact dump of the tree: (and (cmp != a b) (not x)).
std::string Dump(const Expr& e) {
  auto kids = [&](std::string head) {
    for (const auto& child : e.children) head += " " + Dump(*child);
    return "(" + head + ")";
  };
  switch (e.kind) {
    case ExprKind::kLiteral:
      return e.literal.kind() == ValueKind::kString ? "'" + e.literal.text() + "'"
                                                    : e.literal.ToString();
    case ExprKind::kFact:
      return e.name;
    case ExprKind::kCall:
      return kids(e.name);
    case ExprKind::kList:
      return kids("list");
    case ExprKind::kNot:
      return kids("not");
    case ExprKind::kAnd:
      return kids("and");
    case ExprKind::kOr:
      return kids("or");
    case ExprKind::kIn:
      return kids("in");
    case ExprKind::kNotIn:
      return kids("not-in");
    case ExprKind::kCompare: {
      static const char* kOps[] = {"==", "!=", "<", "<=", ">", ">="};
      return kids(kOps[static_cast<int>(e.op)]);
    }
  }
  return "?";
}

std::string ParseDump(const std::string& text) {
  ExprError error;
  auto expr = ParseCondition(text, &error);
  if (!expr) return std::to_string(error.column) + ": " + error.message;
  return Dump(*expr);
}

}  // namespace

TEST_CASE("condition parser: precedence and shapes") {
  struct Row {
    const char* input;
    const char* dump;
  };
  const Row rows[] = {
      {"launch.beam_version != runtime.beam_version",
       "(!= launch.beam_version runtime.beam_version)"},
      {"a or b and not c", "(or a (and b (not c)))"},
      {"(a or b) and c", "(and (or a b) c)"},
      {"not not a", "(not (not a))"},
      {"major(item.v) >= 3", "(>= (major item.v) 3)"},
      {"v < 3.10", "(< v 3.10)"},
      {"'rc' in launch.beam_version", "(in 'rc' launch.beam_version)"},
      {"item.key not in ['dill', \"cloudpickle\"]", "(not-in item.key (list 'dill' 'cloudpickle'))"},
      {"concat('cp', 3, 11) == 'cp311'", "(== (concat 'cp' 3 11) 'cp311')"},
      {"f()", "(f)"},
      {"x == true", "(== x true)"},
      {"'it\\'s'", "'it's'"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    CHECK(ParseDump(row.input) == row.dump);
  }
}

TEST_CASE("condition parser: errors name the column and what was expected") {
  struct Row {
    const char* input;
    const char* error;
  };
  const Row rows[] = {
      {"a ==", "5: expected a value, a fact or '(', got end of condition"},
      {"(a or b", "8: expected ')' to close '(', got end of condition"},
      {"a ==   ", "5: expected a value, a fact or '(', got end of condition"},
      {"a b", "3: expected 'and', 'or' or end of condition, got 'b'"},
      {"a == 'x", "6: unterminated string; expected a closing '"},
      {"a $ b", "3: unexpected character '$'"},
      {"and a", "1: expected a value, a fact or '(', got 'and'"},
      {"f(a, )", "6: expected a value, a fact or '(', got ')'"},
      {"[1, 2", "6: expected ']' to close '[', got end of condition"},
      {"a = b", "3: unexpected character '='"},
      {"99999999999999999999 > 1", "1: number '99999999999999999999' is too large"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    CHECK(ParseDump(row.input) == row.error);
  }
}

TEST_CASE("condition parser: deep nesting is an error, not a stack overflow") {
  std::string deep(10000, '(');
  CHECK(ParseDump(deep) == "65: condition nested too deeply");
  std::string nots;
  for (int i = 0; i < 1000; ++i) nots += "not ";
  CHECK(ParseDump(nots + "a") == "257: condition nested too deeply");
}

}  // namespace beamcompat
