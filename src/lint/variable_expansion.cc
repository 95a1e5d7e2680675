#include "lint/variable_expansion.h"

#include <cctype>

namespace beamcompat {
namespace {

bool IsNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

size_t NameEnd(std::string_view text, size_t pos) {
  if (pos >= text.size() || !IsNameStart(text[pos])) return pos;
  while (pos < text.size() && IsNameChar(text[pos])) ++pos;
  return pos;
}

// Finds the '}' closing a `${`, skipping nested `${...}` in a default value.
size_t ClosingBrace(std::string_view text, size_t pos) {
  int depth = 1;
  for (; pos < text.size(); ++pos) {
    if (text[pos] == '{' && pos > 0 && text[pos - 1] == '$') ++depth;
    if (text[pos] == '}' && --depth == 0) return pos;
  }
  return std::string_view::npos;
}

class Expander {
 public:
  Expander(const Variables& variables, char escape, Expansion* out)
      : variables_(variables), escape_(escape), out_(out) {}

  std::string Expand(std::string_view text) {
    std::string result;
    size_t pos = 0;
    while (pos < text.size()) {
      char c = text[pos];
      if (c == escape_ && pos + 1 < text.size() && text[pos + 1] == '$') {
        result += '$';
        pos += 2;
      } else if (c == '$' && pos + 1 < text.size() && text[pos + 1] == '{') {
        pos = Braced(text, pos, &result);
      } else if (c == '$' && NameEnd(text, pos + 1) > pos + 1) {
        size_t end = NameEnd(text, pos + 1);
        result += Lookup(text.substr(pos + 1, end - pos - 1), true);
        pos = end;
      } else {
        result += c;
        ++pos;
      }
    }
    return result;
  }

 private:
  // Expands `${...}` starting at `start` (the '$'); returns the position after it.
  size_t Braced(std::string_view text, size_t start, std::string* result) {
    size_t close = ClosingBrace(text, start + 2);
    size_t name_end = NameEnd(text, start + 2);
    if (close == std::string_view::npos || name_end == start + 2) {
      result->append(text.substr(start, 2));
      return start + 2;
    }
    std::string_view name = text.substr(start + 2, name_end - start - 2);
    std::string_view rest = text.substr(name_end, close - name_end);
    if (rest.empty()) {
      *result += Lookup(name, true);
    } else {
      *result += Modified(name, rest);
    }
    return close + 1;
  }

  // `:-word`, `-word`, `:+word`, `+word`; any other modifier keeps the plain value.
  std::string Modified(std::string_view name, std::string_view rest) {
    bool colon = rest[0] == ':';
    std::string_view op = rest.substr(colon ? 1 : 0);
    auto it = variables_.find(name);
    bool set = it != variables_.end() && (!colon || !it->second.empty());
    if (!op.empty() && op[0] == '-') return set ? it->second : Expand(op.substr(1));
    if (!op.empty() && op[0] == '+') return set ? Expand(op.substr(1)) : std::string();
    return Lookup(name, true);
  }

  std::string Lookup(std::string_view name, bool report) {
    auto it = variables_.find(name);
    if (it != variables_.end()) return it->second;
    if (report) out_->undefined.emplace_back(name);
    return "";
  }

  const Variables& variables_;
  char escape_;
  Expansion* out_;
};

}  // namespace

Expansion ExpandVariables(std::string_view text, const Variables& variables, char escape) {
  Expansion expansion;
  expansion.text = Expander(variables, escape, &expansion).Expand(text);
  return expansion;
}

}  // namespace beamcompat
