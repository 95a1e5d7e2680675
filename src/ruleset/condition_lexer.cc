#include "ruleset/condition_lexer.h"

#include <cctype>

#include "base/text.h"

namespace beamcompat {
namespace {

bool IsNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::optional<std::vector<Token>> Run(ExprError* error) {
    while (true) {
      while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) {
        ++pos_;
      }
      if (pos_ >= text_.size()) break;
      if (!Next(error)) return std::nullopt;
    }
    // The end is located just after the last token, not after trailing blanks or newlines.
    size_t end = text_.size();
    while (end > 0 && std::isspace(static_cast<unsigned char>(text_[end - 1]))) --end;
    tokens_.push_back({TokenKind::kEnd, "", Column(end)});
    return std::move(tokens_);
  }

 private:
  int Column(size_t offset) const { return static_cast<int>(offset) + 1; }

  void Emit(TokenKind kind, size_t start, std::string text) {
    tokens_.push_back({kind, std::move(text), Column(start)});
  }

  bool Next(ExprError* error) {
    size_t start = pos_;
    char c = text_[pos_];
    if (IsNameStart(c)) return LexName(start);
    if (IsDigit(c)) return LexNumber(start);
    if (c == '\'' || c == '"') return LexString(start, error);
    if (LexPunctuation(start)) return true;
    *error = {Column(start), "unexpected character " + Quote(CharacterAt(start))};
    return false;
  }

  // The whole UTF-8 sequence starting at `start`, so messages never split a character.
  std::string_view CharacterAt(size_t start) const {
    unsigned char lead = static_cast<unsigned char>(text_[start]);
    size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return text_.substr(start, length);
  }

  // Names may be dotted paths: runtime.image.python.
  bool LexName(size_t start) {
    while (pos_ < text_.size()) {
      if (IsNameChar(text_[pos_])) {
        ++pos_;
      } else if (text_[pos_] == '.' && pos_ + 1 < text_.size() && IsNameStart(text_[pos_ + 1])) {
        ++pos_;
      } else {
        break;
      }
    }
    Emit(TokenKind::kName, start, std::string(text_.substr(start, pos_ - start)));
    return true;
  }

  bool LexNumber(size_t start) {
    bool dotted = false;
    while (pos_ < text_.size()) {
      if (IsDigit(text_[pos_])) {
        ++pos_;
      } else if (text_[pos_] == '.' && pos_ + 1 < text_.size() && IsDigit(text_[pos_ + 1])) {
        dotted = true;
        ++pos_;
      } else {
        break;
      }
    }
    Emit(dotted ? TokenKind::kVersion : TokenKind::kNumber, start,
         std::string(text_.substr(start, pos_ - start)));
    return true;
  }

  bool LexString(size_t start, ExprError* error) {
    char quote = text_[pos_++];
    std::string value;
    // Only \\, \' and \" are escapes; other backslashes stay, so re2 patterns read as
    // written ('^(\d+)\.').
    while (pos_ < text_.size() && text_[pos_] != quote) {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size() &&
          (text_[pos_ + 1] == '\\' || text_[pos_ + 1] == '\'' || text_[pos_ + 1] == '"')) {
        ++pos_;
      }
      value += text_[pos_++];
    }
    if (pos_ >= text_.size()) {
      *error = {Column(start), "unterminated string; expected a closing " + std::string(1, quote)};
      return false;
    }
    ++pos_;
    Emit(TokenKind::kString, start, std::move(value));
    return true;
  }

  bool LexPunctuation(size_t start) {
    static constexpr std::string_view kTwoChar[] = {"==", "!=", "<=", ">="};
    for (std::string_view op : kTwoChar) {
      if (text_.substr(pos_, 2) == op) {
        pos_ += 2;
        Emit(TokenKind::kOperator, start, std::string(op));
        return true;
      }
    }
    TokenKind kind;
    switch (text_[pos_]) {
      case '<':
      case '>':
        kind = TokenKind::kOperator;
        break;
      case '(':
        kind = TokenKind::kLParen;
        break;
      case ')':
        kind = TokenKind::kRParen;
        break;
      case '[':
        kind = TokenKind::kLBracket;
        break;
      case ']':
        kind = TokenKind::kRBracket;
        break;
      case ',':
        kind = TokenKind::kComma;
        break;
      default:
        return false;
    }
    Emit(kind, start, std::string(text_.substr(pos_++, 1)));
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::optional<std::vector<Token>> LexCondition(std::string_view text, ExprError* error) {
  return Lexer(text).Run(error);
}

std::string DescribeToken(const Token& token) {
  switch (token.kind) {
    case TokenKind::kEnd:
      return "end of condition";
    case TokenKind::kString:
      return "string " + Quote(token.text);
    default:
      return Quote(token.text);
  }
}

}  // namespace beamcompat
