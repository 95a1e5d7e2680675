#include "ruleset/condition_functions.h"

#include <string>

#include "base/text.h"
#include "ruleset/condition.h"

namespace beamcompat {
namespace {

// Arguments as versions: a version value, or a string/int parsed as one.
std::optional<Version> AsVersion(const Value& v) {
  if (v.kind() == ValueKind::kVersion) return v.version();
  if (v.kind() == ValueKind::kInt) return Version::Parse(std::to_string(v.AsInt()));
  if (v.kind() == ValueKind::kString) return Version::Parse(v.text());
  return std::nullopt;
}

Value Major(const std::vector<Value>& args, const Expr&) {
  auto v = AsVersion(args[0]);
  return v ? Value::Int(v->major()) : Value();
}

Value Minor(const std::vector<Value>& args, const Expr&) {
  auto v = AsVersion(args[0]);
  return v ? Value::Int(v->minor()) : Value();
}

Value MajorMinor(const std::vector<Value>& args, const Expr&) {
  auto v = AsVersion(args[0]);
  if (!v) return Value();
  return Value::VersionText(std::to_string(v->major()) + "." + std::to_string(v->minor()));
}

Value BaseVersion(const std::vector<Value>& args, const Expr&) {
  auto v = AsVersion(args[0]);
  return v ? Value::VersionText(v->BaseVersion()) : Value();
}

Value IsPrerelease(const std::vector<Value>& args, const Expr&) {
  auto v = AsVersion(args[0]);
  return v ? Value::Bool(v->is_prerelease()) : Value();
}

Value IsDev(const std::vector<Value>& args, const Expr&) {
  auto v = AsVersion(args[0]);
  return v ? Value::Bool(v->is_devrelease()) : Value();
}

Value HasLocal(const std::vector<Value>& args, const Expr&) {
  auto v = AsVersion(args[0]);
  return v ? Value::Bool(v->has_local()) : Value();
}

Value Satisfies(const std::vector<Value>& args, const Expr& call) {
  auto v = AsVersion(args[0]);
  if (v) return Value::Bool(call.specifier->Contains(*v));
  return Value::Bool(call.specifier->ContainsText(args[0].ToString()));
}

Value Matches(const std::vector<Value>& args, const Expr& call) {
  return Value::Bool(RE2::PartialMatch(args[0].ToString(), *call.regex));
}

Value AnyMatches(const std::vector<Value>& args, const Expr& call) {
  if (args[0].kind() != ValueKind::kList) return Matches(args, call);
  for (const std::string& item : args[0].list()) {
    if (RE2::PartialMatch(item, *call.regex)) return Value::Bool(true);
  }
  return Value::Bool(false);
}

Value Capture(const std::vector<Value>& args, const Expr& call) {
  std::string group;
  if (call.regex->NumberOfCapturingGroups() < 1 ||
      !RE2::PartialMatch(args[0].ToString(), *call.regex, &group)) {
    return Value();
  }
  return Value::StringOrAbsent(group);
}

Value Exists(const std::vector<Value>& args, const Expr&) { return Value::Bool(!args[0].absent()); }

Value Lower(const std::vector<Value>& args, const Expr&) {
  return Value::String(ToLower(args[0].ToString()));
}

Value StartsWith(const std::vector<Value>& args, const Expr&) {
  return Value::Bool(args[0].ToString().starts_with(args[1].ToString()));
}

Value EndsWith(const std::vector<Value>& args, const Expr&) {
  return Value::Bool(args[0].ToString().ends_with(args[1].ToString()));
}

Value Concat(const std::vector<Value>& args, const Expr&) {
  std::string out;
  for (const Value& arg : args) out += arg.ToString();
  return Value::String(std::move(out));
}

Value Otherwise(const std::vector<Value>& args, const Expr&) {
  return args[0].absent() ? args[1] : args[0];
}

Value Len(const std::vector<Value>& args, const Expr&) {
  const Value& v = args[0];
  size_t n = v.kind() == ValueKind::kList ? v.list().size() : v.ToString().size();
  return Value::Int(static_cast<int64_t>(n));
}

const FunctionSpec kFunctions[] = {
    {"major", 1, 1, "major(version) -> int", ValueKind::kInt,
     "the first release component: 2.48.0 -> 2", LiteralArg::kNone, true, &Major},
    {"minor", 1, 1, "minor(version) -> int", ValueKind::kInt,
     "the second release component: 2.48.0 -> 48", LiteralArg::kNone, true, &Minor},
    {"major_minor", 1, 1, "major_minor(version) -> version", ValueKind::kVersion, "3.10.12 -> 3.10",
     LiteralArg::kNone, true, &MajorMinor},
    {"base_version", 1, 1, "base_version(version) -> version", ValueKind::kVersion,
     "epoch and release only: 2.50.0rc1 -> 2.50.0", LiteralArg::kNone, true, &BaseVersion},
    {"is_prerelease", 1, 1, "is_prerelease(version) -> bool", ValueKind::kBool,
     "an a/b/rc or .dev version", LiteralArg::kNone, true, &IsPrerelease},
    {"is_dev", 1, 1, "is_dev(version) -> bool", ValueKind::kBool, "a .devN version",
     LiteralArg::kNone, true, &IsDev},
    {"has_local", 1, 1, "has_local(version) -> bool", ValueKind::kBool,
     "a +local label: 2.48.0+custom", LiteralArg::kNone, true, &HasLocal},
    {"satisfies", 2, 2, "satisfies(version, 'specifier') -> bool", ValueKind::kBool,
     "the version is in a PEP 440 specifier set, e.g. satisfies(v, '>=3.20,<4')",
     LiteralArg::kSpecifier, true, &Satisfies},
    {"matches", 2, 2, "matches(text, 'pattern') -> bool", ValueKind::kBool,
     "a re2 pattern matches somewhere in the text (anchor with ^ and $)", LiteralArg::kPattern,
     true, &Matches},
    {"any_matches", 2, 2, "any_matches(list, 'pattern') -> bool", ValueKind::kBool,
     "the re2 pattern matches some item of the list", LiteralArg::kPattern, true, &AnyMatches},
    {"capture", 2, 2, "capture(text, 'pattern') -> string", ValueKind::kString,
     "the first capturing group of a re2 match; absent when it does not match",
     LiteralArg::kPattern, true, &Capture},
    {"exists", 1, 1, "exists(fact) -> bool", ValueKind::kBool, "the fact is known",
     LiteralArg::kNone, false, &Exists},
    {"lower", 1, 1, "lower(text) -> string", ValueKind::kString, "ASCII lower case",
     LiteralArg::kNone, true, &Lower},
    {"starts_with", 2, 2, "starts_with(text, prefix) -> bool", ValueKind::kBool,
     "the text begins with the prefix", LiteralArg::kNone, true, &StartsWith},
    {"ends_with", 2, 2, "ends_with(text, suffix) -> bool", ValueKind::kBool,
     "the text ends with the suffix", LiteralArg::kNone, true, &EndsWith},
    {"concat", 1, -1, "concat(value, ...) -> string", ValueKind::kString,
     "the values as text, joined: concat('cp', major(v), minor(v)) -> 'cp310'", LiteralArg::kNone,
     true, &Concat},
    {"len", 1, 1, "len(list or text) -> int", ValueKind::kInt, "number of items or characters",
     LiteralArg::kNone, true, &Len},
    {"otherwise", 2, 2, "otherwise(value, fallback) -> value", ValueKind::kString,
     "the value when it is known, else the fallback: for messages about optional facts",
     LiteralArg::kNone, false, &Otherwise},
};

}  // namespace

std::span<const FunctionSpec> ConditionFunctions() { return kFunctions; }

const FunctionSpec* FindConditionFunction(std::string_view name) {
  for (const FunctionSpec& spec : kFunctions) {
    if (name == spec.name) return &spec;
  }
  return nullptr;
}

std::vector<std::string> ConditionFunctionNames() {
  std::vector<std::string> names;
  for (const FunctionSpec& spec : kFunctions) names.push_back(spec.name);
  return names;
}

}  // namespace beamcompat
