#include "ruleset/message_template.h"

#include "ruleset/condition_compiler.h"
#include "ruleset/condition_parser.h"

namespace beamcompat {
namespace {

bool AddHole(std::string_view text, size_t open, size_t close, const FactSchema& schema,
             const FactCollection* collection, MessageTemplate* out, ExprError* error) {
  std::string_view inner = text.substr(open + 1, close - open - 1);
  ExprError inner_error;
  std::unique_ptr<Expr> expr = ParseCondition(inner, &inner_error);
  if (expr && CompileCondition(schema, collection, expr.get(), &inner_error)) {
    out->parts.push_back({"", std::move(expr)});
    return true;
  }
  *error = {static_cast<int>(open) + 1 + inner_error.column, inner_error.message};
  return false;
}

}  // namespace

std::optional<MessageTemplate> ParseMessageTemplate(std::string_view text,
                                                    const FactSchema& schema,
                                                    const FactCollection* collection,
                                                    ExprError* error) {
  MessageTemplate out;
  out.source = std::string(text);
  std::string literal;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal += c;
      ++i;
    } else if (c == '}') {
      *error = {static_cast<int>(i) + 1, "unmatched '}' in message; write '}}' for a brace"};
      return std::nullopt;
    } else if (c == '{') {
      size_t close = text.find('}', i);
      if (close == std::string_view::npos) {
        *error = {static_cast<int>(i) + 1, "unclosed '{' in message; expected '}'"};
        return std::nullopt;
      }
      if (!literal.empty()) out.parts.push_back({std::move(literal), nullptr});
      literal.clear();
      if (!AddHole(text, i, close, schema, collection, &out, error)) return std::nullopt;
      i = close;
    } else {
      literal += c;
    }
  }
  if (!literal.empty()) out.parts.push_back({std::move(literal), nullptr});
  return out;
}

void CollectFactPaths(const MessageTemplate& message, std::map<std::string, const Expr*>* paths) {
  for (const TemplatePart& part : message.parts) {
    if (part.expr) CollectFactPaths(*part.expr, paths);
  }
}

}  // namespace beamcompat
