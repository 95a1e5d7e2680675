#include "input/wire_reader.h"

#include <utility>

namespace beamcompat {
namespace {

constexpr int kMaxGroupDepth = 64;

}  // namespace

bool WireReader::Fail(std::string text) {
  error_ = std::move(text);
  pos_ = data_.size();
  return false;
}

bool WireReader::ReadVarint(uint64_t* value, const char* what) {
  if (pos_ < data_.size() && static_cast<uint8_t>(data_[pos_]) < 0x80) {  // one byte: most tags
    *value = static_cast<uint8_t>(data_[pos_++]);
    return true;
  }
  size_t start = pos_;
  uint64_t result = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos_ >= data_.size()) {
      return Fail(std::string("truncated ") + what + " at byte " + std::to_string(base_ + start));
    }
    uint8_t byte = static_cast<uint8_t>(data_[pos_++]);
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *value = result;
      return true;
    }
  }
  return Fail(std::string("malformed ") + what + " (more than 10 bytes) at byte " +
              std::to_string(base_ + start));
}

bool WireReader::ReadValue(WireField* field, int depth) {
  size_t left = data_.size() - pos_;
  switch (field->type) {
    case WireType::kVarint:
      return ReadVarint(&field->value, "varint");
    case WireType::kFixed64:
    case WireType::kFixed32: {
      size_t width = field->type == WireType::kFixed64 ? 8 : 4;
      if (left < width) {
        return Fail("truncated fixed" + std::to_string(width * 8) + " field at byte " +
                    std::to_string(base_ + field->offset));
      }
      field->value = 0;
      for (size_t i = 0; i < width; ++i) {
        field->value |= static_cast<uint64_t>(static_cast<uint8_t>(data_[pos_ + i])) << (8 * i);
      }
      pos_ += width;
      return true;
    }
    case WireType::kLengthDelimited: {
      uint64_t length = 0;
      if (!ReadVarint(&length, "length")) return false;
      left = data_.size() - pos_;
      if (length > left) {
        field->bytes = data_.substr(pos_);  // what there is, for a deeper diagnosis
        return Fail("truncated field (length " + std::to_string(length) + " at byte " +
                    std::to_string(base_ + field->offset) + ", only " + std::to_string(left) +
                    (left == 1 ? " byte left)" : " bytes left)"));
      }
      field->bytes = data_.substr(pos_, length);
      pos_ += length;
      return true;
    }
    case WireType::kStartGroup:
      return SkipGroup(field->number, depth + 1);
    case WireType::kEndGroup:
      return Fail("unexpected end-group tag at byte " + std::to_string(base_ + field->offset));
  }
  return false;
}

bool WireReader::SkipGroup(uint32_t number, int depth) {
  if (depth > kMaxGroupDepth) return Fail("groups nested too deeply at byte " + std::to_string(position()));
  size_t start = position();
  while (pos_ < data_.size()) {
    WireField inner;
    inner.offset = pos_;
    uint64_t tag = 0;
    if (!ReadVarint(&tag, "tag")) return false;
    inner.number = static_cast<uint32_t>(tag >> 3);
    inner.type = static_cast<WireType>(tag & 7);
    if ((tag & 7) > 5) {
      return Fail("invalid wire type " + std::to_string(tag & 7) + " at byte " +
                  std::to_string(base_ + inner.offset));
    }
    if (inner.type == WireType::kEndGroup) {
      if (inner.number == number) return true;
      return Fail("mismatched end-group tag at byte " + std::to_string(base_ + inner.offset));
    }
    if (!ReadValue(&inner, depth)) return false;
  }
  return Fail("unterminated group starting at byte " + std::to_string(start));
}

bool WireReader::Next(WireField* field) {
  *field = WireField{};
  if (pos_ >= data_.size()) return false;
  field->offset = pos_;
  uint64_t tag = 0;
  if (!ReadVarint(&tag, "tag")) return false;
  uint64_t type = tag & 7;
  uint64_t number = tag >> 3;
  if (type > 5) {
    return Fail("invalid wire type " + std::to_string(type) + " at byte " +
                std::to_string(base_ + field->offset));
  }
  if (number == 0 || number > 0x1fffffff) {
    return Fail("invalid field number " + std::to_string(number) + " at byte " +
                std::to_string(base_ + field->offset));
  }
  field->number = static_cast<uint32_t>(number);
  field->type = static_cast<WireType>(type);
  bool ok = ReadValue(field, 0);
  field->offset += base_;
  return ok;
}

std::optional<std::string_view> FindBytesField(std::string_view message, uint32_t number,
                                               std::string* err) {
  WireReader reader(message);
  WireField field;
  std::optional<std::string_view> found;
  while (reader.Next(&field)) {
    if (field.number == number && field.type == WireType::kLengthDelimited) found = field.bytes;
  }
  if (!reader.error().empty()) {
    *err = reader.error();
    return std::nullopt;
  }
  return found;
}

}  // namespace beamcompat
