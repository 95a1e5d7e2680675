// A schema-less, non-owning reader of the protobuf wire format. The pipeline reader uses it
// twice: to view pickled payloads nested inside `bytes` fields (ParDoPayload.do_fn.payload,
// ...) in place, without copying them, and to find where a broken binary pipeline breaks.
#ifndef BEAMCOMPAT_INPUT_WIRE_READER_H_
#define BEAMCOMPAT_INPUT_WIRE_READER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace beamcompat {

enum class WireType : uint8_t {
  kVarint = 0,
  kFixed64 = 1,
  kLengthDelimited = 2,
  kStartGroup = 3,
  kEndGroup = 4,
  kFixed32 = 5,
};

struct WireField {
  uint32_t number = 0;
  WireType type = WireType::kVarint;
  uint64_t value = 0;      // varint and fixed fields
  // Length-delimited fields: a view into the reader's data. When the field is truncated,
  // Next() fails and this holds the bytes that are there.
  std::string_view bytes;
  size_t offset = 0;       // byte offset of the field's tag, counted from the reader's base
};

// Reads the fields of one serialized message in order. Groups are skipped whole.
class WireReader {
 public:
  // `base_offset` is added to every reported offset (the data's position in a larger buffer).
  explicit WireReader(std::string_view data, size_t base_offset = 0)
      : data_(data), base_(base_offset) {}

  // Returns false at the end of the data or when the data is malformed; error() is empty in
  // the first case and says what broke and at which byte in the second, e.g.
  // "truncated field (length 4096 at byte 1234, only 200 bytes left)".
  bool Next(WireField* field);
  const std::string& error() const { return error_; }
  size_t position() const { return base_ + pos_; }

 private:
  bool ReadVarint(uint64_t* value, const char* what);
  bool SkipGroup(uint32_t number, int depth);
  bool ReadValue(WireField* field, int depth);
  bool Fail(std::string text);

  std::string_view data_;
  size_t base_;
  size_t pos_ = 0;
  std::string error_;
};

// The last occurrence of length-delimited field `number` (proto3: the last one wins), nullopt
// when absent. On malformed data returns nullopt and sets *err.
std::optional<std::string_view> FindBytesField(std::string_view message, uint32_t number,
                                               std::string* err);

}  // namespace beamcompat

#endif  // BEAMCOMPAT_INPUT_WIRE_READER_H_
