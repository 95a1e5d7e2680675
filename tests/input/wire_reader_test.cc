#include "input/wire_reader.h"

#include <doctest/doctest.h>

#include <string>

namespace beamcompat {

TEST_CASE("wire reader: walks varint, fixed and length-delimited fields with offsets") {
  // field 1 varint 150, field 2 "hi", field 3 fixed32 1, field 4 fixed64 2
  std::string data("\x08\x96\x01\x12\x02hi\x1d\x01\x00\x00\x00\x21\x02\x00\x00\x00\x00\x00\x00\x00",
                   21);
  WireReader reader(data, 100);
  WireField f;
  REQUIRE(reader.Next(&f));
  CHECK(f.number == 1);
  CHECK(f.value == 150);
  CHECK(f.offset == 100);
  REQUIRE(reader.Next(&f));
  CHECK(f.number == 2);
  CHECK(f.bytes == "hi");
  CHECK(f.offset == 103);
  REQUIRE(reader.Next(&f));
  CHECK(f.type == WireType::kFixed32);
  CHECK(f.value == 1);
  REQUIRE(reader.Next(&f));
  CHECK(f.value == 2);
  CHECK_FALSE(reader.Next(&f));
  CHECK(reader.error().empty());
}

TEST_CASE("wire reader: every malformation names what broke and the byte") {
  struct Row {
    std::string data;
    const char* error;
  };
  const Row rows[] = {
      {std::string("\x0a\x10short", 7), "truncated field (length 16 at byte 0, only 5 bytes left)"},
      {std::string("\x08\x96", 2), "truncated varint at byte 1"},
      {std::string("\x08\x01\x0f", 3), "invalid wire type 7 at byte 2"},
      {std::string("\x00\x01", 2), "invalid field number 0 at byte 0"},
      {std::string("\x1d\x01\x02", 3), "truncated fixed32 field at byte 0"},
      {std::string("\x0c", 1), "unexpected end-group tag at byte 0"},
      {std::string("\x0b\x08\x01", 3), "unterminated group starting at byte 1"},
      {std::string("\x0b\x14", 2), "mismatched end-group tag at byte 1"},
      {std::string("\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 12),
       "malformed varint (more than 10 bytes) at byte 1"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.error);
    WireReader reader(row.data);
    WireField f;
    while (reader.Next(&f)) {
    }
    CHECK(reader.error() == row.error);
  }
}

TEST_CASE("wire reader: FindBytesField returns the last occurrence, a view, or the error") {
  std::string data("\x0a\x01" "a\x10\x05\x0a\x02" "bc", 9);
  std::string err;
  auto found = FindBytesField(data, 1, &err);
  REQUIRE(found);
  CHECK(*found == "bc");
  CHECK(found->data() == data.data() + 7);
  CHECK_FALSE(FindBytesField(data, 3, &err));
  CHECK(err.empty());
  CHECK_FALSE(FindBytesField(std::string("\x0a\x05", 2), 1, &err));
  CHECK(err == "truncated field (length 5 at byte 0, only 0 bytes left)");
}

}  // namespace beamcompat
