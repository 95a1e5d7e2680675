#include "pickle/payload_prefetch.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "base/file_system.h"
#include "base/message.h"
#include "input/pipeline_reader.h"
#include "pickle/fixture_files.h"
#include "pickle/module_map.h"
#include "pickle/payload_analyzer.h"

namespace beamcompat {
namespace {

std::string PipelinePath(const std::string& name) {
  return std::string(BEAMCOMPAT_BINARY_DIR) + "/testdata/pipelines/pickles/" + name + ".pb";
}

}  // namespace

TEST_CASE("payload prefetch: found texts are decoded once, as DecodePayload would") {
  std::string text = testing::ReadPickleFixture("py311/dill/main_function_json.b64");
  std::string other = testing::ReadPickleFixture("py311/dill/main_lambda_json.b64");
  REQUIRE_FALSE(text.empty());
  REQUIRE_FALSE(other.empty());
  std::string same = text;  // identical text elsewhere in the pipeline
  std::string bad = "QlpoOTFBWSZTW!";
  DecodedPayload direct = DecodePayload(text, DecodeLimits{}, nullptr);
  DecodedPayload direct_other = DecodePayload(other, DecodeLimits{}, nullptr);
  PayloadPrefetch prefetch(DecodeLimits{});
  // Taken in order: once `other` is charged to the budget, the three before it were read.
  for (const std::string* found : {&bad, &text, &same, &other}) prefetch.Found(*found);
  prefetch.Finished();  // found texts are handed over in batches, the last one now
  uint64_t both = direct.pickle.size() + direct_other.pickle.size();
  for (int waited = 0; prefetch.budget()->used() < both && waited < 10000; ++waited) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  prefetch.Stop();
  CHECK(prefetch.budget()->used() == both);  // `same` was not decoded again
  const DecodedPayload* decoded = prefetch.Decoded(text);
  REQUIRE(decoded != nullptr);
  CHECK(decoded->ok);
  CHECK(decoded->pickle == direct.pickle);
  CHECK(prefetch.Decoded(same) == decoded);  // the duplicate found elsewhere shares it
  const DecodedPayload* failed = prefetch.Decoded(bad);
  REQUIRE(failed != nullptr);
  CHECK(failed->error == "invalid base64 character '!' at offset 13");
  std::string never = text;  // the same text, but at an address the reader never showed
  CHECK(prefetch.Decoded(never) == nullptr);
  CHECK(prefetch.Decoded(std::string_view(text).substr(0, 8)) == nullptr);  // part of a text
  prefetch.Found(text);  // after Stop: ignored, no crash
}

TEST_CASE("payload prefetch: abandoned payloads are forgotten") {
  std::string text = testing::ReadPickleFixture("py311/dill/main_lambda_json.b64");
  PayloadPrefetch prefetch(DecodeLimits{});
  prefetch.Found(text);
  prefetch.Finished();
  prefetch.Abandon();
  CHECK(prefetch.Decoded(text) == nullptr);
}

TEST_CASE("payload prefetch: the analyzer's facts are the same with and without it") {
  RealFileSystem fs;
  Messages messages;
  ModuleMap map =
      *ModuleMap::Load(fs, std::string(BEAMCOMPAT_SOURCE_DIR) + "/rules/data", &messages);
  for (const char* name : {"dill_py311", "mixed_py310", "corrupt_py311"}) {
    CAPTURE(name);
    auto plain = LoadPipeline(fs, PipelinePath(name), &messages);
    PayloadPrefetch prefetch(DecodeLimits{});
    auto observed = LoadPipeline(fs, PipelinePath(name), &messages, &prefetch);
    REQUIRE(plain);
    REQUIRE(observed);
    PickleFacts expected = AnalyzePayloads(*plain, map, {});
    PickleFacts actual = AnalyzePayloads(*observed, map, {}, &prefetch);
    REQUIRE(actual.payloads.size() == expected.payloads.size());
    CHECK(actual.distinct == expected.distinct);
    CHECK(actual.decompressed_bytes == expected.decompressed_bytes);
    for (size_t i = 0; i < actual.payloads.size(); ++i) {
      const PayloadContents& a = actual.payloads[i].contents();
      const PayloadContents& b = expected.payloads[i].contents();
      CHECK(actual.payloads[i].transform_name == expected.payloads[i].transform_name);
      CHECK(a.readable == b.readable);
      CHECK(a.error == b.error);
      CHECK(a.pickler == b.pickler);
      CHECK(a.modules == b.modules);
      CHECK(a.main_names == b.main_names);
    }
  }
}

}  // namespace beamcompat
