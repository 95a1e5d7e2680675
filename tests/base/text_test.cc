#include "base/text.h"

#include <doctest/doctest.h>

namespace beamcompat {

TEST_CASE("Trim and SplitLines keep line content and drop CR LF") {
  CHECK(Trim("  a b \t") == "a b");
  auto lines = SplitLines("one\r\ntwo\n\nthree");
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "one");
  CHECK(lines[2] == "");
  CHECK(lines[3] == "three");
}

TEST_CASE("FindInvalidUtf8 points at the first bad byte") {
  CHECK(FindInvalidUtf8("plain ascii") == std::string_view::npos);
  CHECK(FindInvalidUtf8("caf\xc3\xa9") == std::string_view::npos);
  CHECK(FindInvalidUtf8("ab\xff") == 2);
  CHECK(FindInvalidUtf8("\xc0\xaf") == 0);  // overlong '/'
  CHECK(FindInvalidUtf8("x\xe2\x82") == 1);  // truncated sequence
}

TEST_CASE("LineColumnAt counts 1-based lines and columns") {
  auto at = LineColumnAt("ab\ncd", 4);
  CHECK(at.line == 2);
  CHECK(at.column == 2);
}

TEST_CASE("did you mean suggests only close names") {
  std::vector<std::string> names = {"check", "diagnose", "lint"};
  CHECK(DidYouMeanSuffix("chek", names) == " (did you mean 'check'?)");
  CHECK(DidYouMeanSuffix("zzzzzz", names) == "");
  CHECK(EditDistance("kitten", "sitting", 10) == 3);
  CHECK(EditDistance("abc", "abcdefgh", 2) == 3);
}

TEST_CASE("FindInvalidUtf8 finds a bad byte at any offset of long ASCII text") {
  for (size_t at = 0; at < 40; ++at) {
    CAPTURE(at);
    std::string text(40, 'a');
    text[at] = '\xff';
    CHECK(FindInvalidUtf8(text) == at);
    text[at] = '\xc3';  // a two-byte lead: valid with its continuation, cut at the end
    if (at + 1 < text.size()) {
      text[at + 1] = '\xa9';
      CHECK(FindInvalidUtf8(text) == std::string_view::npos);
    } else {
      CHECK(FindInvalidUtf8(text) == at);
    }
  }
}

TEST_CASE("Quote escapes bytes that are not UTF-8 and keeps valid characters") {
  CHECK(Quote("t\xff") == "'t\\xff'");
  CHECK(Quote("caf\xc3\xa9 \xc3") == "'caf\xc3\xa9 \\xc3'");  // a cut two-byte sequence
  CHECK(Quote("\xe2\x82\xac\x80x") == "'\xe2\x82\xac\\x80x'");
}

TEST_CASE("Quote escapes control bytes") {
  CHECK(Quote("a\tb") == "'a\\x09b'");
}

}  // namespace beamcompat
