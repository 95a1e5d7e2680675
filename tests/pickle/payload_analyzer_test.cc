#include "pickle/payload_analyzer.h"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <string>

#include "base/file_system.h"
#include "base/message.h"
#include "input/pipeline_reader.h"
#include "pickle/module_map.h"

namespace beamcompat {
namespace {

using Names = std::vector<std::string>;

struct AnalyzerFixture {
  RealFileSystem fs;
  Messages messages;
  ModuleMap map =
      *ModuleMap::Load(fs, std::string(BEAMCOMPAT_SOURCE_DIR) + "/rules/data", &messages);

  PickleFacts Analyze(const std::string& name, PayloadAnalyzerOptions options = {}) {
    std::string path =
        std::string(BEAMCOMPAT_BINARY_DIR) + "/testdata/pipelines/pickles/" + name + ".pb";
    auto pipeline = LoadPipeline(fs, path, &messages);
    REQUIRE(pipeline.has_value());
    // PayloadFacts view the pipeline they were found in: it lives as long as the fixture.
    return AnalyzePayloads(pipelines.emplace_back(std::move(*pipeline)), map, options);
  }
  std::deque<PipelineFacts> pipelines;

  static const PayloadFacts& Find(const PickleFacts& facts, const std::string& transform) {
    for (const auto& payload : facts.payloads) {
      if (payload.transform_name == transform) return payload;
    }
    FAIL("no payload for transform " << transform);
    return facts.payloads.front();
  }
};

}  // namespace

TEST_CASE_FIXTURE(AnalyzerFixture, "payload analyzer: dill pipeline on Python 3.11") {
  PickleFacts facts = Analyze("dill_py311");
  REQUIRE(facts.payloads.size() == 9);
  CHECK(facts.distinct == 9);
  CHECK(facts.picklers() == Names{"dill"});
  const PayloadFacts& parse = Find(facts, "ParseLine");
  CHECK(parse.contents().readable);
  CHECK(parse.contents().pickler == "dill");
  CHECK(parse.contents().compression == "bz2");
  CHECK(parse.contents().protocol == 4);
  CHECK(parse.contents().bytecode == "3.11");
  CHECK(parse.contents().modules == Names{"apache_beam.transforms.core"});
  CHECK(parse.contents().uses_main_namespace);
  REQUIRE(parse.contents().main_functions.size() == 1);
  CHECK(parse.contents().main_functions[0].name == "parse_line");
  CHECK(parse.contents().main_functions[0].globals == Names{"json"});
  const PayloadFacts& count = Find(facts, "CountChars");
  REQUIRE(count.contents().main_functions.size() == 1);
  CHECK(count.contents().main_functions[0].globals.empty());  // len and str are builtins
  const PayloadFacts& format = Find(facts, "FormatOrder");
  CHECK(format.contents().main_functions[0].globals == Names{"TAX_RATE", "json"});  // round is builtin
  const PayloadFacts& tax = Find(facts, "AddTax");
  CHECK(tax.contents().main_functions[0].name == "AddTaxFn.process");
  const PayloadFacts& orders = Find(facts, "ParseOrders");
  CHECK(orders.contents().pickler == "pickle");
  CHECK(orders.contents().modules == Names{"shop_lib.transforms"});
  CHECK(orders.contents().main_functions.empty());
  const PayloadFacts& mean = Find(facts, "MeanPrice");
  CHECK(mean.urn == "beam:combinefn:pickled_python:v1");
  CHECK(mean.contents().modules == Names{"shop_lib.transforms"});
}

TEST_CASE_FIXTURE(AnalyzerFixture, "payload analyzer: cloudpickle refers to modules, no main") {
  PickleFacts facts = Analyze("cloudpickle_py312");
  CHECK(facts.picklers() == Names{"cloudpickle"});
  const PayloadFacts& config = Find(facts, "LoadConfig");
  CHECK(config.contents().modules == Names{"apache_beam.transforms.core", "yaml"});
  CHECK(config.contents().main_functions.empty());
  CHECK_FALSE(config.contents().uses_main_namespace);
  PickleFacts vendored = Analyze("vendored_cloudpickle_py311");
  CHECK(vendored.picklers() == Names{"apache_beam.internal.cloudpickle"});
}

TEST_CASE_FIXTURE(AnalyzerFixture, "payload analyzer: mixed picklers are all listed") {
  PickleFacts facts = Analyze("mixed_py310");
  CHECK(facts.picklers() == Names{"cloudpickle", "dill"});
}

TEST_CASE_FIXTURE(AnalyzerFixture, "payload analyzer: corrupt payloads are errors, others read") {
  for (int threads : {1, 2}) {
    CAPTURE(threads);
    PayloadAnalyzerOptions options;
    options.threads = threads;
    PickleFacts facts = Analyze("corrupt_py311", options);
    REQUIRE(facts.payloads.size() == 5);
    CHECK(Find(facts, "Good").contents().readable);
    CHECK(Find(facts, "BadBase64").contents().error == "invalid base64 character '!' at offset 20");
    CHECK(Find(facts, "Truncated").contents().error == "truncated bz2 stream (ends after 60 bytes)");
    CHECK(Find(facts, "Bomb").contents().error == "decompressed payload exceeds the 64 MiB per-payload limit");
    CHECK(Find(facts, "NotPickle").contents().error ==
          "memo entry 544502645 is not defined at 'LONG_BINGET' at offset 0");
    CHECK(Find(facts, "NotPickle").urn == "beam:window_fn:pickled_python:v1");
  }
}

TEST_CASE_FIXTURE(AnalyzerFixture, "payload analyzer: identical payloads are decoded once") {
  PickleFacts facts = Analyze("dill_py311_main_session");
  CHECK(facts.distinct == 9);
  PickleFacts twice = Analyze("mixed_py310");
  CHECK(twice.distinct == twice.payloads.size());
}

TEST_CASE_FIXTURE(AnalyzerFixture, "payload analyzer: repeated payloads share one reading") {
  std::string path =
      std::string(BEAMCOMPAT_BINARY_DIR) + "/testdata/pipelines/pickles/dill_py311.pb";
  auto pipeline = LoadPipeline(fs, path, &messages);
  REQUIRE(pipeline.has_value());
  // The same DoFn applied three times: three transforms carrying identical payload text.
  TransformFacts parse;
  for (const TransformFacts& transform : pipeline->transforms) {
    if (transform.unique_name == "ParseLine") parse = transform;
  }
  REQUIRE(parse.payloads.size() == 1);
  pipeline->transforms.clear();
  for (const char* name : {"ParseA", "ParseB", "ParseC"}) {
    TransformFacts copy = parse;
    copy.unique_name = name;
    pipeline->transforms.push_back(copy);
  }
  PickleFacts facts = AnalyzePayloads(*pipeline, map, {});
  REQUIRE(facts.payloads.size() == 3);
  CHECK(facts.distinct == 1);
  CHECK(facts.payloads[0].shared == facts.payloads[1].shared);
  CHECK(facts.payloads[1].shared == facts.payloads[2].shared);
  CHECK(facts.payloads[2].transform_name == "ParseC");
  CHECK(facts.payloads[2].contents().main_functions[0].globals == Names{"json"});
}

TEST_CASE_FIXTURE(AnalyzerFixture,
                  "payload analyzer: many payloads read while still being enumerated") {
  std::string path =
      std::string(BEAMCOMPAT_BINARY_DIR) + "/testdata/pipelines/pickles/dill_py311.pb";
  auto pipeline = LoadPipeline(fs, path, &messages);
  REQUIRE(pipeline.has_value());
  std::vector<TransformFacts> originals;
  for (const TransformFacts& transform : pipeline->transforms) {
    if (!transform.payloads.empty()) originals.push_back(transform);
  }
  REQUIRE(originals.size() >= 2);
  // 600 transforms cycling through the pipeline's payloads, in a different order each lap.
  pipeline->transforms.clear();
  for (size_t i = 0; i < 600; ++i) {
    pipeline->transforms.push_back(originals[(i * 7 + i / originals.size()) % originals.size()]);
  }
  for (int threads : {1, 2, 4}) {
    CAPTURE(threads);
    PayloadAnalyzerOptions options;
    options.threads = threads;
    PickleFacts facts = AnalyzePayloads(*pipeline, map, options);
    REQUIRE(facts.payloads.size() == 600);
    CHECK(facts.distinct == originals.size());
    for (size_t i = 0; i < facts.payloads.size(); ++i) {
      const TransformFacts& transform = pipeline->transforms[i];
      REQUIRE(facts.payloads[i].transform_name == transform.unique_name);
      CHECK(facts.payloads[i].contents().readable);
    }
    CHECK(Find(facts, "ParseLine").contents().main_functions[0].globals == Names{"json"});
  }
}

TEST_CASE_FIXTURE(AnalyzerFixture,
                  "payload analyzer: texts sharing their ends are told apart by their middles") {
  // 200 distinct texts that agree in their first and last 48 characters (what the dedupe
  // table hashes), then copies of texts 0 and 150. The table answers from at most 64 of the
  // colliding entries: text 0's copy shares the first reading; text 150 was never recorded,
  // so its copy is read again (the same result, one more distinct reading).
  std::deque<std::string> texts;
  PipelineFacts pipeline;
  auto add = [&](const std::string& text) {
    const std::string& id = texts.emplace_back("t" + std::to_string(pipeline.transforms.size()));
    TransformFacts transform;
    transform.id = id;
    transform.unique_name = id;
    PickledPayload payload;
    payload.urn = "beam:dofn:pickled_python_info:v1";
    payload.encoded = texts.emplace_back(text);
    transform.payloads.push_back(payload);
    pipeline.transforms.push_back(transform);
  };
  const std::string ends(48, 'A');
  for (int i = 0; i < 200; ++i) add(ends + fmt::format("{:08d}", i) + ends);
  add(ends + fmt::format("{:08d}", 0) + ends);
  add(ends + fmt::format("{:08d}", 150) + ends);
  PickleFacts facts = AnalyzePayloads(pipeline, map, {});
  REQUIRE(facts.payloads.size() == 202);
  CHECK(facts.distinct == 201);
  CHECK(facts.payloads[200].shared == facts.payloads[0].shared);
  CHECK(facts.payloads[201].shared != facts.payloads[150].shared);
  for (const PayloadFacts& payload : facts.payloads) {
    CHECK_FALSE(payload.contents().readable);
    CHECK(payload.contents().error.starts_with("payload is neither bz2"));
  }
}

TEST_CASE_FIXTURE(AnalyzerFixture, "payload analyzer: jobs in file order, facts in id order") {
  std::string path =
      std::string(BEAMCOMPAT_BINARY_DIR) + "/testdata/pipelines/pickles/dill_py311.pb";
  auto pipeline = LoadPipeline(fs, path, &messages);
  REQUIRE(pipeline.has_value());
  REQUIRE(pipeline->file_order.size() == pipeline->transforms.size());
  PickleFacts in_order = AnalyzePayloads(*pipeline, map, {});
  // The same pipeline as if its file held the transforms back to front.
  std::reverse(pipeline->file_order.begin(), pipeline->file_order.end());
  PickleFacts reversed = AnalyzePayloads(*pipeline, map, {});
  REQUIRE(reversed.payloads.size() == in_order.payloads.size());
  size_t at = 0;
  for (const TransformFacts& transform : pipeline->transforms) {
    for (size_t j = 0; j < transform.payloads.size(); ++j, ++at) {
      CAPTURE(transform.unique_name);
      CHECK(reversed.payloads[at].transform_name == transform.unique_name);
      CHECK(reversed.payloads[at].proto_path == transform.payloads[j].proto_path);
      CHECK(reversed.payloads[at].contents().modules == in_order.payloads[at].contents().modules);
      CHECK(reversed.payloads[at].contents().readable);
    }
  }
}

}  // namespace beamcompat
