#include "ruleset/condition_parser.h"

#include <string>
#include <vector>

#include "ruleset/condition_lexer.h"

namespace beamcompat {
namespace {

constexpr int kMaxDepth = 64;

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  std::unique_ptr<Expr> ParseAll(ExprError* error) {
    std::unique_ptr<Expr> expr = ParseOr();
    if (expr && Peek().kind != TokenKind::kEnd) {
      Fail(Peek(), "expected 'and', 'or' or end of condition, got " + DescribeToken(Peek()));
      expr = nullptr;
    }
    if (!expr) *error = error_;
    return expr;
  }

 private:
  const Token& Peek(size_t ahead = 0) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  const Token& Take() {
    const Token& token = Peek();
    if (pos_ < tokens_.size() - 1) ++pos_;
    return token;
  }
  bool IsKeyword(const Token& token, std::string_view word) const {
    return token.kind == TokenKind::kName && token.text == word;
  }
  std::unique_ptr<Expr> Fail(const Token& at, std::string message) {
    if (error_.message.empty()) error_ = {at.column, std::move(message)};
    return nullptr;
  }

  static std::unique_ptr<Expr> Node(ExprKind kind, int column) {
    auto expr = std::make_unique<Expr>();
    expr->kind = kind;
    expr->column = column;
    return expr;
  }

  static std::unique_ptr<Expr> Binary(ExprKind kind, int column, std::unique_ptr<Expr> lhs,
                                      std::unique_ptr<Expr> rhs) {
    auto expr = Node(kind, column);
    expr->children.push_back(std::move(lhs));
    expr->children.push_back(std::move(rhs));
    return expr;
  }

  std::unique_ptr<Expr> ParseOr() {
    std::unique_ptr<Expr> lhs = ParseAnd();
    while (lhs && IsKeyword(Peek(), "or")) {
      int column = Take().column;
      std::unique_ptr<Expr> rhs = ParseAnd();
      if (!rhs) return nullptr;
      lhs = Binary(ExprKind::kOr, column, std::move(lhs), std::move(rhs));
    }
    return lhs;
  }

  std::unique_ptr<Expr> ParseAnd() {
    std::unique_ptr<Expr> lhs = ParseNot();
    while (lhs && IsKeyword(Peek(), "and")) {
      int column = Take().column;
      std::unique_ptr<Expr> rhs = ParseNot();
      if (!rhs) return nullptr;
      lhs = Binary(ExprKind::kAnd, column, std::move(lhs), std::move(rhs));
    }
    return lhs;
  }

  std::unique_ptr<Expr> ParseNot() {
    if (!IsKeyword(Peek(), "not")) return ParseCompare();
    if (++depth_ > kMaxDepth) return Fail(Peek(), "condition nested too deeply");
    int column = Take().column;
    std::unique_ptr<Expr> operand = ParseNot();
    --depth_;
    if (!operand) return nullptr;
    auto expr = Node(ExprKind::kNot, column);
    expr->children.push_back(std::move(operand));
    return expr;
  }

  std::unique_ptr<Expr> ParseCompare() {
    std::unique_ptr<Expr> lhs = ParsePrimary();
    if (!lhs) return nullptr;
    const Token& next = Peek();
    if (next.kind == TokenKind::kOperator) {
      CompareOp op = OperatorOf(next.text);
      int column = Take().column;
      std::unique_ptr<Expr> rhs = ParsePrimary();
      if (!rhs) return nullptr;
      auto expr = Binary(ExprKind::kCompare, column, std::move(lhs), std::move(rhs));
      expr->op = op;
      return expr;
    }
    bool not_in = IsKeyword(next, "not") && IsKeyword(Peek(1), "in");
    if (IsKeyword(next, "in") || not_in) {
      int column = Take().column;
      if (not_in) Take();
      std::unique_ptr<Expr> rhs = ParsePrimary();
      if (!rhs) return nullptr;
      return Binary(not_in ? ExprKind::kNotIn : ExprKind::kIn, column, std::move(lhs),
                    std::move(rhs));
    }
    return lhs;
  }

