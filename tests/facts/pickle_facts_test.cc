#include "facts/pickle_facts.h"

#include <doctest/doctest.h>

#include <sstream>

namespace beamcompat {

TEST_CASE("pickle facts: text and JSON dumps name pickler, modules and __main__ reads") {
  PickleFacts facts;
  PayloadContents read;
  read.readable = true;
  read.pickler = "dill";
  read.protocol = 4;
  read.compression = "bz2";
  read.modules = {"apache_beam.transforms.core"};
  read.uses_main_namespace = true;
  read.main_functions = {{"parse_line", {"json"}}};
  PayloadFacts parse;
  parse.transform_name = "ParseLine";
  parse.shared = std::make_shared<PayloadContents>(read);  // shared by both occurrences
  PayloadContents cut;
  cut.error = "truncated bz2 stream (ends after 60 bytes)";
  PayloadFacts broken;
  broken.transform_name = "Cut";
  broken.shared = std::make_shared<PayloadContents>(cut);
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

TEST_CASE("pickle facts: a payload that was not read is unreadable and empty") {
  PayloadFacts unread;
  CHECK_FALSE(unread.contents().readable);
  CHECK(unread.contents().modules.empty());
  CHECK(unread.contents().pickler.empty());
}

}  // namespace beamcompat
