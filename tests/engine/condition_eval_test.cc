#include "engine/condition_eval.h"

#include <doctest/doctest.h>

#include <string>

#include "engine/fact_schema.h"
#include "facts/fact_set.h"
#include "ruleset/condition_compiler.h"
#include "ruleset/condition_parser.h"

namespace beamcompat {
namespace {

FactSet SampleFacts() {
  FactSet facts;
  facts.launch.beam_version = Fact<std::string>{"2.57.0rc1", "sdk_base capability", {}};
  facts.launch.python = Fact<std::string>{"3.10.14", "--launch-python flag", {}};
  facts.runtime.python = Fact<std::string>{"3.10", "container image name", {}};
  return facts;
}

// Evaluates a scope-level condition over SampleFacts(); "unknown" when absent.
std::string Eval(const std::string& text) {
  ExprError error;
  std::unique_ptr<Expr> expr = ParseCondition(text, &error);
  if (expr && !CompileCondition(FactSchema::Default(), nullptr, expr.get(), &error)) {
    expr = nullptr;
  }
  if (!expr) return "error " + std::to_string(error.column) + ": " + error.message;
  static const FactSet facts = SampleFacts();
  Value value = EvaluateExpr(*expr, EvalContext{facts, nullptr});
  return value.absent() ? "unknown" : value.ToString();
}

}  // namespace

TEST_CASE("condition eval: version functions") {
  CHECK(Eval("major(launch.beam_version)") == "2");
  CHECK(Eval("minor(launch.beam_version)") == "57");
  CHECK(Eval("major_minor(launch.python)") == "3.10");
  CHECK(Eval("base_version(launch.beam_version)") == "2.57.0");
  CHECK(Eval("is_prerelease(launch.beam_version)") == "true");
  CHECK(Eval("is_dev(launch.beam_version)") == "false");
  CHECK(Eval("is_dev('2.61.0.dev0')") == "true");
  CHECK(Eval("has_local('2.56.0+custom')") == "true");
  CHECK(Eval("satisfies(launch.beam_version, '>=2.56,<2.58')") == "true");
  CHECK(Eval("satisfies('4.21.6', '>=3.20.3,<4.26.0,!=4.21.*')") == "false");
  CHECK(Eval("major_minor(launch.python) == runtime.python") == "true");
  CHECK(Eval("launch.python > runtime.python") == "true");
  CHECK(Eval("runtime.python < 3.9") == "false");
}

TEST_CASE("condition eval: text functions and lists") {
  CHECK(Eval("matches(launch.beam_version, 'rc[0-9]+$')") == "true");
  CHECK(Eval("capture(launch.beam_version, '^(\\d+)\\.')") == "2");
  CHECK(Eval("capture('abc', '^(\\d+)')") == "unknown");
  CHECK(Eval("any_matches(['macosx_11_0_arm64', 'any'], '^any$')") == "true");
  CHECK(Eval("lower('PyYAML')") == "pyyaml");
  CHECK(Eval("starts_with('beam-master-2024', 'beam-master-')") == "true");
  CHECK(Eval("ends_with('x.whl', '.tar.gz')") == "false");
  CHECK(Eval("concat('cp', major(runtime.python), minor(runtime.python))") == "cp310");
  CHECK(Eval("len(['a', 'b'])") == "2");
  CHECK(Eval("'b' in ['a', 'b'] and 'c' not in ['a']") == "true");
}

TEST_CASE("condition eval: unknown facts are unknown, never false-then-negated") {
  CHECK(Eval("runtime.beam_version != '2.56.0'") == "unknown");
  CHECK(Eval("not (runtime.beam_version == '2.56.0')") == "unknown");
  CHECK(Eval("exists(runtime.beam_version)") == "false");
  CHECK(Eval("otherwise(runtime.beam_version, 'not known')") == "not known");
  CHECK(Eval("otherwise(launch.beam_version, 'not known')") == "2.57.0rc1");
  CHECK(Eval("exists(launch.beam_version)") == "true");
  CHECK(Eval("runtime.beam_version == '1' or true") == "true");
  CHECK(Eval("runtime.beam_version == '1' and false") == "false");
  CHECK(Eval("runtime.beam_version == '1' and true") == "unknown");
  CHECK(Eval("major(runtime.beam_version)") == "unknown");
  CHECK(Eval("true == 'true'") == "unknown");
}

TEST_CASE("condition eval: compile errors for functions") {
  CHECK(Eval("major(1, 2)") == "error 1: 'major' takes 1 argument, got 2");
  CHECK(Eval("concat()") == "error 1: 'concat' takes 1 or more arguments, got 0");
  CHECK(Eval("matches(launch.python, launch.python)") ==
        "error 24: the last argument of 'matches' must be a string literal");
  CHECK(Eval("item.key == 'x'") ==
        "error 1: 'item.key' names an item, but the rule has no for_each");
}

}  // namespace beamcompat
