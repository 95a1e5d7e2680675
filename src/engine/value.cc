#include "engine/value.h"

#include <algorithm>
#include <compare>

namespace beamcompat {
namespace {

std::optional<std::strong_ordering> Order(const Value& a, const Value& b);

std::strong_ordering TextOrder(const std::string& a, const std::string& b) {
  int c = a.compare(b);
  return c < 0 ? std::strong_ordering::less
               : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

// Both sides as versions: the PEP 440 order when both parse, else the text order.
std::strong_ordering VersionOrder(const Value& a, const Value& b) {
  if (a.version() && b.version()) return *a.version() <=> *b.version();
  return TextOrder(a.text(), b.text());
}

Value AsVersion(const Value& v) {
  if (v.kind() == ValueKind::kVersion) return v;
  if (v.kind() == ValueKind::kInt) return Value::VersionText(std::to_string(v.AsInt()));
  return Value::VersionText(v.text());
}

std::optional<std::strong_ordering> Order(const Value& a, const Value& b) {
  ValueKind ka = a.kind(), kb = b.kind();
  bool a_textual = ka == ValueKind::kString || ka == ValueKind::kVersion;
  bool b_textual = kb == ValueKind::kString || kb == ValueKind::kVersion;
  if (ka == ValueKind::kVersion || kb == ValueKind::kVersion) {
    if ((a_textual || ka == ValueKind::kInt) && (b_textual || kb == ValueKind::kInt)) {
      return VersionOrder(AsVersion(a), AsVersion(b));
    }
    return std::nullopt;
  }
  if (ka == ValueKind::kInt && kb == ValueKind::kInt) return a.AsInt() <=> b.AsInt();
  if (ka == ValueKind::kString && kb == ValueKind::kString) return TextOrder(a.text(), b.text());
  if (ka == ValueKind::kBool && kb == ValueKind::kBool) return a.AsBool() <=> b.AsBool();
  if (ka == ValueKind::kList && kb == ValueKind::kList && a.list() == b.list()) {
    return std::strong_ordering::equal;
  }
  return std::nullopt;
}

}  // namespace

const char* ValueKindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kAbsent:
      return "absent";
    case ValueKind::kBool:
      return "bool";
    case ValueKind::kInt:
      return "int";
    case ValueKind::kString:
      return "string";
    case ValueKind::kVersion:
      return "version";
    case ValueKind::kList:
      return "list";
  }
  return "absent";
}

Value Value::Bool(bool b) {
  Value v;
  v.kind_ = ValueKind::kBool;
  v.int_ = b ? 1 : 0;
  return v;
}

Value Value::Int(int64_t i) {
  Value v;
  v.kind_ = ValueKind::kInt;
  v.int_ = i;
  return v;
}

Value Value::String(std::string text) {
  Value v;
  v.kind_ = ValueKind::kString;
  v.text_ = std::move(text);
  return v;
}

Value Value::VersionText(std::string text) {
  Value v;
  v.kind_ = ValueKind::kVersion;
  v.version_ = Version::Parse(text);
  v.text_ = std::move(text);
  return v;
}

Value Value::FromVersion(const Version& version) {
  Value v;
  v.kind_ = ValueKind::kVersion;
  v.text_ = version.normalized();
  v.version_ = version;
  return v;
}

Value Value::List(std::vector<std::string> items) {
  Value v;
  v.kind_ = ValueKind::kList;
  v.list_ = std::move(items);
  return v;
}

Value Value::StringOrAbsent(std::string text) {
  return text.empty() ? Value() : String(std::move(text));
}

Value Value::VersionOrAbsent(std::string text) {
  return text.empty() ? Value() : VersionText(std::move(text));
}

std::string Value::ToString() const {
  switch (kind_) {
    case ValueKind::kAbsent:
      return "";
    case ValueKind::kBool:
      return int_ ? "true" : "false";
    case ValueKind::kInt:
      return std::to_string(int_);
    case ValueKind::kString:
    case ValueKind::kVersion:
      return text_;
    case ValueKind::kList: {
      std::string out;
      for (const std::string& item : list_) out += (out.empty() ? "" : ", ") + item;
      return out;
    }
  }
  return "";
}

std::optional<bool> CompareValues(const Value& a, CompareOp op, const Value& b) {
  if (a.absent() || b.absent()) return std::nullopt;
  std::optional<std::strong_ordering> order = Order(a, b);
  if (!order) return std::nullopt;
  switch (op) {
    case CompareOp::kEq:
      return *order == 0;
    case CompareOp::kNe:
      return *order != 0;
    case CompareOp::kLt:
      return *order < 0;
    case CompareOp::kLe:
      return *order <= 0;
    case CompareOp::kGt:
      return *order > 0;
    case CompareOp::kGe:
      return *order >= 0;
  }
  return false;
}

std::optional<bool> ValueIn(const Value& needle, const Value& haystack) {
  if (needle.absent() || haystack.absent()) return std::nullopt;
  if (haystack.kind() == ValueKind::kList) {
    std::string text = needle.ToString();
    return std::find(haystack.list().begin(), haystack.list().end(), text) !=
           haystack.list().end();
  }
  if (haystack.kind() == ValueKind::kString || haystack.kind() == ValueKind::kVersion) {
    return haystack.text().find(needle.ToString()) != std::string::npos;
  }
  return std::nullopt;
}

}  // namespace beamcompat
