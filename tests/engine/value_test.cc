#include "engine/value.h"

#include <doctest/doctest.h>

namespace beamcompat {

TEST_CASE("values: comparisons are PEP 440 aware when either side is a version") {
  Value v310 = Value::VersionText("3.10");
  Value v39 = Value::VersionText("3.9");
  CHECK(CompareValues(v310, CompareOp::kGt, v39) == true);
  CHECK(CompareValues(v310, CompareOp::kGt, Value::String("3.9")) == true);
  CHECK(CompareValues(Value::VersionText("2.50.0rc1"), CompareOp::kLt,
                      Value::VersionText("2.50.0")) == true);
  CHECK(CompareValues(Value::VersionText("2.61.0.dev0"), CompareOp::kLt,
                      Value::VersionText("2.61.0rc1")) == true);
  CHECK(CompareValues(Value::VersionText("1.0"), CompareOp::kEq,
                      Value::VersionText("1.0.0")) == true);
  CHECK(CompareValues(Value::VersionText("2.48.0+custom"), CompareOp::kNe,
                      Value::VersionText("2.48.0")) == true);
  // As text they would order the other way round.
  CHECK(CompareValues(Value::String("3.10"), CompareOp::kGt, Value::String("3.9")) == false);
  CHECK(CompareValues(Value::Int(3), CompareOp::kEq, Value::VersionText("3")) == true);
}

TEST_CASE("values: unknown and incomparable operands make comparisons unknown") {
  CHECK_FALSE(CompareValues(Value(), CompareOp::kNe, Value::String("x")).has_value());
  CHECK_FALSE(CompareValues(Value::Bool(true), CompareOp::kEq, Value::String("true")).has_value());
  CHECK(CompareValues(Value::Int(2), CompareOp::kLe, Value::Int(2)) == true);
  CHECK_FALSE(ValueIn(Value::String("a"), Value()).has_value());
}

TEST_CASE("values: membership in lists and text") {
  Value list = Value::List({"apache-beam", "numpy"});
  CHECK(ValueIn(Value::String("numpy"), list) == true);
  CHECK(ValueIn(Value::String("pandas"), list) == false);
  CHECK(ValueIn(Value::String("rc"), Value::VersionText("2.50.0rc1")) == true);
  CHECK(ValueIn(Value::String("rc"), Value::VersionText("2.50.0")) == false);
  CHECK(list.ToString() == "apache-beam, numpy");
  CHECK(Value::VersionOrAbsent("").absent());
}

}  // namespace beamcompat
