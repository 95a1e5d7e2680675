#include "pickle/pickle_reader.h"

#include <doctest/doctest.h>

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "pickle/fixture_files.h"
#include "pickle/payload_decoder.h"

namespace beamcompat {
namespace {

PickleReadResult ReadFixture(const std::string& relative,
                             BytecodeFormat format = BytecodeFormat::kUnknown) {
  std::string text = testing::ReadPickleFixture(relative);
  REQUIRE_MESSAGE(!text.empty(), relative);
  DecodedPayload decoded = DecodePayload(text, DecodeLimits{}, nullptr);
  REQUIRE_MESSAGE(decoded.ok, decoded.error);
  PickleReadOptions options;
  options.bytecode = format;
  // The contents are views of the pickle bytes: those stay for the whole test run.
  static std::deque<std::string> pickles;
  pickles.push_back(std::move(decoded.pickle));
  return ReadPickle(pickles.back(), options);
}

using Names = std::vector<std::string_view>;

}  // namespace

TEST_CASE("pickle reader: dill __main__ functions and the globals they read, 3.8-3.13") {
  struct Row {
    const char* fixture;
    const char* function;
    Names globals;
  };
  const Row rows[] = {
      {"main_function_json", "parse_line", {"json"}},
      {"main_lambda_json", "<lambda>", {"json"}},
      {"main_class_json", "AddTaxFn.process", {"json", "TAX_RATE"}},
      {"main_builtins_only", "count_chars", {"len", "str"}},
      {"main_third_party", "load_config", {"yaml"}},
      {"main_nested_closure", "format_order", {"json", "round", "TAX_RATE"}},
  };
  struct Version {
    const char* dir;
    const char* python;
    BytecodeFormat format;
  };
  const Version versions[] = {
      {"py38", "3.8", BytecodeFormat::kPy38To310},   {"py39", "3.9", BytecodeFormat::kPy38To310},
      {"py310", "3.10", BytecodeFormat::kPy38To310}, {"py311", "3.11", BytecodeFormat::kPy311},
      {"py312", "3.12", BytecodeFormat::kPy312},     {"py313", "3.13", BytecodeFormat::kPy313},
  };
  for (const Version& version : versions) {
    for (const Row& row : rows) {
      for (bool known : {true, false}) {
        std::string path = std::string(version.dir) + "/dill/" + row.fixture + ".b64";
        CAPTURE(path);
        CAPTURE(known);
        PickleReadResult result = ReadFixture(
            path, known ? BytecodeFormatForPython(version.python) : BytecodeFormat::kUnknown);
        REQUIRE(result.ok);
        CHECK(result.contents.library() == PicklerLibrary::kDill);
        CHECK(result.contents.protocol == 4);
        CHECK(result.contents.uses_main_namespace);
        REQUIRE(result.contents.main_functions.size() == 1);
        const MainFunction& function = result.contents.main_functions[0];
        CHECK(function.name == row.function);
        CHECK(function.globals == row.globals);
        CHECK(function.imports.empty());
        // Unknown 3.12 reads as 3.11: they differ only in LOAD_FROM_DICT_OR_GLOBALS.
        BytecodeFormat expected = !known && version.format == BytecodeFormat::kPy312
                                      ? BytecodeFormat::kPy311
                                      : version.format;
        CHECK(function.format == expected);
      }
    }
  }
}

TEST_CASE("pickle reader: cloudpickle references modules with subimport, not __main__") {
  for (const char* dir : {"py38", "py310", "py312", "py313"}) {
    CAPTURE(dir);
    PickleReadResult json = ReadFixture(std::string(dir) + "/cloudpickle/main_lambda_json.b64");
    REQUIRE(json.ok);
    CHECK(json.contents.library() == PicklerLibrary::kCloudpickle);
    CHECK(json.contents.protocol == 5);
    CHECK(json.contents.imported_modules == Names{"json"});
    CHECK_FALSE(json.contents.uses_main_namespace);
    CHECK(json.contents.main_functions.empty());
    PickleReadResult yaml =
        ReadFixture(std::string(dir) + "/vendored_cloudpickle/main_third_party.b64");
    REQUIRE(yaml.ok);
    CHECK(yaml.contents.library() == PicklerLibrary::kVendoredCloudpickle);
    CHECK(yaml.contents.imported_modules == Names{"yaml"});
    PickleReadResult builtins =
        ReadFixture(std::string(dir) + "/cloudpickle/main_builtins_only.b64");
    REQUIRE(builtins.ok);
    CHECK(builtins.contents.imported_modules.empty());
  }
}

TEST_CASE("pickle reader: the exact global references of a cloudpickle lambda") {
  PickleReadResult result = ReadFixture("py311/cloudpickle/main_function_json.b64");
  REQUIRE(result.ok);
  std::vector<GlobalRef> expected = {
      {"apache_beam.transforms.core", "CallableWrapperDoFn"},
      {"cloudpickle.cloudpickle", "_builtin_type"},
      {"cloudpickle.cloudpickle", "_make_function"},
      {"cloudpickle.cloudpickle", "subimport"},
      {"cloudpickle.cloudpickle_fast", "_function_setstate"},
  };
  CHECK(result.contents.globals == expected);
}

TEST_CASE("pickle reader: classes from importable modules are plain references") {
  for (const char* pickler : {"dill", "cloudpickle", "pickle"}) {
    CAPTURE(pickler);
    PickleReadResult dofn = ReadFixture(std::string("py310/") + pickler + "/module_dofn.b64");
    REQUIRE(dofn.ok);
    CHECK(dofn.contents.globals == std::vector<GlobalRef>{{"shop_lib.transforms", "ParseOrderFn"}});
    CHECK(dofn.contents.library() == PicklerLibrary::kPickle);  // no reducer names the pickler
    PickleReadResult combine = ReadFixture(std::string("py310/") + pickler + "/combinefn.b64");
    REQUIRE(combine.ok);
    CHECK(combine.contents.globals ==
          std::vector<GlobalRef>{{"shop_lib.transforms", "MeanPriceFn"}});
  }
  PickleReadResult old = ReadFixture("py39/pickle/windowfn.b64");
  REQUIRE(old.ok);
  CHECK(old.contents.protocol == 2);
  CHECK(old.contents.globals ==
        std::vector<GlobalRef>{{"shop_lib.transforms", "ShopHoursWindowFn"}});
}

TEST_CASE("pickle reader: a plain pickle of a __main__ class names it") {
  PickleReadResult result = ReadFixture("py311/pickle/main_class_json.b64");
  REQUIRE(result.ok);
  CHECK(result.contents.main_names == Names{"AddTaxFn"});
  CHECK_FALSE(result.contents.uses_main_namespace);
}

TEST_CASE("pickle reader: protocol 0 text opcodes are read, never executed") {
  std::string pickle =
      "cos\nsystem\n(S'rm -rf /'\ntR(lp0\nI1\naL5L\naF1.5\naVtext\na(dp1\n"
      "S'k'\ng0\ns(i__main__\nHelper\n.";
  PickleReadResult result = ReadPickle(pickle, PickleReadOptions{});
  CHECK(result.error == "");
  REQUIRE(result.ok);
  CHECK(result.contents.globals ==
        std::vector<GlobalRef>{{"__main__", "Helper"}, {"os", "system"}});
  CHECK(result.contents.main_names == Names{"Helper"});
  CHECK(result.contents.protocol == 0);
}

TEST_CASE("pickle reader: rarely used opcodes keep the stack consistent") {
  // PERSID, BINPERSID, EXT1/2/4, NEXT_BUFFER + READONLY_BUFFER, BYTEARRAY8, FROZENSET,
  // ADDITEMS, LONG1/LONG4, BINFLOAT, BINUNICODE8, POP_MARK, DUP, POP, NEWOBJ_EX, OBJ:
  // the STACK_GLOBALs after them still resolve their strings.
  std::string pickle = std::string("\x80\x05") + "Pid\n" + "K\x01Q" + "\x82\x01" +
                       std::string("\x83\x01\x00", 3) + std::string("\x84\x01\x00\x00\x00", 5) +
                       "\x97\x98" + std::string("\x96\x01\x00\x00\x00\x00\x00\x00\x00x", 10) +
                       "(K\x01\x91" + "\x8f(K\x02\x90" + std::string("\x8a\x01\x05", 3) +
                       std::string("\x8b\x01\x00\x00\x00\x05", 6) +
                       std::string("G\x00\x00\x00\x00\x00\x00\xf0\x3f", 9) +
                       std::string("\x8d\x02\x00\x00\x00\x00\x00\x00\x00os", 11) + "\x94" +
                       "(K\x01K\x02"
                       "1"
                       "2"
                       "0"
                       "\x8c\x04path\x93" +
                       "\x8c\x03"
                       "cls\x8c\x01"
                       "C\x93)}\x92" +
                       "(\x8c\x03"
                       "cls\x8c\x01"
                       "D\x93K\x01o" +
                       ".";
  PickleReadResult result = ReadPickle(pickle, PickleReadOptions{});
  CHECK(result.error == "");
  REQUIRE(result.ok);
  CHECK(result.contents.protocol == 5);
  CHECK(result.contents.globals ==
        std::vector<GlobalRef>{{"cls", "C"}, {"cls", "D"}, {"os", "path"}});
}

TEST_CASE("pickle reader: malformed streams are error values with offsets") {
  struct Row {
    std::string pickle;
    std::string error;
  };
  const Row rows[] = {
      {"\x80\x04\x8c\x05js",
       "truncated pickle: 'SHORT_BINUNICODE' at offset 2 needs 5 bytes, 2 left"},
      {"\x80\x04N", "truncated pickle: no 'STOP' opcode in 3 bytes"},
      {"\x80\x04\xff.", "unknown pickle opcode 0xff at offset 2"},
      {"\x80\x04h\x07.", "memo entry 7 is not defined at 'BINGET' at offset 2"},
      {"\x80\x04R.", "stack underflow at 'REDUCE' at offset 2"},
      {"\x80\x04K\x01K\x02\x93.", "'STACK_GLOBAL' at offset 6 needs two strings"},
      {"\x80\x04t.", "no 'MARK' before 'TUPLE' at offset 2"},
      {"cos\nsys", "truncated pickle: 'GLOBAL' at offset 0 has no end of line"},
      {"gx\n.", "bad memo index 'x' at 'GET' at offset 0"},
      {"(\x85.", "stack underflow at 'TUPLE1' at offset 1"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.pickle);
    PickleReadResult result = ReadPickle(row.pickle, PickleReadOptions{});
    CHECK_FALSE(result.ok);
    CHECK(result.error == row.error);
  }
}

TEST_CASE("pickle reader: limits on opcodes, stack and memo") {
  PickleReadOptions options;
  options.limits.max_opcodes = 10;
  CHECK(ReadPickle(std::string(20, 'N') + ".", options).error ==
        "pickle exceeds the limit of 10 opcodes");
  options = PickleReadOptions{};
  options.limits.max_stack = 5;
  CHECK(ReadPickle(std::string(6, 'N') + ".", options).error ==
        "pickle stack exceeds the limit of 5 values");
  options = PickleReadOptions{};
  options.limits.max_memo = 2;
  CHECK(ReadPickle("N\x94\x94\x94.", options).error ==
        "pickle memo exceeds the limit of 2 entries");
}

TEST_CASE("pickle reader: memo indices far apart, above and below the dense table's end") {
  // LONG_BINPUT 40000, 40001 and 70000, then LONG_BINGET 70000. The dense memo table once
  // grew past its limit here (40001 -> 80002 entries) while PUT 70000 went to the sparse map,
  // so the GET looked in the wrong place and the pickle was reported broken.
  auto index = [](uint32_t i) {
    return std::string{static_cast<char>(i), static_cast<char>(i >> 8), static_cast<char>(i >> 16),
                       static_cast<char>(i >> 24)};
  };
  std::string pickle = "\x80\x02N" "r" + index(40000) + "r" + index(40001) + "r" + index(70000) +
                       "0" "j" + index(70000) + ".";
  PickleReadResult result = ReadPickle(pickle, PickleReadOptions{});
  CHECK_MESSAGE(result.ok, result.error);
}

TEST_CASE("pickle reader: nothing of one pickle is seen by the next") {
  // The reader keeps its vectors between pickles: neither a memo entry nor the elements of a
  // tuple made by the first may show through in the second.
  std::string first = "\x80\x04NNN\x87\x94\x94\x94\x94.";  // value 3: the tuple (0, 1, 2)
  REQUIRE(ReadPickle(first, PickleReadOptions{}).ok);
  CHECK(ReadPickle("\x80\x04h\x02.", PickleReadOptions{}).error ==
        "memo entry 2 is not defined at 'BINGET' at offset 2");
  REQUIRE(ReadPickle(first, PickleReadOptions{}).ok);
  // Value 3 is now an empty tuple: _import_module() with no argument imports nothing.
  std::string second = "\x80\x04\x8c\x0a" "dill._dill\x8c\x0e_import_module\x93)R.";
  PickleReadResult result = ReadPickle(second, PickleReadOptions{});
  REQUIRE(result.ok);
  CHECK(result.contents.imported_modules.empty());
  CHECK(result.contents.library() == PicklerLibrary::kDill);
}

TEST_CASE("pickle reader: a pickle inside bytes is read too") {
  std::string inner = "\x80\x04\x8c\x04yaml\x8c\x09safe_load\x93.";
  std::string outer =
      "\x80\x04"
      "C" +
      std::string(1, static_cast<char>(inner.size())) + inner + "\x85.";
  PickleReadResult result = ReadPickle(outer, PickleReadOptions{});
  REQUIRE(result.ok);
  CHECK(result.contents.nested_pickles == 1);
  CHECK(result.contents.globals == std::vector<GlobalRef>{{"yaml", "safe_load"}});
}

}  // namespace beamcompat
