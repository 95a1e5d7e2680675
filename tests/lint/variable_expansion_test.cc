#include "lint/variable_expansion.h"

#include <doctest/doctest.h>

#include "support/string_vector.h"

namespace beamcompat {

TEST_CASE("variable expansion: every Dockerfile form") {
  Variables vars = {{"BEAM_VERSION", "2.48.0"}, {"PY", "3.10"}, {"EMPTY", ""}};
  struct Row {
    const char* input;
    const char* expected;
  };
  const Row rows[] = {
      {"apache/beam_python${PY}_sdk:${BEAM_VERSION}", "apache/beam_python3.10_sdk:2.48.0"},
      {"apache/beam_python$PY\\_sdk:$BEAM_VERSION", "apache/beam_python3.10\\_sdk:2.48.0"},
      {"${MISSING:-2.50.0}", "2.50.0"},
      {"${EMPTY:-fallback}", "fallback"},
      {"${EMPTY-kept}", ""},
      {"${PY:+-py${PY}}", "-py3.10"},
      {"${MISSING:+x}", ""},
      {"\\$PY", "$PY"},
      {"${", "${"},
      {"cost $5", "cost $5"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    CHECK(ExpandVariables(row.input, vars, '\\').text == row.expected);
  }
}

TEST_CASE("variable expansion: undefined names are reported once each use") {
  Expansion e = ExpandVariables("img:${TAG}-$SUFFIX-${OK:-x}", {}, '\\');
  CHECK(e.text == "img:--x");
  CHECK(e.undefined == std::vector<std::string>{"TAG", "SUFFIX"});
}

}  // namespace beamcompat
