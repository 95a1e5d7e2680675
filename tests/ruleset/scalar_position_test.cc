#include "ruleset/scalar_position.h"

#include <doctest/doctest.h>

namespace beamcompat {

TEST_CASE("scalar position: plain, quoted and block scalars") {
  const char* text =
      "rules:\n"                 // 1
      "  - condition: a == b\n"  // 2: plain at col 16
      "    message: 'x {y}'\n"   // 3: quoted at col 14
      "    other: >-\n"          // 4
      "      first line\n"       // 5
      "      second line\n"      // 6
      "    last: |\n"            // 7
      "      a\n"                // 8
      "\n"                       // 9
      "      b\n";               // 10
  auto at = [&](int line0, int col0, size_t offset) {
    LineColumn lc = ScalarOffsetPosition(text, line0, col0, offset);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column);
  };
  CHECK(at(1, 15, 5) == "2:21");  // 'b'
  CHECK(at(2, 13, 3) == "3:18");  // '{' after the opening quote
  CHECK(at(3, 11, 0) == "5:7");   // 'first'
  CHECK(at(3, 11, 11) == "6:7");  // 'second': folded with one space
  CHECK(at(6, 10, 3) == "10:7");  // 'b' after a blank line in a literal block
  CHECK(at(40, 2, 0) == "41:3");  // out of range: the scalar's own position
}

}  // namespace beamcompat
