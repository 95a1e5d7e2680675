#include "pickle/bytecode_reader.h"

#include <doctest/doctest.h>

namespace beamcompat {

using Names = std::vector<std::string_view>;

TEST_CASE("bytecode reader: json.loads(x) reads json, x.strip() reads nothing, per version") {
  // def f(line): return json.loads(line).strip()   names = (json, loads, strip)
  const Names names = {"json", "loads", "strip"};
  struct Row {
    BytecodeFormat format;
    std::string code;
  };
  const Row rows[] = {
      // LOAD_GLOBAL 0; LOAD_METHOD 1; LOAD_FAST 0; CALL_METHOD 1; LOAD_METHOD 2; ...
      {BytecodeFormat::kPy38To310,
       std::string("t\x00\xa0\x01|\x00\xa1\x01\xa0\x02\xa1\x00S\x00", 14)},
      // RESUME; LOAD_GLOBAL (0<<1)|0 + 5 caches; LOAD_ATTR 1 ...; caches are zero units
      {BytecodeFormat::kPy311,
       std::string("\x97\x00t\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00j\x01\x00\x00|\x00S\x00",
                   22)},
      {BytecodeFormat::kPy312,
       std::string("\x97\x00t\x01\x00\x00\x00\x00\x00\x00\x00\x00j\x03\x00\x00|\x00S\x00", 20)},
      // 3.13: RESUME 149; LOAD_GLOBAL 91 arg 1 (index 0, push NULL)
      {BytecodeFormat::kPy313,
       std::string("\x95\x00[\x01\x00\x00\x00\x00\x00\x00\x00\x00R\x02\x00\x00S\x00", 18)},
  };
  for (const Row& row : rows) {
    CAPTURE(BytecodeFormatName(row.format));
    BytecodeReads reads = ReadBytecode(row.code, names, row.format);
    CHECK(reads.ok);
    CHECK(reads.globals == Names{"json"});
    CHECK(reads.imports.empty());
  }
}

TEST_CASE("bytecode reader: EXTENDED_ARG, LOAD_NAME, IMPORT_NAME and bad indices") {
  Names names(300, "x");
  names[258] = "far_away";
  names[1] = "os";
  names[2] = "shared";
  // EXTENDED_ARG 1; LOAD_NAME 2 -> index 258; IMPORT_NAME 1; LOAD_NAME 2
  std::string code("\x90\x01\x65\x02\x6c\x01\x65\x02", 8);
  BytecodeReads reads = ReadBytecode(code, names, BytecodeFormat::kPy38To310);
  CHECK(reads.globals == Names{"far_away", "shared"});
  CHECK(reads.imports == Names{"os"});
  BytecodeReads bad = ReadBytecode(std::string("t\x09", 2), {"json"}, BytecodeFormat::kPy38To310);
  CHECK_FALSE(bad.ok);
  // 3.12 class bodies with annotation scopes read through LOAD_FROM_DICT_OR_GLOBALS (175).
  BytecodeReads scope = ReadBytecode(std::string("\xaf\x00", 2), {"Base"}, BytecodeFormat::kPy312);
  CHECK(scope.globals == Names{"Base"});
  CHECK(ReadBytecode(std::string("\xaf\x00", 2), {"Base"}, BytecodeFormat::kPy311).globals.empty());
}

TEST_CASE("bytecode reader: formats from the launch Python and inferred from the code") {
  CHECK(BytecodeFormatForPython("3.9") == BytecodeFormat::kPy38To310);
  CHECK(BytecodeFormatForPython("3.13") == BytecodeFormat::kPy313);
  CHECK(BytecodeFormatForPython("3.7") == BytecodeFormat::kUnknown);
  CHECK(InferBytecodeFormat("t\x00S\x00", false) == BytecodeFormat::kPy38To310);
  CHECK(InferBytecodeFormat(std::string("\x95\x00\x97\x00", 4), true) == BytecodeFormat::kPy311);
  CHECK(InferBytecodeFormat(std::string("\x95\x00[\x00", 4), true) == BytecodeFormat::kPy313);
  CHECK(InferBytecodeFormat(std::string("\x3e\x01\x95\x00", 4), true) == BytecodeFormat::kPy313);
}

}  // namespace beamcompat
