#include "facts/marker.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "base/text.h"
#include "facts/package_name.h"
#include "facts/specifier.h"
#include "facts/version.h"

namespace beamcompat {
namespace {

const std::vector<std::string>& KnownVariables() {
  static const std::vector<std::string> kVariables = {
      "python_version",      "python_full_version",    "os_name",
      "sys_platform",        "platform_release",       "platform_system",
      "platform_version",    "platform_machine",       "platform_python_implementation",
      "implementation_name", "implementation_version", "extra"};
  return kVariables;
}

// Pre-PEP 508 spellings that packaging still accepts.
std::string_view CanonicalVariable(std::string_view name) {
  if (name == "os.name") return "os_name";
  if (name == "sys.platform") return "sys_platform";
  if (name == "platform.version") return "platform_version";
  if (name == "platform.machine") return "platform_machine";
  if (name == "platform.python_implementation" || name == "python_implementation") {
    return "platform_python_implementation";
  }
  return name;
}

// One side of a comparison: a literal or a variable's value (absent when unknown).
struct Operand {
  bool is_extra = false;
  std::optional<std::string> value;
};

MarkerResult And(MarkerResult a, MarkerResult b) {
  if (a == MarkerResult::kFalse || b == MarkerResult::kFalse) return MarkerResult::kFalse;
  if (a == MarkerResult::kUnknown || b == MarkerResult::kUnknown) return MarkerResult::kUnknown;
  return MarkerResult::kTrue;
}

MarkerResult Or(MarkerResult a, MarkerResult b) {
  if (a == MarkerResult::kTrue || b == MarkerResult::kTrue) return MarkerResult::kTrue;
  if (a == MarkerResult::kUnknown || b == MarkerResult::kUnknown) return MarkerResult::kUnknown;
  return MarkerResult::kFalse;
}

MarkerResult FromBool(bool value) { return value ? MarkerResult::kTrue : MarkerResult::kFalse; }

bool CompareStrings(std::string_view op, const std::string& lhs, const std::string& rhs) {
  if (op == "==" || op == "===") return lhs == rhs;
  if (op == "!=") return lhs != rhs;
  if (op == "<") return lhs < rhs;
  if (op == "<=") return lhs <= rhs;
  if (op == ">") return lhs > rhs;
  if (op == ">=") return lhs >= rhs;
  return false;  // "~=" has no meaning for plain strings
}

MarkerResult Compare(const Operand& lhs, std::string_view op, const Operand& rhs) {
  if (!lhs.value || !rhs.value) return MarkerResult::kUnknown;
  std::string left = *lhs.value, right = *rhs.value;
  if (lhs.is_extra || rhs.is_extra) {
    left = NormalizePackageName(left);
    right = NormalizePackageName(right);
  }
  if (op == "in") return FromBool(right.find(left) != std::string::npos);
  if (op == "not in") return FromBool(right.find(left) == std::string::npos);
  if (op != "===") {
    std::string ignored;
    std::optional<Version> version = Version::Parse(left);
    std::optional<SpecifierSet> spec = SpecifierSet::Parse(std::string(op) + right, &ignored);
    if (version && spec) return FromBool(spec->Contains(*version));
  }
  return FromBool(CompareStrings(op, left, right));
}

// Recursive descent over: or_expr := and_expr ('or' and_expr)*;
// and_expr := atom ('and' atom)*; atom := '(' or_expr ')' | value op value.
class MarkerParser {
 public:
  MarkerParser(std::string_view text, const MarkerEnvironment& env, std::string* err)
      : text_(text), env_(env), err_(err) {}

  std::optional<MarkerResult> Parse() {
    std::optional<MarkerResult> result = ParseOr();
    if (!result) return std::nullopt;
    SkipSpace();
    if (pos_ < text_.size()) return Fail("expected 'and', 'or' or the end of the marker");
    return result;
  }

 private:
  std::optional<MarkerResult> ParseOr() {
    std::optional<MarkerResult> result = ParseAnd();
    while (result && ConsumeKeyword("or")) {
      std::optional<MarkerResult> next = ParseAnd();
      if (!next) return std::nullopt;
      result = Or(*result, *next);
    }
    return result;
  }

  std::optional<MarkerResult> ParseAnd() {
    std::optional<MarkerResult> result = ParseAtom();
    while (result && ConsumeKeyword("and")) {
      std::optional<MarkerResult> next = ParseAtom();
      if (!next) return std::nullopt;
      result = And(*result, *next);
    }
    return result;
  }

