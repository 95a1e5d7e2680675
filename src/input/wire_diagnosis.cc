#include "input/wire_diagnosis.h"

#include <map>

#include <google/protobuf/descriptor.h>

#include "base/text.h"
#include "input/wire_reader.h"

namespace beamcompat {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

std::optional<WireProblem> Walk(const Descriptor& descriptor, std::string_view data,
                                size_t base, const std::string& path);

std::string Join(const std::string& path, const std::string& part) {
  return path.empty() ? part : path + "." + part;
}

size_t OffsetIn(std::string_view outer, std::string_view inner, size_t base) {
  return base + static_cast<size_t>(inner.data() - outer.data());
}

// The key of a map entry as written in a path: ['key']. Keys come first in an entry, so a
// truncated entry usually still names its key.
std::string MapKeyText(const Descriptor& entry, std::string_view data) {
  const FieldDescriptor* key = entry.FindFieldByNumber(1);
  if (key == nullptr || key->type() != FieldDescriptor::TYPE_STRING) return "[?]";
  WireReader reader(data);
  WireField field;
  while (reader.Next(&field)) {
    if (field.number == 1 && field.type == WireType::kLengthDelimited) {
      return "[" + Quote(field.bytes) + "]";
    }
  }
  return "[?]";
}

// Checks one field's value against its declared type; recurses into messages.
std::optional<WireProblem> CheckValue(const FieldDescriptor& field, std::string_view bytes,
                                      size_t offset, const std::string& field_path) {
  if (field.type() == FieldDescriptor::TYPE_STRING) {
    size_t bad = FindInvalidUtf8(bytes);
    if (bad == std::string_view::npos) return std::nullopt;
    return WireProblem{field_path,
                       "invalid UTF-8 in a string field at byte " + std::to_string(offset + bad)};
  }
  if (field.type() != FieldDescriptor::TYPE_MESSAGE) return std::nullopt;
  return Walk(*field.message_type(), bytes, offset, field_path);
}

// A map entry: its value is addressed by the key alone, as in transforms['t'].spec; a
// string key must be UTF-8 like any string.
std::optional<WireProblem> CheckMapEntry(const FieldDescriptor& field, std::string_view bytes,
                                         size_t offset, const std::string& field_path) {
  const FieldDescriptor* entry_key = field.message_type()->FindFieldByNumber(1);
  const FieldDescriptor* entry_value = field.message_type()->FindFieldByNumber(2);
  WireReader entry(bytes, offset);
  WireField part;
  bool more = true;
  while (more) {
    more = entry.Next(&part);
    if ((part.number != 1 && part.number != 2) || part.type != WireType::kLengthDelimited) {
      continue;
    }
    const FieldDescriptor* declared = part.number == 1 ? entry_key : entry_value;
    if (declared == nullptr) continue;
    size_t part_offset = offset + static_cast<size_t>(part.bytes.data() - bytes.data());
    if (auto problem = CheckValue(*declared, part.bytes, part_offset, field_path)) {
      return problem;
    }
  }
  if (!entry.error().empty()) return WireProblem{field_path, entry.error()};
  return std::nullopt;
}

// Checks one field of `descriptor` (or, when the field is truncated, the part that is there:
// the break is then usually found deeper, at the field that was cut).
std::optional<WireProblem> CheckField(const FieldDescriptor& field, const WireField& value,
                                      std::string_view data, size_t base,
                                      std::string field_path) {
  if (value.type != WireType::kLengthDelimited || value.bytes.data() == nullptr) {
    return std::nullopt;
  }
  size_t offset = OffsetIn(data, value.bytes, base);
  if (field.is_map()) {
    field_path += MapKeyText(*field.message_type(), value.bytes);
    return CheckMapEntry(field, value.bytes, offset, field_path);
  }
  return CheckValue(field, value.bytes, offset, field_path);
}

std::optional<WireProblem> Walk(const Descriptor& descriptor, std::string_view data,
                                size_t base, const std::string& path) {
  WireReader reader(data, base);
  WireField value;
  std::map<int, int> repeat_index;  // field number -> occurrences so far
  bool more = true;
  while (more) {
    more = reader.Next(&value);
    if (value.number == 0) break;
    const FieldDescriptor* field = descriptor.FindFieldByNumber(static_cast<int>(value.number));
    if (field == nullptr) continue;  // unknown fields are skipped, as protobuf does
    std::string field_path = Join(path, field->name());
    if (field->is_repeated() && !field->is_map()) {
      field_path += "[" + std::to_string(repeat_index[field->number()]++) + "]";
    }
    if (auto problem = CheckField(*field, value, data, base, field_path)) return problem;
    if (!more && !reader.error().empty()) return WireProblem{field_path, reader.error()};
  }
  if (reader.error().empty()) return std::nullopt;
  return WireProblem{path, reader.error()};
}

}  // namespace

std::optional<WireProblem> FindWireProblem(const Descriptor& descriptor, std::string_view data,
                                           size_t base_offset) {
  return Walk(descriptor, data, base_offset, "");
}

}  // namespace beamcompat
