// Splits a condition string into tokens with 1-based columns (see ruleset/condition.h for
// the grammar). Errors are values: an unterminated string or a stray character stops
// lexing with a located message.
#ifndef BEAMCOMPAT_RULESET_CONDITION_LEXER_H_
#define BEAMCOMPAT_RULESET_CONDITION_LEXER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ruleset/condition.h"

namespace beamcompat {

enum class TokenKind {
  kName,     // a fact path, function name or keyword: runtime.python, major, and, true
  kString,   // 'text' or "text", value unescaped
  kNumber,   // 42
  kVersion,  // 3.10, 2.48.0
  kOperator, // == != < <= > >=
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kComma,
  kEnd,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;  // the unescaped value for strings, the source text otherwise
  int column = 1;
};

// Tokens ending with one kEnd token; nullopt with *error set on a lexical error.
std::optional<std::vector<Token>> LexCondition(std::string_view text, ExprError* error);

// How a token is named in messages: 'foo', "end of condition".
std::string DescribeToken(const Token& token);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_RULESET_CONDITION_LEXER_H_
