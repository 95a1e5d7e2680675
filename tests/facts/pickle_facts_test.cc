#include "facts/pickle_facts.h"

#include <doctest/doctest.h>

#include <sstream>

namespace beamcompat {

TEST_CASE("pickle facts: text and JSON dumps name pickler, modules and __main__ reads") {
  PickleFacts facts;
  PayloadFacts parse;
  parse.transform_name = "ParseLine";
  parse.readable = true;
  parse.pickler = "dill";
  parse.protocol = 4;
  parse.compression = "bz2";
  parse.modules = {"apache_beam.transforms.core"};
  parse.uses_main_namespace = true;
  parse.main_functions = {{"parse_line", {"json"}}};
  PayloadFacts broken;
  broken.transform_name = "Cut";
  broken.error = "truncated bz2 stream (ends after 60 bytes)";
  facts.payloads = {parse, broken, parse};
  facts.distinct = 2;
  std::ostringstream text;
  WritePickleFactsText(facts, text);
  CHECK(text.str() ==
        "pickles: 3 payloads, 2 distinct; picklers: dill\n"
        "pickles['ParseLine']: dill; modules: apache_beam.transforms.core; __main__: "
        "parse_line reads json\n"
        "pickles['Cut']: unreadable: truncated bz2 stream (ends after 60 bytes)\n"
        "pickles['ParseLine']: dill; modules: apache_beam.transforms.core; __main__: "
        "parse_line reads json\n");
  auto json = PickleFactsToJson(facts);
  CHECK(json["picklers"] == nlohmann::ordered_json::array({"dill"}));
  CHECK(json["payloads"][1]["error"] == "truncated bz2 stream (ends after 60 bytes)");
  CHECK(json["payloads"][0]["main_functions"][0]["globals"][0] == "json");
}

}  // namespace beamcompat
