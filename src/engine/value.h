// The values a rule condition computes with: what a fact path or a function yields. A value
// is absent when the fact is unknown; comparisons with an absent value are false, so a rule
// never fires on a guess. Versions keep their text and, when it is PEP 440, the parsed form,
// and compare by PEP 440 ordering.
#ifndef BEAMCOMPAT_ENGINE_VALUE_H_
#define BEAMCOMPAT_ENGINE_VALUE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "facts/version.h"

namespace beamcompat {

enum class ValueKind { kAbsent, kBool, kInt, kString, kVersion, kList };
const char* ValueKindName(ValueKind kind);  // "absent", "bool", "int", "string", ...

class Value {
 public:
  Value() = default;
  static Value Bool(bool b);
  static Value Int(int64_t i);
  static Value String(std::string text);
  // Parses `text` as PEP 440; a text that is not PEP 440 stays a version that compares as text.
  static Value VersionText(std::string text);
  static Value FromVersion(const Version& version);
  static Value List(std::vector<std::string> items);
  // An empty text is an unknown fact.
  static Value StringOrAbsent(std::string text);
  static Value VersionOrAbsent(std::string text);

  ValueKind kind() const { return kind_; }
  bool absent() const { return kind_ == ValueKind::kAbsent; }
  bool AsBool() const { return kind_ == ValueKind::kBool && int_ != 0; }
  int64_t AsInt() const { return int_; }
  const std::string& text() const { return text_; }  // strings and versions
  const std::optional<Version>& version() const { return version_; }
  const std::vector<std::string>& list() const { return list_; }

  // The value as text for messages and the `facts` of a diagnostic ("3.10", "true",
  // "a, b"). Absent values render as "".
  std::string ToString() const;

 private:
  ValueKind kind_ = ValueKind::kAbsent;
  int64_t int_ = 0;
  std::string text_;
  std::optional<Version> version_;
  std::vector<std::string> list_;
};

enum class CompareOp { kEq, kNe, kLt, kLe, kGt, kGe };

// Version-aware comparison. A version against a string or number parses the other side as a
// version; two versions compare by PEP 440 (as text when either is not PEP 440); numbers
// compare numerically; strings compare by text; bools and lists by equality.
// Unknown (nullopt) when either side is absent or the kinds cannot be compared.
std::optional<bool> CompareValues(const Value& a, CompareOp op, const Value& b);

// `needle in haystack`: membership in a list, or substring of a string or version text.
// Unknown when either side is absent.
std::optional<bool> ValueIn(const Value& needle, const Value& haystack);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_ENGINE_VALUE_H_