  static CompareOp OperatorOf(const std::string& text) {
    if (text == "==") return CompareOp::kEq;
    if (text == "!=") return CompareOp::kNe;
    if (text == "<") return CompareOp::kLt;
    if (text == "<=") return CompareOp::kLe;
    if (text == ">") return CompareOp::kGt;
    return CompareOp::kGe;
  }

  std::unique_ptr<Expr> ParsePrimary() {
    if (++depth_ > kMaxDepth) return Fail(Peek(), "condition nested too deeply");
    std::unique_ptr<Expr> expr = ParsePrimaryInner();
    --depth_;
    return expr;
  }

  std::unique_ptr<Expr> ParsePrimaryInner() {
    const Token& token = Peek();
    switch (token.kind) {
      case TokenKind::kString:
        return Literal(Value::String(Take().text), token.column);
      case TokenKind::kNumber:
        return ParseNumber();
      case TokenKind::kVersion:
        return Literal(Value::VersionText(Take().text), token.column);
      case TokenKind::kLParen:
        return ParseGroup();
      case TokenKind::kLBracket:
        return ParseList();
      case TokenKind::kName:
        return ParseName();
      default:
        return Fail(token, "expected a value, a fact or '(', got " + DescribeToken(token));
    }
  }

  std::unique_ptr<Expr> Literal(Value value, int column) {
    auto expr = Node(ExprKind::kLiteral, column);
    expr->literal = std::move(value);
    return expr;
  }

  std::unique_ptr<Expr> ParseNumber() {
    const Token& token = Take();
    if (token.text.size() > 18) return Fail(token, "number " + DescribeToken(token) + " is too large");
    return Literal(Value::Int(std::stoll(token.text)), token.column);
  }

  std::unique_ptr<Expr> ParseGroup() {
    const Token& open = Take();
    std::unique_ptr<Expr> inner = ParseOr();
    if (!inner) return nullptr;
    if (!Expect(TokenKind::kRParen, open, "')'")) return nullptr;
    return inner;
  }

  bool Expect(TokenKind kind, const Token& open, const std::string& what) {
    if (Peek().kind == kind) {
      Take();
      return true;
    }
    Fail(Peek(), "expected " + what + " to close " + DescribeToken(open) + ", got " +
                     DescribeToken(Peek()));
    return false;
  }

  std::unique_ptr<Expr> ParseList() {
    const Token& open = Take();
    auto list = Node(ExprKind::kList, open.column);
    if (!ParseItems(TokenKind::kRBracket, list.get())) return nullptr;
    if (!Expect(TokenKind::kRBracket, open, "']'")) return nullptr;
    return list;
  }

  // Comma-separated expressions up to (not including) `close`.
  bool ParseItems(TokenKind close, Expr* parent) {
    if (Peek().kind == close) return true;
    while (true) {
      std::unique_ptr<Expr> item = ParseOr();
      if (!item) return false;
      parent->children.push_back(std::move(item));
      if (Peek().kind != TokenKind::kComma) return true;
      Take();
    }
  }

  std::unique_ptr<Expr> ParseName() {
    const Token& token = Take();
    if (token.text == "true" || token.text == "false") {
      return Literal(Value::Bool(token.text == "true"), token.column);
    }
    static constexpr std::string_view kKeywords[] = {"and", "or", "not", "in"};
    for (std::string_view keyword : kKeywords) {
      if (token.text == keyword) {
        return Fail(token, "expected a value, a fact or '(', got " + DescribeToken(token));
      }
    }
    if (Peek().kind != TokenKind::kLParen) {
      auto fact = Node(ExprKind::kFact, token.column);
      fact->name = token.text;
      return fact;
    }
    const Token& open = Take();
    auto call = Node(ExprKind::kCall, token.column);
    call->name = token.text;
    if (!ParseItems(TokenKind::kRParen, call.get())) return nullptr;
    if (!Expect(TokenKind::kRParen, open, "')'")) return nullptr;
    return call;
  }

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;
  ExprError error_;
};

}  // namespace

std::unique_ptr<Expr> ParseCondition(std::string_view text, ExprError* error) {
  std::optional<std::vector<Token>> tokens = LexCondition(text, error);
  if (!tokens) return nullptr;
  return Parser(std::move(*tokens)).ParseAll(error);
}

}  // namespace beamcompat