  std::optional<MarkerResult> ParseAtom() {
    SkipSpace();
    if (ConsumeChar('(')) {
      if (++depth_ > kMaxDepth) return Fail("parentheses nested too deeply");
      std::optional<MarkerResult> inner = ParseOr();
      if (!inner) return std::nullopt;
      if (!ConsumeChar(')')) return Fail("expected ')'");
      --depth_;
      return inner;
    }
    std::optional<Operand> lhs = ParseOperand();
    if (!lhs) return std::nullopt;
    std::string op = ParseOperator();
    if (op.empty()) return Fail("expected a comparison operator");
    std::optional<Operand> rhs = ParseOperand();
    if (!rhs) return std::nullopt;
    return Compare(*lhs, op, *rhs);
  }

  std::optional<Operand> ParseOperand() {
    SkipSpace();
    char quote = Peek();
    if (quote == '\'' || quote == '"') {
      size_t end = text_.find(quote, pos_ + 1);
      if (end == std::string_view::npos) return FailOperand("unterminated string");
      Operand operand{false, std::string(text_.substr(pos_ + 1, end - pos_ - 1))};
      pos_ = end + 1;
      return operand;
    }
    size_t start = pos_;
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) ||
                                   text_[pos_] == '_' || text_[pos_] == '.')) {
      ++pos_;
    }
    std::string_view word = text_.substr(start, pos_ - start);
    if (word.empty()) return FailOperand("expected a marker variable or a quoted string");
    return Variable(word);
  }

  std::optional<Operand> Variable(std::string_view written) {
    std::string_view name = CanonicalVariable(written);
    const auto& known = KnownVariables();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      *err_ = "unknown marker variable " + Quote(written) + DidYouMeanSuffix(written, known);
      return std::nullopt;
    }
    Operand operand;
    operand.is_extra = name == "extra";
    auto it = env_.find(name);
    if (it != env_.end()) operand.value = it->second;
    return operand;
  }

  std::string ParseOperator() {
    SkipSpace();
    static constexpr std::array<std::string_view, 8> kSymbols = {
        "===", "==", "!=", "<=", ">=", "~=", "<", ">"};
    for (std::string_view op : kSymbols) {
      if (text_.substr(pos_, op.size()) == op) {
        pos_ += op.size();
        return std::string(op);
      }
    }
    if (ConsumeKeyword("in")) return "in";
    size_t start = pos_;
    if (ConsumeKeyword("not") && ConsumeKeyword("in")) return "not in";
    pos_ = start;
    return "";
  }

  bool ConsumeKeyword(std::string_view word) {
    SkipSpace();
    if (text_.substr(pos_, word.size()) != word) return false;
    size_t after = pos_ + word.size();
    if (after < text_.size() &&
        (std::isalnum(static_cast<unsigned char>(text_[after])) || text_[after] == '_')) {
      return false;
    }
    pos_ = after;
    return true;
  }

  bool ConsumeChar(char c) {
    SkipSpace();
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }

  void SkipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

  // What follows the error position, shortened so a huge line keeps the message readable.
  std::string Found() const {
    if (pos_ >= text_.size()) return " at the end";
    std::string_view rest = text_.substr(pos_);
    if (rest.size() <= 60) return ", found " + Quote(rest);
    return ", found " + Quote(std::string(rest.substr(0, 60)) + "...");
  }
  std::nullopt_t Fail(const std::string& what) {
    *err_ = what + Found();
    return std::nullopt;
  }
  std::optional<Operand> FailOperand(const std::string& what) {
    *err_ = what + Found();
    return std::nullopt;
  }

  // Bounds the recursion so a hostile marker cannot exhaust the stack.
  static constexpr int kMaxDepth = 64;

  std::string_view text_;
  const MarkerEnvironment& env_;
  std::string* err_;
  size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

MarkerEnvironment WorkerMarkerEnvironment(std::string_view python_version) {
  MarkerEnvironment env = {{"os_name", "posix"},
                           {"sys_platform", "linux"},
                           {"platform_system", "Linux"},
                           {"platform_machine", "x86_64"},
                           {"platform_python_implementation", "CPython"},
                           {"implementation_name", "cpython"}};
  std::optional<Version> version = Version::Parse(python_version);
  if (!version) return env;
  env["python_version"] = std::to_string(version->major()) + "." + std::to_string(version->minor());
  if (version->release().size() >= 3) {
    env["python_full_version"] = std::string(Trim(python_version));
    env["implementation_version"] = std::string(Trim(python_version));
  }
  return env;
}

std::optional<MarkerResult> EvaluateMarker(std::string_view marker, const MarkerEnvironment& env,
                                           std::string* err) {
  return MarkerParser(marker, env, err).Parse();
}

}  // namespace beamcompat
