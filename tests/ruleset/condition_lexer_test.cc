#include "ruleset/condition_lexer.h"

#include <doctest/doctest.h>

#include <string>

namespace beamcompat {
namespace {

// "kind:text@column" per token, space-separated, or "error@column: message".
std::string Lex(const std::string& text) {
  ExprError error;
  auto tokens = LexCondition(text, &error);
  if (!tokens) return "error@" + std::to_string(error.column) + ": " + error.message;
  static const char* kKinds[] = {"name", "str", "num", "ver", "op", "(", ")", "[", "]", ",", "end"};
  std::string out;
  for (const Token& token : *tokens) {
    if (!out.empty()) out += " ";
    out += std::string(kKinds[static_cast<int>(token.kind)]) + ":" + token.text + "@" +
           std::to_string(token.column);
  }
  return out;
}

}  // namespace

TEST_CASE("condition lexer: tokens and 1-based columns") {
  CHECK(Lex("runtime.image.python >= 3.10") ==
        "name:runtime.image.python@1 op:>=@22 ver:3.10@25 end:@29");
  CHECK(Lex("major(v)!=2") == "name:major@1 (:(@6 name:v@7 ):)@8 op:!=@9 num:2@11 end:@12");
  CHECK(Lex("x in ['a', \"b\"]") ==
        "name:x@1 name:in@3 [:[@6 str:a@7 ,:,@10 str:b@12 ]:]@15 end:@16");
  CHECK(Lex("  a  ") == "name:a@3 end:@4");
  CHECK(Lex("2.48.0rc1") == "ver:2.48.0@1 name:rc1@7 end:@10");
  CHECK(Lex("a.") == "error@2: unexpected character '.'");
}

TEST_CASE("condition lexer: strings keep backslashes that are not escapes") {
  CHECK(Lex(R"('^(\d+)\.')") == R"(str:^(\d+)\.@1 end:@11)");
  CHECK(Lex(R"('it\'s' "a\"b" 'c\\d')") == R"(str:it's@1 str:a"b@9 str:c\d@16 end:@22)");
  CHECK(Lex("'open") == "error@1: unterminated string; expected a closing '");
  CHECK(Lex("a & b") == "error@3: unexpected character '&'");
  CHECK(Lex("a = b") == "error@3: unexpected character '='");
  CHECK(Lex("a ≠ b") == "error@3: unexpected character '≠'");
}

}  // namespace beamcompat
