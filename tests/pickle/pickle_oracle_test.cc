// Cross-checks the pickle and bytecode readers against Python's own disassembler: for every
// fixture interpreter, make_pickles.py recorded in manifest.json the non-builtin globals
// `dis` finds in each __main__ function; the dill payloads must yield exactly those.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/file_system.h"
#include "base/message.h"
#include "pickle/fixture_files.h"
#include "pickle/module_map.h"
#include "pickle/payload_decoder.h"
#include "pickle/pickle_reader.h"

namespace beamcompat {

TEST_CASE("pickle oracle: dill __main__ globals match dis for every Python version") {
  RealFileSystem fs;
  Messages messages;
  auto map = ModuleMap::Load(fs, std::string(BEAMCOMPAT_SOURCE_DIR) + "/rules/data", &messages);
  REQUIRE(map.has_value());
  int checked = 0;
  for (const char* dir : {"py38", "py39", "py310", "py311", "py312", "py313"}) {
    auto manifest =
        nlohmann::json::parse(testing::ReadPickleFixture(std::string(dir) + "/manifest.json"));
    std::string python = manifest["python"];
    for (const auto& item : manifest["fixtures"].items()) {
      const std::string fixture = item.key();  // a variable, not a binding: CAPTURE takes it
      const auto& entry = item.value();
      const auto& expected_functions = entry["main_globals_read"];
      if (expected_functions.empty()) continue;
      CAPTURE(dir);
      CAPTURE(fixture);
      std::string text = testing::ReadPickleFixture(std::string(dir) + "/dill/" + fixture + ".b64");
      DecodedPayload decoded = DecodePayload(text, DecodeLimits{}, nullptr);
      REQUIRE(decoded.ok);
      PickleReadResult read = ReadPickle(decoded.pickle, PickleReadOptions{});
      REQUIRE(read.ok);
      REQUIRE(read.contents.main_functions.size() == expected_functions.size());
      for (const MainFunction& function : read.contents.main_functions) {
        REQUIRE(expected_functions.contains(function.name));
        std::vector<std::string> globals;
        for (const auto& name : function.globals) {
          if (!map->IsBuiltin(name, python)) globals.emplace_back(name);
        }
        std::sort(globals.begin(), globals.end());
        CHECK(globals == expected_functions[function.name].get<std::vector<std::string>>());
        ++checked;
      }
    }
  }
  CHECK(checked == 36);  // 6 __main__ functions x 6 interpreters
}

}  // namespace beamcompat
